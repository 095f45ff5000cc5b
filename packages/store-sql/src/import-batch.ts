import type { AuditContext, BatchResult, KindRegistry, StoredRecord, StoreUnavailable, Write } from "@zhibu/core/store"
import { createHash } from "node:crypto"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { Kysely } from "kysely"
import { reserveSeqs } from "./audit.js"
import { decodeRows } from "./codec.js"
import { isKey } from "./keys.js"
import { attempt, chunks, type SqlContext, transaction } from "./run.js"
import { applyWrites, type WriteError } from "./write.js"

type Stored = StoredRecord
/** A record a batch wrote: its kind's name and its id. */
type Ref = readonly [string, string]

/** The batch had been applied: the transaction rolls back and the call answers with the records as they are. */
class AlreadyApplied extends Data.TaggedError("AlreadyApplied")<{ readonly records: ReadonlyArray<Stored> }> {}

/**
 * The key of a batch id: SHA-256 over its UTF-16 code units, so every JavaScript string — any
 * length, any characters — compares exactly, with no collation or padding rule in the way.
 */
export const batchKey = (batchId: string): string => createHash("sha256").update(batchId, "utf16le").digest("hex")

/** The records a batch wrote, as stored now, in the order of its writes (a record written twice appears twice). */
const currentRecords = (
  ctx: SqlContext,
  trx: Kysely<any>,
  kinds: KindRegistry,
  tenantId: string,
  refs: ReadonlyArray<Ref>
): Effect.Effect<ReadonlyArray<Stored>, StoreUnavailable> => {
  const found = new Map<string, Stored>()
  const byKind = kinds.kinds.map((kind) => [kind, [...new Set(refs.filter((r) => r[0] === kind.name).map((r) => r[1]))]] as const)
  return Effect.forEach(
    byKind.flatMap(([kind, ids]) => chunks(ids, ctx.traits.rowsPerInsert).map((chunk) => [kind, chunk] as const)),
    ([kind, chunk]) =>
      attempt(ctx, `reading the ${kind.name} records of a batch`, () =>
        trx.selectFrom(kind.table).select(["id", "data"]).where("tenant_id", "=", tenantId).where("id", "in", chunk).execute()
      ).pipe(
        Effect.flatMap((rows) =>
          Effect.map(decodeRows(kind, rows), (records) => {
            for (const [i, r] of records.entries()) found.set(`${kind.name}\u0000${rows[i]!.id}`, r)
          })
        )
      ),
    { discard: true }
  ).pipe(Effect.map(() => refs.flatMap(([kind, id]) => found.get(`${kind}\u0000${id}`) ?? [])))
}

/** Applies a batch once per tenant and batch id; see `StoreShape.importBatch`. */
export const importBatch = (
  ctx: SqlContext,
  kinds: KindRegistry,
  tenantId: string,
  batchId: string,
  writes: ReadonlyArray<Write>,
  audit: AuditContext
): Effect.Effect<BatchResult<Stored>, WriteError> => {
  const key = batchKey(batchId)
  return transaction(ctx, `importing batch "${batchId}"`, (trx) =>
    Effect.gen(function* () {
      const lastSeq = yield* reserveSeqs(ctx, trx, tenantId, writes.length)
      const applied = yield* attempt(ctx, "looking up the batch", () =>
        trx
          .selectFrom("zhibu_import_batch")
          .select("record_refs")
          .where("tenant_id", "=", tenantId)
          .where("batch_key", "=", key)
          .executeTakeFirst()
      )
      if (applied !== undefined) {
        const refs = (JSON.parse(applied.record_refs) as ReadonlyArray<Ref>).filter(
          ([kind, id]) => kinds.get(kind) !== undefined && isKey(id)
        )
        return yield* new AlreadyApplied({ records: yield* currentRecords(ctx, trx, kinds, tenantId, refs) })
      }
      const records = yield* applyWrites(ctx, trx, kinds, tenantId, writes, audit, lastSeq)
      const refs: ReadonlyArray<Ref> = records.map((r, i) => [writes[i]!.kind.name, r.id])
      yield* attempt(ctx, "recording the batch", () =>
        trx
          .insertInto("zhibu_import_batch")
          .values({
            tenant_id: tenantId,
            batch_key: key,
            batch_id: batchId.replaceAll("\u0000", ""),
            applied_at: audit.at.toISOString(),
            record_refs: JSON.stringify(refs)
          })
          .execute()
      )
      return { applied: true, records } satisfies BatchResult<Stored>
    })
  ).pipe(Effect.catchTag("AlreadyApplied", (e) => Effect.succeed({ applied: false, records: e.records })))
}
