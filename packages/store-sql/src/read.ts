import {
  type Entities,
  type EntityFilters,
  type EntityKind,
  type ListOptions,
  NotFound,
  type StoreUnavailable
} from "@zhibu/core"
import * as Effect from "effect/Effect"
import type { SelectQueryBuilder } from "kysely"
import { decodeRow, tables } from "./codec.js"
import { filters } from "./filters.js"
import { isKey, pagingBound, rowLimit } from "./keys.js"
import { attempt, type SqlContext } from "./run.js"
import type { ZhibuDatabase } from "./schema-types.js"

/** The record, or `NotFound`. */
export const getRecord = <K extends EntityKind>(
  ctx: SqlContext,
  kind: K,
  tenantId: string,
  id: string
): Effect.Effect<Entities[K], NotFound | StoreUnavailable> => {
  const notFound = new NotFound({ kind, id, tenantId })
  if (!isKey(tenantId) || !isKey(id) || !Object.hasOwn(tables, kind)) return Effect.fail(notFound)
  const table = tables[kind] as "zhibu_member"
  return attempt(ctx, `reading ${kind} "${id}"`, () =>
    ctx.db.selectFrom(table).select("data").where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst()
  ).pipe(
    Effect.flatMap((row): Effect.Effect<Entities[K], NotFound | StoreUnavailable> =>
      row === undefined ? Effect.fail(notFound) : Effect.map(decodeRow(kind, row.data), (r) => r.value)
    )
  )
}

type Query<T extends keyof ZhibuDatabase> = SelectQueryBuilder<ZhibuDatabase, T, { data: string }>

/** Records of the tenant matching every filter field, by id ascending; one query, filters in SQL. */
export const listRecords = <K extends EntityKind>(
  ctx: SqlContext,
  kind: K,
  tenantId: string,
  filter: EntityFilters[K] | undefined,
  options: ListOptions | undefined
): Effect.Effect<ReadonlyArray<Entities[K]>, StoreUnavailable> => {
  if (!isKey(tenantId) || !Object.hasOwn(tables, kind)) return Effect.succeed([])
  const table = tables[kind] as "zhibu_member"
  let q: Query<"zhibu_member"> | null = ctx.db.selectFrom(table).select("data").where("tenant_id", "=", tenantId)
  if (filter !== undefined) q = (filters[kind] as (q: Query<"zhibu_member">, f: unknown) => typeof q)(q, filter)
  if (q === null) return Effect.succeed([])
  if (options?.afterId !== undefined) q = q.where("id", ">", pagingBound(options.afterId))
  q = q.orderBy("id")
  const limit = rowLimit(options?.limit)
  if (limit === 0) return Effect.succeed([])
  if (limit !== null) q = q.limit(limit)
  const query = q
  return attempt(ctx, `listing ${kind} records`, () => query.execute()).pipe(
    Effect.flatMap((rows) => Effect.forEach(rows, (row) => decodeRow(kind, row.data))),
    Effect.map((rs) => rs.map((r) => r.value))
  )
}
