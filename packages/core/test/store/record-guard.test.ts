import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
// Effect's own fast-check, the one `Arbitrary.make` builds on.
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { coreRecordKinds } from "../../src/record-kinds.js"
import { checkRecord, decodeStored } from "../../src/store/record-check.js"
import { recordGuard } from "../../src/store/record-guard.js"

/**
 * The fast acceptance of records (`recordGuard`) against effect's own parser: for every core record
 * kind it accepts exactly what `Schema.is(schema, { exact: true, onExcessProperty: "error" })`
 * accepts (numbers finite), and what it accepts is its own encoding and decoding — on values drawn from the Schema, on
 * the same values broken at a random place, and after a JSON round trip.
 */
const RUNS = 60

/** `Schema.is` with no excess property, and (as the guard is stricter there) every number finite. */
const strictIs = (schema: Schema.Schema.Any) => {
  const is = Schema.is(schema, { exact: true, onExcessProperty: "error" })
  return (u: unknown) => is(u) && finite(u)
}
const finite = (u: unknown): boolean =>
  typeof u === "number" ? Number.isFinite(u) : typeof u === "object" && u !== null ? Object.values(u).every(finite) : true

type Path = ReadonlyArray<string | number>

/** Every path to a value inside `v` (objects and arrays), the root included. */
const pathsOf = (v: unknown, at: Path = []): ReadonlyArray<Path> => {
  if (typeof v !== "object" || v === null) return [at]
  const own = Array.isArray(v) ? v.map((x, i) => pathsOf(x, [...at, i])) : Object.entries(v).map(([k, x]) => pathsOf(x, [...at, k]))
  return [at, ...own.flat()]
}

const replacements: ReadonlyArray<unknown> = [null, undefined, "", "x y", "2026-02-30", "1899-12-31", 0, -1, 1.5, Number.NaN, true, [], {}, "党".repeat(600)]

/** `v` with the value at `path` replaced, removed (`"delete"`), or given an extra key (`"extra"`). */
const mutate = (v: unknown, path: Path, change: unknown): unknown => {
  const copy = structuredClone(v) as Record<string | number, unknown>
  if (path.length === 0) return change === "extra" && typeof copy === "object" && copy !== null ? { ...copy, unexpected: 1 } : change
  let parent: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (change === "delete") delete parent[last]
  else if (change === "extra") {
    const target = parent[last]
    if (typeof target === "object" && target !== null && !Array.isArray(target)) (target as Record<string, unknown>).unexpected = 1
    else parent[last] = { unexpected: 1 }
  } else parent[last] = change
  return copy
}

describe("recordGuard: the fast acceptance agrees with effect's parser", () => {
  for (const kind of coreRecordKinds) {
    const guard = recordGuard(kind.schema)
    const is = strictIs(kind.schema)
    const encode = Schema.encodeUnknownEither(kind.schema as Schema.Schema<unknown, unknown>)
    const decode = Schema.decodeUnknownEither(kind.schema as Schema.Schema<unknown, unknown>)
    const arbitrary = Arbitrary.make(kind.schema as Schema.Schema<unknown, unknown>)

    it(`${kind.name}: compiles a guard`, () => {
      expect(guard).not.toBeNull()
    })
    if (guard === null) continue

    it(`${kind.name}: accepts exactly what Schema.is (exact, no excess property) accepts; an accepted value is its own encoding and decoding, also after JSON`, () => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          expect(guard(value)).toBe(is(value))
          if (!guard(value)) return
          const encoded = encode(value)
          expect(Either.isRight(encoded) && encoded.right).toEqual(value)
          const decoded = decode(value)
          expect(Either.isRight(decoded) && decoded.right).toEqual(value)
          const json = JSON.parse(JSON.stringify(value))
          expect(guard(json)).toBe(is(json))
        }),
        { numRuns: RUNS }
      )
    })

    it(`${kind.name}: a value broken anywhere (a field removed, replaced or added) is accepted exactly when Schema.is accepts it`, () => {
      fc.assert(
        fc.property(
          arbitrary.chain((value) =>
            fc.tuple(fc.constant(value), fc.constantFrom(...pathsOf(value)), fc.constantFrom<unknown>("delete", "extra", ...replacements))
          ),
          ([value, path, change]) => {
            const broken = mutate(value, path, change)
            expect(guard(broken)).toBe(is(broken))
          }
        ),
        { numRuns: RUNS * 3 }
      )
    })
  }

  it("a number must be finite: Infinity and NaN take the full check", () => {
    const guard = recordGuard(Schema.Struct({ n: Schema.Number }))!
    expect([guard({ n: 1.5 }), guard({ n: Number.NaN }), guard({ n: Number.POSITIVE_INFINITY })]).toEqual([true, false, false])
  })

  it("a Schema whose decoding changes values has no guard: transformations, classes, dates, renamed keys", () => {
    expect(recordGuard(Schema.Struct({ n: Schema.NumberFromString }))).toBeNull()
    expect(recordGuard(Schema.Struct({ at: Schema.Date }))).toBeNull()
    expect(recordGuard(Schema.Struct({ a: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("b")) }))).toBeNull()
    class K extends Schema.Class<K>("K")({ a: Schema.String }) {}
    expect(recordGuard(Schema.Struct({ k: K }))).toBeNull()
    expect(recordGuard(Schema.Struct({ r: Schema.Record({ key: Schema.String, value: Schema.Number }) }))).toBeNull()
    // optionalWith keeps a present value as it is and an absent key absent: a guard of the type side.
    const guard = recordGuard(Schema.Struct({ a: Schema.optionalWith(Schema.String, { exact: true, nullable: true }) }))!
    expect([guard({}), guard({ a: "x" }), guard({ a: null }), guard({ a: "x", b: 1 })]).toEqual([true, true, false, false])
    expect(guard(Object.defineProperty({ a: "x" }, "hidden", { value: 1, enumerable: false }))).toBe(false)
    expect(guard({ a: "x", [Symbol("s")]: 1 })).toBe(false)
  })

  it("checkRecord and decodeStored give the same records and refusals with the guard as the full encode and decode", () => {
    for (const kind of coreRecordKinds) {
      fc.assert(
        fc.property(Arbitrary.make(kind.schema as Schema.Schema<{ tenantId: string }, unknown>), (value) => {
          const checked = checkRecord(kind, value.tenantId, value, 3)
          const encoded = encode3(kind.schema, value)
          if (Either.isLeft(encoded)) return expect(Either.isLeft(checked)).toBe(true)
          expect(Either.isRight(checked)).toBe(true)
          if (Either.isLeft(checked)) return
          expect(checked.right.encoded).toEqual(encoded.right)
          expect(checked.right.value).toEqual(Either.getOrThrow(Schema.decodeUnknownEither(kind.schema as Schema.Schema<unknown, unknown>)(encoded.right)))
          const stored = JSON.parse(JSON.stringify(checked.right.encoded))
          const full = Schema.decodeUnknownEither(kind.schema as Schema.Schema<unknown, unknown>)(stored)
          const fast = decodeStored(kind, stored)
          expect(Either.isRight(fast)).toBe(Either.isRight(full))
          if (Either.isRight(fast) && Either.isRight(full)) expect(fast.right).toEqual(full.right)
        }),
        { numRuns: 20 }
      )
    }
  })
})

const encode3 = (schema: Schema.Schema.Any, value: object) => Schema.encodeUnknownEither(schema as Schema.Schema<unknown, unknown>)({ ...value, version: 3 })
