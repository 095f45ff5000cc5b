import {
  type AnyAggregateRow,
  type AnyRecordKind,
  columnOf,
  compareAggregateRows,
  type KindRegistry,
  requireAggregateFields,
  type StoreUnavailable
} from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { whereFilter } from "./filters.js"
import { isKey } from "./keys.js"
import { attempt, type SqlContext } from "./run.js"

/** What `aggregate` asks, untyped. */
export interface AggregateSpec {
  readonly groupBy: ReadonlyArray<string>
  readonly filter?: Readonly<Record<string, unknown>> | undefined
  readonly sum?: ReadonlyArray<string> | undefined
}

/** Drivers return counts and sums as numbers, bigint strings or decimal strings; a county's fit in 2^53. */
const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))

/** A summed column, in the type the dialect adds integers in fastest (`DialectTraits.sumAs`). */
const summed = (ctx: SqlContext, column: string) => (ctx.traits.sumAs === null ? sql.ref(column) : sql`cast(${sql.ref(column)} as ${sql.raw(ctx.traits.sumAs)})`)

/**
 * The one `group by` statement of `aggregate`, or null when no record can match. It reads only the
 * projected columns (indexed per the kind's descriptor), never the records' JSON.
 */
export const aggregateQuery = (ctx: SqlContext, kind: AnyRecordKind, tenantId: string, spec: AggregateSpec) => {
  const where = whereFilter(ctx.dialect, kind, spec.filter)
  if (where === null) return null
  const groupColumns = spec.groupBy.map(columnOf)
  const sums = spec.sum ?? []
  let q = ctx.records
    .selectFrom(kind.table)
    .where("tenant_id", "=", tenantId)
    .where(where)
    .select((eb) => [eb.fn.countAll().as("zhibu_count"), ...sums.map((f, i) => eb.fn.sum(summed(ctx, columnOf(f))).as(`zhibu_sum_${i}`))])
  for (const [i, c] of groupColumns.entries()) q = q.select(sql.ref(c).as(`zhibu_group_${i}`))
  return groupColumns.length === 0 ? q : q.groupBy(groupColumns)
}

/** Records of the tenant counted (and summed) per group by the database in one statement, in the port's order. */
export const aggregateRecords = (
  ctx: SqlContext,
  kinds: KindRegistry,
  kind: AnyRecordKind,
  tenantId: string,
  spec: AggregateSpec
): Effect.Effect<ReadonlyArray<AnyAggregateRow>, StoreUnavailable> => {
  const served = kinds.get(kind?.name)
  if (served === undefined || !isKey(tenantId)) return Effect.succeed([])
  requireAggregateFields(served, spec.groupBy, spec.sum ?? [])
  const query = aggregateQuery(ctx, served, tenantId, spec)
  if (query === null) return Effect.succeed([])
  const sums = spec.sum ?? []
  // Column aliases and field types worked out once, not for every row (a province's month × organization
  // aggregate answers hundreds of thousands of rows).
  const groups = spec.groupBy.map((f, i) => ({ field: f, alias: `zhibu_group_${i}`, int: (served.fields[f] as { type: string }).type === "int" }))
  const sumAliases = sums.map((f, i) => ({ field: f, alias: `zhibu_sum_${i}` }))
  return attempt(ctx, `counting ${served.name} records`, () => query.execute()).pipe(
    Effect.map((rows) => {
      // One pass, one array: a province's month aggregate is 330,000 rows, and every extra array or
      // object per row is garbage to collect.
      const out: Array<AnyAggregateRow> = []
      for (const r of rows as ReadonlyArray<Record<string, unknown>>) {
        const count = toNumber(r.zhibu_count)
        // Without `group by`, SQL answers one row even when nothing matched; the port has no empty groups.
        if (count <= 0) continue
        const group: Record<string, string | number | null> = {}
        for (const g of groups) {
          const v = r[g.alias]
          group[g.field] = v === null || v === undefined ? null : g.int ? Number(v) : typeof v === "string" ? v : String(v)
        }
        const summed: Record<string, number> = {}
        for (const a of sumAliases) summed[a.field] = toNumber(r[a.alias])
        out.push({ group, count, sums: summed })
      }
      return out.sort(compareAggregateRows(spec.groupBy))
    })
  )
}
