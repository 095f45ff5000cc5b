import type { AuditContext, AuditEntry, AuditQuery, StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { Insertable, Kysely } from "kysely"
import { isKey, rowLimit, seqBound } from "./keys.js"
import { attempt, chunks, type SqlContext } from "./run.js"
import type { AuditTable, ZhibuDatabase } from "./schema-types.js"

/**
 * Takes the tenant's counter row lock and reserves `count` audit seqs; returns the last one.
 * Every write transaction of a tenant starts here, so a tenant's writes queue on one row lock
 * (never deadlocking on record locks) while other tenants write in parallel.
 */
export const reserveSeqs = (
  ctx: SqlContext,
  trx: Kysely<ZhibuDatabase>,
  tenantId: string,
  count: number
): Effect.Effect<number, StoreUnavailable> =>
  attempt(ctx, "reserving audit numbers", async () => {
    const insert = trx.insertInto("zhibu_tenant_counter").values({ tenant_id: tenantId, audit_seq: count })
    if (ctx.traits.returning) {
      const row = await insert
        .onConflict((oc) =>
          oc.column("tenant_id").doUpdateSet({
            audit_seq: (eb) => eb(eb.ref("zhibu_tenant_counter.audit_seq"), "+", count)
          })
        )
        .returning("audit_seq")
        .executeTakeFirstOrThrow()
      return row.audit_seq
    }
    await insert.onDuplicateKeyUpdate({ audit_seq: (eb) => eb(eb.ref("audit_seq"), "+", count) }).execute()
    const row = await trx
      .selectFrom("zhibu_tenant_counter")
      .select("audit_seq")
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow()
    return row.audit_seq
  })

/** One audit row to write: the record's kind, id, new version and encoded before/after JSON. */
export interface AuditRow {
  readonly kind: string
  readonly recordId: string
  readonly version: number
  readonly before: string | null
  readonly after: string
}

/** Writes the audit rows with consecutive seqs ending at `lastSeq`, many rows per statement. */
export const insertAudit = (
  ctx: SqlContext,
  trx: Kysely<ZhibuDatabase>,
  tenantId: string,
  audit: AuditContext,
  rows: ReadonlyArray<AuditRow>,
  lastSeq: number
): Effect.Effect<void, StoreUnavailable> => {
  const first = lastSeq - rows.length + 1
  const at = audit.at.toISOString()
  const values: ReadonlyArray<Insertable<AuditTable>> = rows.map((r, i) => ({
    tenant_id: tenantId,
    seq: first + i,
    at,
    actor_id: audit.actorId,
    action: audit.action,
    kind: r.kind,
    record_id: r.recordId,
    version: r.version,
    before: r.before,
    after: r.after
  }))
  return Effect.forEach(
    chunks(values, ctx.traits.rowsPerInsert),
    (chunk) => attempt(ctx, "writing the audit log", () => trx.insertInto("zhibu_audit").values(chunk).execute()),
    { discard: true }
  )
}

const toEntry = (row: AuditTable): AuditEntry => ({
  seq: row.seq,
  tenantId: row.tenant_id,
  at: new Date(row.at),
  actorId: row.actor_id,
  action: row.action,
  kind: row.kind,
  recordId: row.record_id,
  version: row.version,
  before: row.before === null ? null : JSON.parse(row.before),
  after: JSON.parse(row.after)
})

/** The tenant's audit entries by seq, optionally for one record id and after a seq. */
export const readAuditLog = (
  ctx: SqlContext,
  tenantId: string,
  query: AuditQuery | undefined
): Effect.Effect<ReadonlyArray<AuditEntry>, StoreUnavailable> => {
  if (!isKey(tenantId)) return Effect.succeed([])
  let q = ctx.db.selectFrom("zhibu_audit").selectAll().where("tenant_id", "=", tenantId)
  if (query?.recordId !== undefined) {
    if (!isKey(query.recordId)) return Effect.succeed([])
    q = q.where("record_id", "=", query.recordId)
  }
  const after = seqBound(query?.afterSeq)
  if (after === "none") return Effect.succeed([])
  if (after !== null) q = q.where("seq", ">", after)
  q = q.orderBy("seq")
  const limit = rowLimit(query?.limit)
  if (limit === 0) return Effect.succeed([])
  if (limit !== null) q = q.limit(limit)
  const built = q
  return attempt(ctx, "reading the audit log", () => built.execute()).pipe(Effect.map((rows) => rows.map(toEntry)))
}
