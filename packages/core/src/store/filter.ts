import type { AnyRecordKind, FieldType, FieldValue, Fields, FilterableField, StoredRecord } from "./record-kind.js"

/** An inclusive range: `gte` ≤ value ≤ `lte`; either end may be left open. A null value is in no range. */
export interface Range<V> {
  readonly gte?: V
  readonly lte?: V
}

/**
 * A condition on one field: a value (equal to it), `null` (the field is null), a list (equal to one
 * of them; an empty list matches nothing) or a {@link Range} (dates and integers).
 */
export type Condition<V> = V | ReadonlyArray<NonNullable<V>> | Range<NonNullable<V>>

/**
 * The filter of `list` and `aggregate` for a kind: every given field must match its condition;
 * absent (or `undefined`) fields match everything.
 */
export type RecordFilter<K> = { readonly [P in FilterableField<K>]?: Condition<FieldValue<K, P>> }

/** The shape every id, tenant id and enum value stored in a key field has (see `tenant/ids.ts`). */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/

/** True for a value of the shape every stored key has; a value of any other shape matches no record. */
export const isKey = (value: unknown): value is string => typeof value === "string" && KEY.test(value)

/** A filter condition, checked and normalized: what adapters translate, one case each. */
export type NormalizedCondition =
  | { readonly field: string; readonly type: FieldType; readonly op: "eq"; readonly value: string | number }
  | { readonly field: string; readonly type: FieldType; readonly op: "in"; readonly values: ReadonlyArray<string | number> }
  | { readonly field: string; readonly type: FieldType; readonly op: "isNull" }
  | {
      readonly field: string
      readonly type: FieldType
      readonly op: "range"
      readonly gte: string | number | undefined
      readonly lte: string | number | undefined
    }

/** The shape of every stored `date` value: a civil date `YYYY-MM-DD`. */
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * A value that a stored field of this type can hold (anything else matches nothing). Dates must
 * have the `YYYY-MM-DD` shape, so that every database orders them as JavaScript does (a collation
 * that pads with spaces, as MariaDB's does, or one that skips punctuation would order other text
 * differently); ints must be safe integers (PostgreSQL refuses `1.5` for a `bigint`).
 */
const storable = (type: FieldType, value: unknown): value is string | number => {
  switch (type) {
    case "key":
      return isKey(value)
    case "date":
      return typeof value === "string" && DATE.test(value)
    case "int":
      return Number.isSafeInteger(value)
    case "text":
      return false
  }
}

/**
 * The bounds of a range as stored values can meet them, or null when no stored value lies within.
 * A date bound must be a date. An int bound is rounded inwards (`gte: 1.5` is `gte: 2`) and one past
 * every safe integer is dropped (`lte: Infinity`) or excludes everything (`gte: Infinity`); NaN
 * excludes everything.
 */
const rangeBounds = (
  type: FieldType,
  gte: unknown,
  lte: unknown
): { readonly gte: string | number | undefined; readonly lte: string | number | undefined } | null => {
  if (type === "date") return (gte === undefined || storable(type, gte)) && (lte === undefined || storable(type, lte)) ? { gte, lte } : null
  if ((gte !== undefined && typeof gte !== "number") || (lte !== undefined && typeof lte !== "number")) return null
  if (Number.isNaN(gte) || Number.isNaN(lte)) return null
  const low = gte === undefined || gte <= Number.MIN_SAFE_INTEGER ? undefined : Math.ceil(gte)
  const high = lte === undefined || lte >= Number.MAX_SAFE_INTEGER ? undefined : Math.floor(lte)
  if ((low !== undefined && low > Number.MAX_SAFE_INTEGER) || (high !== undefined && high < Number.MIN_SAFE_INTEGER)) return null
  return { gte: low, lte: high }
}

const isRange = (c: unknown): c is Range<unknown> => typeof c === "object" && c !== null && !Array.isArray(c)

/** Lists this long or longer are normalized once and remembered (see {@link listValues}). */
const REMEMBERED_LIST = 256

const lists = new WeakMap<ReadonlyArray<unknown>, { readonly type: FieldType; readonly items: ReadonlyArray<unknown>; readonly values: ReadonlyArray<string | number> }>()

/**
 * A list condition's storable values, once each. A long list is normalized once and the result
 * reused while the list holds the same items (checked item by item, far cheaper than checking each
 * value's shape): a stream pages a province's files with the same 27,000 organizations for each of
 * 274 pages. The same values array then keeps its set (`valueSet`) and its SQL parameter.
 */
const listValues = (type: FieldType, condition: ReadonlyArray<unknown>): ReadonlyArray<string | number> => {
  const known = condition.length >= REMEMBERED_LIST ? lists.get(condition) : undefined
  if (known !== undefined && known.type === type && sameItems(known.items, condition)) return known.values
  const values = [...new Set(condition.filter((v) => storable(type, v)))]
  if (condition.length >= REMEMBERED_LIST) lists.set(condition, { type, items: [...condition], values })
  return values
}

const sameItems = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false
  return true
}

/**
 * The filter as conditions, or null when no stored record can match it (an empty list, a value no
 * stored field can hold). Both adapters filter through it, so they agree on every edge. A field the
 * kind does not have, or a `text` field, is a programming error (it throws).
 */
export const normalizeFilter = (
  kind: AnyRecordKind,
  filter: Readonly<Record<string, unknown>> | undefined
): ReadonlyArray<NormalizedCondition> | null => {
  const out: Array<NormalizedCondition> = []
  for (const [name, condition] of Object.entries(filter ?? {})) {
    if (condition === undefined) continue
    const spec = (kind.fields as Fields<StoredRecord>)[name]
    if (spec === undefined || spec.type === "text" || !Object.hasOwn(kind.fields, name)) {
      throw new TypeError(`${kind.name} records cannot be filtered by "${name}"`)
    }
    const { type } = spec
    if (condition === null) {
      if (!spec.nullable) return null
      out.push({ field: name, type, op: "isNull" })
    } else if (Array.isArray(condition)) {
      const values = listValues(type, condition)
      if (values.length === 0) return null
      out.push(values.length === 1 ? { field: name, type, op: "eq", value: values[0]! } : { field: name, type, op: "in", values })
    } else if (isRange(condition)) {
      if (type === "key") throw new TypeError(`${kind.name}.${name} is a key: filter it by a value or a list, not a range`)
      const bounds = rangeBounds(type, condition.gte, condition.lte)
      if (bounds === null) return null
      out.push({ field: name, type, op: "range", gte: bounds.gte, lte: bounds.lte })
    } else {
      if (!storable(type, condition)) return null
      out.push({ field: name, type, op: "eq", value: condition })
    }
  }
  return out
}

/** Lists up to this long are searched in place; longer ones through a set built once per list. */
const SMALL_LIST = 16

const sets = new WeakMap<ReadonlyArray<string | number>, ReadonlySet<string | number>>()

/**
 * The values of a normalized list as a set, built on first use: matching a province's records against
 * the 27,000 organizations of its subtree looked each one up in the whole list.
 */
const valueSet = (values: ReadonlyArray<string | number>): ReadonlySet<string | number> => {
  let set = sets.get(values)
  if (set === undefined) {
    set = new Set(values)
    sets.set(values, set)
  }
  return set
}

/** True when a projected record matches every condition: the model adapters are tested against. */
export const matchesConditions = (
  projected: Readonly<Record<string, string | number | null>>,
  conditions: ReadonlyArray<NormalizedCondition>
): boolean =>
  conditions.every((c) => matchesCondition(projected[c.field] ?? null, c))

const matchesCondition = (value: string | number | null, c: NormalizedCondition): boolean => {
  switch (c.op) {
    case "isNull":
      return value === null
    case "eq":
      return value === c.value
    case "in":
      return value !== null && (c.values.length <= SMALL_LIST ? c.values.includes(value) : valueSet(c.values).has(value))
    case "range":
      return value !== null && (c.gte === undefined || value >= c.gte) && (c.lte === undefined || value <= c.lte)
  }
}
