import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { memberKind } from "../../src/member/kinds.js"
import { normalizeFilter } from "../../src/store/filter.js"

const ids = (n: number) => Array.from({ length: n }, (_, i) => `org-${i}`)
const valuesOf = (list: ReadonlyArray<unknown>) => {
  const conditions = normalizeFilter(memberKind, { organizationId: list })
  return conditions === null ? null : conditions[0]!.op === "in" ? conditions[0]!.values : conditions[0]!.op === "eq" ? [conditions[0]!.value] : undefined
}

describe("normalizeFilter remembers a long list while it holds the same items", () => {
  it("the same unchanged list gives the same values (a stream's pages share them)", () => {
    const list = ids(300)
    expect(valuesOf(list)).toBe(valuesOf(list))
    expect(valuesOf(list)).toEqual(list)
  })

  it("law: a list changed in place between calls is normalized anew — as a fresh copy of it is", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 250, max: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<unknown>("org-x", "not a key!", 7, "org-0", undefined, "org-399")), { maxLength: 5 }),
        fc.constantFrom("set", "push", "pop", "reverse"),
        (n, changes, how) => {
          const list: Array<unknown> = ids(n)
          valuesOf(list)
          for (const [at, value] of changes) {
            if (how === "set") list[at % list.length] = value
            else if (how === "push") list.push(value)
            else if (how === "pop") list.pop()
            else list.reverse()
          }
          expect(valuesOf(list)).toEqual(valuesOf([...list]))
        }
      ),
      { numRuns: 200 }
    )
  })
})
