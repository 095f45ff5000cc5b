import {
  type AuditContext,
  Conflict,
  type Entities,
  type EntityKind,
  InvalidRecord,
  NotFound,
  type StoreUnavailable,
  type Write
} from "@zhibu/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Kysely } from "kysely"
import { type AuditRow, insertAudit } from "./audit.js"
import { encodeRecord, projections, tables } from "./codec.js"
import { isKey } from "./keys.js"
import { attempt, chunks, type SqlContext } from "./run.js"
import type { ZhibuDatabase } from "./schema-types.js"

type Stored = Entities[EntityKind]
export type WriteError = Conflict | NotFound | InvalidRecord | StoreUnavailable

/** A record as it stands inside the transaction. */
interface Current {
  readonly version: number
  readonly json: string
}

/** A record the writes touch: the version it had before the call (null if new) and its final state. */
interface Touched {
  readonly kind: EntityKind
  readonly id: string
  readonly original: number | null
  final: { readonly version: number; readonly json: string; readonly value: Stored }
}

const slot = (kind: string, id: string) => `${kind}\u0000${id}`
const isKind = (kind: unknown): kind is EntityKind => typeof kind === "string" && Object.hasOwn(tables, kind)
const recordId = (w: Write): string => String((w.record as { id?: unknown } | null)?.id)

/** Reads (and on PostgreSQL and MySQL locks) every record the writes name, a chunk of ids per query. */
const prefetch = (
  ctx: SqlContext,
  trx: Kysely<ZhibuDatabase>,
  tenantId: string,
  writes: ReadonlyArray<Write>
): Effect.Effect<Map<string, Current>, StoreUnavailable> => {
  const ids = new Map<EntityKind, Set<string>>()
  for (const w of writes) {
    const id = recordId(w)
    if (isKind(w.kind) && isKey(id)) ids.set(w.kind, (ids.get(w.kind) ?? new Set()).add(id))
  }
  return Effect.forEach(
    [...ids].flatMap(([kind, set]) => chunks([...set], ctx.traits.rowsPerInsert).map((c) => [kind, c] as const)),
    ([kind, chunk]) =>
      attempt(ctx, `reading ${kind} records before writing`, () =>
        trx
          .selectFrom(tables[kind] as "zhibu_member")
          .select(["id", "version", "data"])
          .where("tenant_id", "=", tenantId)
          .where("id", "in", chunk)
          .$if(ctx.traits.lockRows, (q) => q.forUpdate())
          .execute()
      ).pipe(Effect.map((rows) => rows.map((r) => [slot(kind, r.id), { version: r.version, json: r.data }] as const)))
  ).pipe(Effect.map((found) => new Map<string, Current>(found.flat())))
}

interface Plan {
  readonly results: ReadonlyArray<Stored>
  readonly touched: ReadonlyArray<Touched>
  readonly audit: ReadonlyArray<AuditRow>
}

/**
 * Replays the writes, in order, against the prefetched records, as the in-memory model would: the
 * first write that is invalid, stale or missing decides the error and nothing is written. Each
 * touched record then needs exactly one statement, however many writes it had.
 */
export const plan = (
  tenantId: string,
  writes: ReadonlyArray<Write>,
  state: Map<string, Current>
): Either.Either<Plan, Conflict | NotFound | InvalidRecord> => {
  const results: Array<Stored> = []
  const touched = new Map<string, Touched>()
  const audit: Array<AuditRow> = []
  for (const w of writes) {
    const kind: unknown = w.kind
    if (!isKind(kind))
      return Either.left(new InvalidRecord({ kind: String(kind), id: recordId(w), reason: "unknown kind of record" }))
    const op: unknown = w.op
    if (op !== "create" && op !== "update")
      return Either.left(new InvalidRecord({ kind, id: recordId(w), reason: `unknown operation "${String(op)}"` }))
    // The version is the store's: check the rest with a placeholder, then set the real one.
    const checked = encodeRecord(kind, tenantId, { ...w.record, version: 1 })
    if (Either.isLeft(checked)) return Either.left(checked.left)
    const id: string = checked.right.value.id
    const key = slot(kind, id)
    const current = state.get(key)
    let version: number
    if (w.op === "create") {
      if (current !== undefined)
        return Either.left(new Conflict({ kind, id, expectedVersion: 0, actualVersion: current.version }))
      version = 1
    } else {
      if (current === undefined) return Either.left(new NotFound({ kind, id, tenantId }))
      if (current.version !== w.expectedVersion)
        return Either.left(
          new Conflict(
            { kind, id, expectedVersion: w.expectedVersion, actualVersion: current.version },
            // a caller's non-integer version is still a conflict, not a crash (as in the memory model)
            { disableValidation: true }
          )
        )
      version = current.version + 1
    }
    const value = { ...checked.right.value, version } as Stored
    const json = JSON.stringify({ ...(checked.right.encoded as object), version })
    audit.push({ kind, recordId: id, version, before: current?.json ?? null, after: json })
    const entry = touched.get(key)
    if (entry === undefined) touched.set(key, { kind, id, original: current?.version ?? null, final: { version, json, value } })
    else entry.final = { version, json, value }
    state.set(key, { version, json })
    results.push(value)
  }
  return Either.right({ results, touched: [...touched.values()], audit })
}

const row = (tenantId: string, t: Touched) => ({
  tenant_id: tenantId,
  id: t.id,
  version: t.final.version,
  data: t.final.json,
  ...(projections[t.kind] as (r: Stored) => Record<string, string | null>)(t.final.value)
})

/** New records: multi-row inserts, a chunk per statement. */
const insertNew = (ctx: SqlContext, trx: Kysely<ZhibuDatabase>, tenantId: string, touched: ReadonlyArray<Touched>) =>
  Effect.forEach(
    Object.keys(tables) as ReadonlyArray<EntityKind>,
    (kind) =>
      Effect.forEach(
        chunks(
          touched.filter((t) => t.kind === kind && t.original === null),
          ctx.traits.rowsPerInsert
        ),
        (chunk) =>
          attempt(ctx, `creating ${kind} records`, () =>
            trx
              .insertInto(tables[kind] as "zhibu_member")
              .values(chunk.map((t) => row(tenantId, t) as never))
              .execute()
          ),
        { discard: true }
      ),
    { discard: true }
  )

/** Existing records: one update each, guarded by the version read at the start of the transaction. */
const updateExisting = (
  ctx: SqlContext,
  trx: Kysely<ZhibuDatabase>,
  tenantId: string,
  touched: ReadonlyArray<Touched>
): Effect.Effect<void, Conflict | StoreUnavailable> =>
  Effect.forEach(
    touched.filter((t) => t.original !== null),
    (t) => {
      const { tenant_id: _tenant, id: _id, ...set } = row(tenantId, t)
      const table = tables[t.kind] as "zhibu_member"
      return attempt(ctx, `updating ${t.kind} "${t.id}"`, () =>
        trx
          .updateTable(table)
          .set(set as never)
          .where("tenant_id", "=", tenantId)
          .where("id", "=", t.id)
          .where("version", "=", t.original!)
          .executeTakeFirst()
      ).pipe(
        Effect.flatMap((result) =>
          result.numUpdatedRows === 1n
            ? Effect.void
            : // Only a writer that bypasses the tenant's counter lock can get here.
              attempt(ctx, `re-reading ${t.kind} "${t.id}"`, () =>
                trx
                  .selectFrom(table)
                  .select("version")
                  .where("tenant_id", "=", tenantId)
                  .where("id", "=", t.id)
                  .executeTakeFirst()
              ).pipe(
                Effect.flatMap((now) =>
                  Effect.fail(
                    new Conflict({ kind: t.kind, id: t.id, expectedVersion: t.original!, actualVersion: now?.version ?? 0 })
                  )
                )
              )
        )
      )
    },
    { discard: true }
  )

/**
 * Applies the writes inside an open transaction whose audit seqs up to `lastSeq` are reserved:
 * checks them in order, then writes each touched record once and the audit rows, many per statement.
 */
export const applyWrites = (
  ctx: SqlContext,
  trx: Kysely<ZhibuDatabase>,
  tenantId: string,
  writes: ReadonlyArray<Write>,
  audit: AuditContext,
  lastSeq: number
): Effect.Effect<ReadonlyArray<Stored>, WriteError> =>
  Effect.gen(function* () {
    const state = yield* prefetch(ctx, trx, tenantId, writes)
    const planned = yield* plan(tenantId, writes, state)
    yield* insertNew(ctx, trx, tenantId, planned.touched)
    yield* updateExisting(ctx, trx, tenantId, planned.touched)
    yield* insertAudit(ctx, trx, tenantId, audit, planned.audit, lastSeq)
    return planned.results
  })
