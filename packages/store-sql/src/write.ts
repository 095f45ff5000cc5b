import {
  type AnyRecordKind,
  type AuditContext,
  Conflict,
  type InvalidRecord,
  type KindRegistry,
  type NotFound,
  planWrites,
  type StoredRecord,
  type StoreUnavailable,
  type TouchedRecord,
  type Write
} from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { Kysely } from "kysely"
import { insertAudit } from "./audit.js"
import { type SqlRow, toSqlRow } from "./codec.js"
import { rowsPerInsert } from "./dialect.js"
import { isKey } from "./keys.js"
import { attempt, chunks, type SqlContext } from "./run.js"

export type WriteError = Conflict | NotFound | InvalidRecord | StoreUnavailable

const slot = (kind: string, id: string) => `${kind}\u0000${id}`
const recordId = (w: Write): string => String((w.record as { id?: unknown } | null)?.id)

interface Current {
  readonly version: number
  readonly stored: SqlRow
}

/** Reads (and on PostgreSQL and MySQL locks) every record the writes name, a chunk of ids per query. */
const prefetch = (
  ctx: SqlContext,
  trx: Kysely<any>,
  kinds: KindRegistry,
  tenantId: string,
  writes: ReadonlyArray<Write>
): Effect.Effect<Map<string, Current>, StoreUnavailable> => {
  const ids = new Map<AnyRecordKind, Set<string>>()
  for (const w of writes) {
    const kind = kinds.get(w.kind?.name)
    const id = recordId(w)
    if (kind !== undefined && isKey(id)) ids.set(kind, (ids.get(kind) ?? new Set()).add(id))
  }
  return Effect.forEach(
    [...ids].flatMap(([kind, set]) => chunks([...set], ctx.traits.rowsPerInsert).map((c) => [kind, c] as const)),
    ([kind, chunk]) =>
      attempt(ctx, `reading ${kind.name} records before writing`, () =>
        trx
          .selectFrom(kind.table)
          .select(["id", "version", "data"])
          .where("tenant_id", "=", tenantId)
          .where("id", "in", chunk)
          .$if(ctx.traits.lockRows, (q) => q.forUpdate())
          .execute()
      ).pipe(
        Effect.map((rows) =>
          rows.map((r) => [slot(kind.name, r.id as string), { version: r.version as number, stored: { json: r.data as string, columns: null } }] as const)
        )
      )
  ).pipe(Effect.map((found) => new Map<string, Current>(found.flat())))
}

const row = (tenantId: string, t: TouchedRecord<SqlRow>) => ({
  tenant_id: tenantId,
  id: t.id,
  version: t.final.version,
  data: t.final.stored.json,
  ...t.final.stored.columns
})

/** New records: multi-row inserts, a chunk per statement and kind. */
const insertNew = (ctx: SqlContext, trx: Kysely<any>, tenantId: string, touched: ReadonlyArray<TouchedRecord<SqlRow>>) => {
  const byKind = new Map<AnyRecordKind, Array<TouchedRecord<SqlRow>>>()
  for (const t of touched) {
    if (t.original !== null) continue
    const own = byKind.get(t.kind)
    // Appended in place: copying the list for every record made a province's import quadratic.
    if (own === undefined) byKind.set(t.kind, [t])
    else own.push(t)
  }
  return Effect.forEach(
    // tenant_id, id, version and data, and one column per projected field.
    [...byKind].flatMap(([kind, ts]) => chunks(ts, rowsPerInsert(ctx.traits, 4 + Object.keys(kind.fields).length)).map((c) => [kind, c] as const)),
    ([kind, chunk]) =>
      attempt(ctx, `creating ${kind.name} records`, () =>
        trx
          .insertInto(kind.table)
          .values(chunk.map((t) => row(tenantId, t)))
          .execute()
      ),
    { discard: true }
  )
}

/** Existing records: one update each, guarded by the version read at the start of the transaction. */
const updateExisting = (
  ctx: SqlContext,
  trx: Kysely<any>,
  tenantId: string,
  touched: ReadonlyArray<TouchedRecord<SqlRow>>
): Effect.Effect<void, Conflict | StoreUnavailable> =>
  Effect.forEach(
    touched.filter((t) => t.original !== null),
    (t) => {
      const { tenant_id: _tenant, id: _id, ...set } = row(tenantId, t)
      const original = t.original!.version
      return attempt(ctx, `updating ${t.kind.name} "${t.id}"`, () =>
        trx.updateTable(t.kind.table).set(set).where("tenant_id", "=", tenantId).where("id", "=", t.id).where("version", "=", original).executeTakeFirst()
      ).pipe(
        Effect.flatMap((result) =>
          result.numUpdatedRows === 1n
            ? Effect.void
            : // Only a writer that bypasses the tenant's counter lock can get here.
              attempt(ctx, `re-reading ${t.kind.name} "${t.id}"`, () =>
                trx.selectFrom(t.kind.table).select("version").where("tenant_id", "=", tenantId).where("id", "=", t.id).executeTakeFirst()
              ).pipe(
                Effect.flatMap((now) =>
                  Effect.fail(
                    new Conflict({ kind: t.kind.name, id: t.id, expectedVersion: original, actualVersion: (now?.version as number | undefined) ?? 0 })
                  )
                )
              )
        )
      )
    },
    { discard: true }
  )

/**
 * Applies the writes inside an open transaction whose audit seqs up to `lastSeq` are reserved: the
 * records they name are read (and locked) first, `planWrites` replays them as every adapter does,
 * then each touched record is written once and the audit rows many per statement.
 */
export const applyWrites = (
  ctx: SqlContext,
  trx: Kysely<any>,
  kinds: KindRegistry,
  tenantId: string,
  writes: ReadonlyArray<Write>,
  audit: AuditContext,
  lastSeq: number
): Effect.Effect<ReadonlyArray<StoredRecord>, WriteError> =>
  Effect.gen(function* () {
    const state = yield* prefetch(ctx, trx, kinds, tenantId, writes)
    const planned = yield* planWrites<SqlRow>(kinds, tenantId, writes, (kind, id) => state.get(slot(kind.name, id)), toSqlRow)
    yield* insertNew(ctx, trx, tenantId, planned.touched)
    yield* updateExisting(ctx, trx, tenantId, planned.touched)
    yield* insertAudit(
      ctx,
      trx,
      tenantId,
      audit,
      planned.audit.map((a) => ({ kind: a.kind, recordId: a.recordId, version: a.version, before: a.before?.json ?? null, after: a.after.json })),
      lastSeq
    )
    return planned.results
  })
