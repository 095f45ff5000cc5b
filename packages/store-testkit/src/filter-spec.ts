import type { AnyRecordKind, Field } from "@zhibu/core/store"
import * as fc from "fast-check"
import { fieldsOf, type Value } from "./model.js"

/**
 * Random filters for any kind, generated as picks and resolved against the values records of the
 * kind have (or may have), so that they match some records and not others whatever the kind.
 */

/**
 * A condition on one field, as picks resolved against the values the written records have: a value,
 * a list (maybe empty, maybe with a value no record has), null, a range between two values (maybe
 * reversed, maybe open), or a value differing from one only in letter case.
 */
export type ConditionSpec =
  | { readonly shape: "value" | "twisted"; readonly pick: number }
  | { readonly shape: "list"; readonly picks: ReadonlyArray<number>; readonly absent: "none" | "one" | "many" }
  | { readonly shape: "null" }
  | { readonly shape: "range"; readonly gte: number | null; readonly lte: number | null }

export const conditionSpec: fc.Arbitrary<ConditionSpec> = fc.oneof(
  fc.record({ shape: fc.constant("value" as const), pick: fc.nat() }),
  fc.record({ shape: fc.constant("twisted" as const), pick: fc.nat() }),
  fc.record({
    shape: fc.constant("list" as const),
    picks: fc.array(fc.nat(), { maxLength: 4 }),
    absent: fc.constantFrom("none" as const, "one" as const, "many" as const)
  }),
  fc.record({ shape: fc.constant("null" as const) }),
  fc.record({ shape: fc.constant("range" as const), gte: fc.option(fc.nat()), lte: fc.option(fc.nat()) })
)

/** Swaps the case of every letter: the same key to a case-insensitive collation, another key to the store. */
const twist = (v: string): string => [...v].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("")

/** A value no written record has, of the field's type. */
/** The `i`th of many values of the field's type that no record has (Schemas here keep years after 1899). */
const absentValue = (type: string, i = 0): string | number =>
  type === "int"
    ? 2 ** 41 + 7 + i
    : type === "date"
      ? `18${String(Math.floor(i / 336) % 100).padStart(2, "0")}-${String((Math.floor(i / 28) % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`
      : `no-such-key-${i}`

/**
 * Values no record has, more than any adapter lists inline (`INLINE_LIST_LIMIT` in store-sql is
 * 200), so that a long list takes the adapters' other path (one JSON parameter) with every type.
 */
const MANY_ABSENT = 250

/** Resolves condition specs against the values the records have, into the filter a caller would pass. */
export const resolveFilter = (
  kind: AnyRecordKind,
  values: ReadonlyArray<Readonly<Record<string, Value>>>,
  specs: FilterSpecs
): Record<string, unknown> => {
  const names = fieldsOf(kind, "key", "date", "int")
  const filter: Record<string, unknown> = {}
  if (names.length === 0) return filter
  for (const [i, spec] of specs) {
    const name = names[i % names.length]!
    const { type } = (kind.fields as Record<string, Field<unknown>>)[name]!
    const present = values.map((v) => v[name] ?? null).filter((v): v is string | number => v !== null)
    const at = (pick: number) => (present.length === 0 ? absentValue(type) : present[pick % present.length]!)
    switch (spec.shape) {
      case "value":
        filter[name] = at(spec.pick)
        break
      case "twisted": {
        const v = at(spec.pick)
        filter[name] = typeof v === "string" && type === "key" ? twist(v) : v
        break
      }
      case "list":
        filter[name] = [
          ...spec.picks.map(at),
          ...Array.from({ length: spec.absent === "none" ? 0 : spec.absent === "one" ? 1 : MANY_ABSENT }, (_, i) => absentValue(type, i))
        ]
        break
      case "null":
        filter[name] = null
        break
      case "range":
        // Keys are filtered by values and lists only; a range on one is a programming error.
        filter[name] =
          type === "key"
            ? at(spec.gte ?? 0)
            : { ...(spec.gte === null ? {} : { gte: at(spec.gte) }), ...(spec.lte === null ? {} : { lte: at(spec.lte) }) }
    }
  }
  return filter
}

/** Conditions on up to three fields, each a field index and a condition (a field may come twice: the later wins). */
export type FilterSpecs = ReadonlyArray<readonly [number, ConditionSpec]>

export const filterSpecs: fc.Arbitrary<FilterSpecs> = fc.array(fc.tuple(fc.nat(), conditionSpec), { maxLength: 3 })
