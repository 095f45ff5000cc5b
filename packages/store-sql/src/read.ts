import { type AnyRecordKind, type KindRegistry, type ListOptions, NotFound, type StoredRecord, type StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { decodeRow, decodeRows } from "./codec.js"
import { whereFilter } from "./filters.js"
import { isKey, pagingBound, rowLimit } from "./keys.js"
import { attempt, type SqlContext } from "./run.js"

/** The record, or `NotFound`. */
export const getRecord = (
  ctx: SqlContext,
  kinds: KindRegistry,
  kind: AnyRecordKind,
  tenantId: string,
  id: string
): Effect.Effect<StoredRecord, NotFound | StoreUnavailable> => {
  const served = kinds.get(kind?.name)
  const notFound = new NotFound({ kind: String(kind?.name), id, tenantId })
  if (served === undefined || !isKey(tenantId) || !isKey(id)) return Effect.fail(notFound)
  return attempt(ctx, `reading ${served.name} "${id}"`, () =>
    ctx.records.selectFrom(served.table).select("data").where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst()
  ).pipe(
    Effect.flatMap((row): Effect.Effect<StoredRecord, NotFound | StoreUnavailable> =>
      row === undefined ? Effect.fail(notFound) : decodeRow(served, row.data as string)
    )
  )
}

/** Records of the tenant matching every filter condition, by id ascending; one query, filters in SQL. */
export const listRecords = (
  ctx: SqlContext,
  kinds: KindRegistry,
  kind: AnyRecordKind,
  tenantId: string,
  filter: Readonly<Record<string, unknown>> | undefined,
  options: ListOptions | undefined
): Effect.Effect<ReadonlyArray<StoredRecord>, StoreUnavailable> => {
  const served = kinds.get(kind?.name)
  if (served === undefined || !isKey(tenantId)) return Effect.succeed([])
  const where = whereFilter(ctx.dialect, served, filter)
  const limit = rowLimit(options?.limit)
  if (where === null || limit === 0) return Effect.succeed([])
  let q = ctx.records.selectFrom(served.table).select("data").where("tenant_id", "=", tenantId).where(where)
  if (options?.afterId !== undefined) q = q.where("id", ">", pagingBound(options.afterId))
  q = q.orderBy("id")
  if (limit !== null) q = q.limit(limit)
  const query = q
  return attempt(ctx, `listing ${served.name} records`, () => query.execute()).pipe(
    Effect.flatMap((rows) => decodeRows(served, rows))
  )
}
