import type { RecordFilter } from "./filter.js"
import type { FieldValue, FilterableField, SummableField } from "./record-kind.js"

/**
 * 分组统计 — what `aggregate` counts: the records of a kind matching `filter`, grouped by the
 * `groupBy` fields (none: one group of all), with the `sum` fields added up per group.
 */
export interface AggregateQuery<K, G extends FilterableField<K> = FilterableField<K>, S extends SummableField<K> = never> {
  readonly groupBy: ReadonlyArray<G>
  readonly filter?: RecordFilter<K>
  readonly sum?: ReadonlyArray<S>
}

/** One group: its values of the `groupBy` fields, how many records it has (≥ 1), and its sums. */
export interface AggregateRow<K, G extends FilterableField<K> = FilterableField<K>, S extends SummableField<K> = never> {
  readonly group: { readonly [P in G]: FieldValue<K, P> }
  readonly count: number
  readonly sums: { readonly [P in S]: number }
}

/** An untyped row, as adapters build it. */
export interface AnyAggregateRow {
  readonly group: Readonly<Record<string, string | number | null>>
  readonly count: number
  readonly sums: Readonly<Record<string, number>>
}

const compareValues = (a: string | number | null, b: string | number | null): number => {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return a < b ? -1 : 1
}

/**
 * The order of `aggregate` rows: by the `groupBy` fields in turn, null first, strings in code-unit
 * order, numbers ascending. Adapters sort with it, so no database collation decides the order.
 */
export const compareAggregateRows =
  (groupBy: ReadonlyArray<string>) =>
  (a: AnyAggregateRow, b: AnyAggregateRow): number => {
    for (const f of groupBy) {
      const c = compareValues(a.group[f] ?? null, b.group[f] ?? null)
      if (c !== 0) return c
    }
    return 0
  }

/**
 * Groups projected records directly: the reference model of `aggregate` (the memory store answers
 * with it; the SQL store runs one `GROUP BY` and must agree).
 */
export const aggregateProjected = (
  records: Iterable<Readonly<Record<string, string | number | null>>>,
  groupBy: ReadonlyArray<string>,
  sum: ReadonlyArray<string>
): ReadonlyArray<AnyAggregateRow> => {
  const groups = new Map<string, { group: Record<string, string | number | null>; count: number; sums: Record<string, number> }>()
  for (const r of records) {
    const values = groupBy.map((f) => r[f] ?? null)
    // JSON of the values separates strings from numbers and null from "null".
    const key = JSON.stringify(values)
    let g = groups.get(key)
    if (g === undefined) {
      g = { group: Object.fromEntries(groupBy.map((f, i) => [f, values[i]!])), count: 0, sums: Object.fromEntries(sum.map((f) => [f, 0])) }
      groups.set(key, g)
    }
    g.count++
    for (const f of sum) g.sums[f] = g.sums[f]! + ((r[f] as number | null) ?? 0)
  }
  return [...groups.values()].sort(compareAggregateRows(groupBy))
}

/**
 * Checks that a kind can be grouped by every `groupBy` field and summed by every `sum` field (an
 * `int`); anything else is a programming error and throws. Both adapters check with it.
 */
export const requireAggregateFields = (
  kind: { readonly name: string; readonly fields: Readonly<Record<string, { readonly type: string }>> },
  groupBy: ReadonlyArray<string>,
  sum: ReadonlyArray<string>
): void => {
  for (const f of groupBy) {
    if (!Object.hasOwn(kind.fields, f) || kind.fields[f]!.type === "text") throw new TypeError(`${kind.name} records cannot be grouped by "${f}"`)
  }
  for (const f of sum) {
    if (!Object.hasOwn(kind.fields, f) || kind.fields[f]!.type !== "int") throw new TypeError(`${kind.name} records cannot be summed by "${f}"`)
  }
}
