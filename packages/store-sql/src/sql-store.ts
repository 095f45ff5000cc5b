import {
  type AnyRecordKind,
  type AuditContext,
  coreRecordKinds,
  type KindRegistry,
  makeKindRegistry,
  planWrites,
  requireValidAuditContext,
  type StoreShape,
  type Write
} from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Kysely } from "kysely"
import { aggregateRecords } from "./aggregate.js"
import { readAuditLog, reserveSeqs } from "./audit.js"
import { toSqlRow } from "./codec.js"
import type { Dialect } from "./dialect.js"
import { importBatch } from "./import-batch.js"
import { isKey } from "./keys.js"
import { getRecord, listRecords } from "./read.js"
import { sqlContext, transaction } from "./run.js"
import { applyWrites } from "./write.js"

/**
 * Checks what no database can catch for us. A tenant id of a shape no record can have refuses the
 * first write as the model does (its record cannot belong to that tenant), before a key column
 * could complain; an audit instant that is not a date is a programming error.
 */
const precheck = (kinds: KindRegistry, tenantId: string, writes: ReadonlyArray<Write>, audit: AuditContext) => {
  if (isKey(tenantId)) return requireValidAuditContext(audit)
  const refused = planWrites(kinds, tenantId, writes, () => undefined, toSqlRow)
  return Effect.zipRight(requireValidAuditContext(audit), Either.isLeft(refused) ? Effect.fail(refused.left) : Effect.void)
}

/**
 * The storage port over a Kysely instance of the given dialect, serving `kinds` (by default
 * `coreRecordKinds`). The tables must exist (`migrateToLatest`); the caller owns the Kysely
 * instance and destroys it.
 */
export const makeSqlStore = (db: Kysely<any>, dialect: Dialect, kinds: ReadonlyArray<AnyRecordKind> = coreRecordKinds): StoreShape => {
  const ctx = sqlContext(db, dialect)
  const registry = makeKindRegistry(kinds)
  return {
    get: (kind, tenantId, id) => Effect.suspend(() => getRecord(ctx, registry, kind, tenantId, id)) as never,
    list: (kind, tenantId, filter, options) =>
      Effect.suspend(() => listRecords(ctx, registry, kind, tenantId, filter as Record<string, unknown> | undefined, options)) as never,
    aggregate: (kind, tenantId, query) =>
      Effect.suspend(() =>
        aggregateRecords(ctx, registry, kind, tenantId, {
          groupBy: query.groupBy,
          filter: query.filter as Record<string, unknown> | undefined,
          sum: query.sum
        })
      ) as never,
    write: (tenantId, writes, audit) =>
      writes.length === 0
        ? Effect.succeed([])
        : Effect.zipRight(
            precheck(registry, tenantId, writes, audit),
            transaction(ctx, `writing ${writes.length} record(s)`, (trx) =>
              Effect.flatMap(reserveSeqs(ctx, trx, tenantId, writes.length), (lastSeq) =>
                applyWrites(ctx, trx, registry, tenantId, writes, audit, lastSeq)
              )
            )
          ),
    importBatch: (tenantId, batchId, writes, audit) =>
      Effect.zipRight(
        precheck(registry, tenantId, writes, audit),
        // No record can belong to such a tenant, so only an empty batch gets here: nothing to keep.
        isKey(tenantId) ? importBatch(ctx, registry, tenantId, batchId, writes, audit) : Effect.succeed({ applied: true, records: [] })
      ),
    auditLog: (tenantId, query) => readAuditLog(ctx, tenantId, query)
  }
}
