import { type AuditContext, requireValidAuditContext, type StoreShape, type Write } from "@zhibu/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Kysely } from "kysely"
import { readAuditLog, reserveSeqs } from "./audit.js"
import { countMembers } from "./count-members.js"
import type { Dialect } from "./dialect.js"
import { importBatch } from "./import-batch.js"
import { isKey } from "./keys.js"
import { getRecord, listRecords } from "./read.js"
import { sqlContext, transaction } from "./run.js"
import { applyWrites, plan } from "./write.js"

/**
 * Checks what no database can catch for us. A tenant id of a shape no record can have refuses the
 * first write as the model does (its record cannot belong to that tenant), before a key column
 * could complain; an audit instant that is not a date is a programming error.
 */
const precheck = (tenantId: string, writes: ReadonlyArray<Write>, audit: AuditContext) => {
  if (isKey(tenantId)) return requireValidAuditContext(audit)
  const refused = plan(tenantId, writes, new Map())
  return Effect.zipRight(requireValidAuditContext(audit), Either.isLeft(refused) ? Effect.fail(refused.left) : Effect.void)
}

/**
 * The storage port over a Kysely instance of the given dialect. The tables must exist
 * (`migrateToLatest`); the caller owns the Kysely instance and destroys it.
 */
export const makeSqlStore = (db: Kysely<any>, dialect: Dialect): StoreShape => {
  const ctx = sqlContext(db, dialect)
  return {
    get: (kind, tenantId, id) => getRecord(ctx, kind, tenantId, id),
    list: (kind, tenantId, filter, options) => listRecords(ctx, kind, tenantId, filter, options),
    countMembers: (tenantId, filter) => countMembers(ctx, tenantId, filter),
    write: (tenantId, writes, audit) =>
      writes.length === 0
        ? Effect.succeed([])
        : Effect.zipRight(
            precheck(tenantId, writes, audit),
            transaction(ctx, `writing ${writes.length} record(s)`, (trx) =>
              Effect.flatMap(reserveSeqs(ctx, trx, tenantId, writes.length), (lastSeq) =>
                applyWrites(ctx, trx, tenantId, writes, audit, lastSeq)
              )
            )
          ),
    importBatch: (tenantId, batchId, writes, audit) =>
      Effect.zipRight(
        precheck(tenantId, writes, audit),
        // No record can belong to such a tenant, so only an empty batch gets here: nothing to keep.
        isKey(tenantId) ? importBatch(ctx, tenantId, batchId, writes, audit) : Effect.succeed({ applied: true, records: [] })
      ),
    auditLog: (tenantId, query) => readAuditLog(ctx, tenantId, query)
  }
}
