import type { AnyRecordKind, Field, FieldType } from "@zhibu/core/store"

/**
 * The simpler models the contracts compare `list` and `aggregate` with, written here from the
 * port's sentences and not taken from core (the memory store answers with core's reference
 * functions, so comparing with them would prove nothing about it).
 */

export type Value = string | number | null

/** A record's values of the kind's filterable fields (every type but `text`), read by the descriptor's getters. */
export const filterableValues = (kind: AnyRecordKind, record: unknown): Record<string, Value> => {
  const out: Record<string, Value> = {}
  for (const [name, f] of Object.entries(kind.fields as Record<string, Field<unknown, FieldType, boolean>>)) {
    if (f.type !== "text") out[name] = f.get(record)
  }
  return out
}

/** The names of a kind's fields of the given types. */
export const fieldsOf = (kind: AnyRecordKind, ...types: ReadonlyArray<FieldType>): ReadonlyArray<string> =>
  Object.entries(kind.fields as Record<string, Field<unknown>>)
    .filter(([, f]) => types.includes(f.type))
    .map(([name]) => name)

const isRange = (c: unknown): c is { readonly gte?: unknown; readonly lte?: unknown } =>
  typeof c === "object" && c !== null && !Array.isArray(c)

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * “every given field must match its condition”: a value, null, a list (none: nothing) or an
 * inclusive range (null in none). Values compare exactly, strings by code unit. Stored values have
 * their type's shape, so a value of another shape matches none of them as it is; only a range's
 * bounds need the port's own sentence: a date bound that is no `YYYY-MM-DD` date matches nothing.
 */
export const matchesFilter = (
  kind: AnyRecordKind,
  values: Readonly<Record<string, Value>>,
  filter: Readonly<Record<string, unknown>> | undefined
): boolean =>
  Object.entries(filter ?? {}).every(([field, c]) => {
    if (c === undefined) return true
    const v = values[field] ?? null
    if (c === null) return v === null
    if (Array.isArray(c)) return v !== null && c.some((x) => x === v)
    if (isRange(c)) {
      if (v === null) return false
      const { gte, lte } = c as { gte?: string | number; lte?: string | number }
      const isDate = (kind.fields as Record<string, Field<unknown>>)[field]?.type === "date"
      if (isDate && [gte, lte].some((b) => b !== undefined && !(typeof b === "string" && DATE.test(b)))) return false
      return (gte === undefined || v >= gte) && (lte === undefined || v <= lte)
    }
    return v === c
  })

/** One group as the port returns it. */
export interface Group {
  readonly group: Record<string, Value>
  readonly count: number
  readonly sums: Record<string, number>
}

/** null first, then numbers ascending or strings by UTF-16 code unit. */
const compareValue = (a: Value, b: Value): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1)

/** “ordered by the `groupBy` fields in turn, null first, strings in code-unit order, numbers ascending”. */
export const compareGroups =
  (groupBy: ReadonlyArray<string>) =>
  (a: Group, b: Group): number => {
    for (const f of groupBy) {
      const c = compareValue(a.group[f] ?? null, b.group[f] ?? null)
      if (c !== 0) return c
    }
    return 0
  }

/**
 * Groups values by a linear search (no hashing, no keys built from values), counts them and adds up
 * the `sum` fields, then orders the groups: the model of `aggregate` over records already filtered.
 */
export const groupValues = (
  rows: ReadonlyArray<Readonly<Record<string, Value>>>,
  groupBy: ReadonlyArray<string>,
  sum: ReadonlyArray<string>
): Array<Group> => {
  const groups: Array<{ group: Record<string, Value>; count: number; sums: Record<string, number> }> = []
  for (const r of rows) {
    let g = groups.find((x) => groupBy.every((f) => x.group[f] === (r[f] ?? null)))
    if (g === undefined) {
      g = { group: Object.fromEntries(groupBy.map((f) => [f, r[f] ?? null])), count: 0, sums: Object.fromEntries(sum.map((f) => [f, 0])) }
      groups.push(g)
    }
    g.count++
    for (const f of sum) g.sums[f] = g.sums[f]! + Number(r[f] ?? 0)
  }
  return groups.sort(compareGroups(groupBy))
}

/** The model of `aggregate` over whole records of a kind: filter by the projected values, then group. */
export const aggregateModel = (
  kind: AnyRecordKind,
  records: ReadonlyArray<unknown>,
  query: { readonly groupBy: ReadonlyArray<string>; readonly filter?: Readonly<Record<string, unknown>>; readonly sum?: ReadonlyArray<string> }
): Array<Group> =>
  groupValues(
    records.map((r) => filterableValues(kind, r)).filter((v) => matchesFilter(kind, v, query.filter)),
    query.groupBy,
    query.sum ?? []
  )
