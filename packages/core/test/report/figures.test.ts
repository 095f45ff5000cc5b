import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Organization } from "../../src/org/organization.js"
import { addNestedFigures, type Figures, flattenFigures, rollUpFigures } from "../../src/report/figures.js"
import { org } from "../support/records.js"

/** A random tree (each organization under an earlier one) with random own figures of one shape. */
const treeWithFigures = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 0, maxLength: 30 }),
    own: fc.array(fc.record({ a: fc.nat(50), b: fc.record({ c: fc.nat(9), d: fc.nat(1_000) }) }), { minLength: 31, maxLength: 31 })
  })
  .map(({ parents, own }) => {
    const organizations: Array<Organization> = [org("o0", "committee", null)]
    for (const [i, p] of parents.entries()) organizations.push(org(`o${i + 1}`, i % 3 === 0 ? "committee" : "branch", `o${p % (i + 1)}`))
    return { organizations, own: new Map(organizations.map((o, i) => [o.id as string, own[i]!])) }
  })

const zero = () => ({ a: 0, b: { c: 0, d: 0 } })
const flat = (f: Figures) => Object.fromEntries(flattenFigures(f))

/** Figures of any shape over a few keys (a leaf here may be a record there), two levels deep. */
const anyFigures: fc.Arbitrary<Figures> = fc.dictionary(
  fc.constantFrom("a", "b", "c", "d", "e"),
  fc.oneof(fc.nat(99), fc.dictionary(fc.constantFrom("c", "d", "x"), fc.oneof(fc.nat(99), fc.dictionary(fc.constantFrom("y", "z"), fc.nat(9)))))
)

describe("rollUpFigures", () => {
  it("law: each row's own figures are the zero plus what was recorded, keys in the zero's order and then the recorded's others, whatever the shapes", () => {
    fc.assert(
      fc.property(anyFigures, anyFigures, (zeroShape, recorded) => {
        const organizations = [org("o0", "committee", null), org("o1", "branch", "o0")]
        const rows = rollUpFigures(organizations[0]!, organizations, new Map([["o1", recorded]]), () => zeroShape)
        expect(JSON.stringify(rows[1]!.own)).toBe(JSON.stringify(addNestedFigures(zeroShape, recorded)))
        expect(JSON.stringify(rows[0]!.own)).toBe(JSON.stringify(zeroShape))
      }),
      { numRuns: 500 }
    )
  }, 120_000)

  it("law: every row's subtree is its own figures plus the sum of its children's subtrees", () => {
    fc.assert(
      fc.property(treeWithFigures, ({ organizations, own }) => {
        const rows = rollUpFigures(organizations[0]!, organizations, own, zero)
        expect(rows).toHaveLength(organizations.length)
        for (const row of rows) {
          const parts = rows.filter((r) => r.parentId === row.organizationId).map((r) => r.subtree)
          expect(flat(row.subtree)).toEqual(flat(parts.reduce(addNestedFigures, row.own)))
          expect(row.own).toEqual(own.get(row.organizationId))
        }
      }),
      { numRuns: 200 }
    )
  }, 120_000)

  it("law: the root's subtree is the sum of every organization's own figures, each counted once; figures outside the tree are ignored", () => {
    fc.assert(
      fc.property(treeWithFigures, ({ organizations, own }) => {
        const withStranger = new Map([...own, ["elsewhere", { a: 7, b: { c: 7, d: 7 } }]])
        const [root] = rollUpFigures(organizations[0]!, organizations, withStranger, zero)
        expect(flat(root!.subtree)).toEqual(flat([...own.values()].reduce(addNestedFigures, zero())))
      }),
      { numRuns: 200 }
    )
  }, 120_000)

  it("a subtree's roll-up is the same row of the whole tree's", () => {
    fc.assert(
      fc.property(treeWithFigures, fc.nat(), ({ organizations, own }, pick) => {
        const whole = rollUpFigures(organizations[0]!, organizations, own, zero)
        const chosen = organizations[pick % organizations.length]!
        const [alone] = rollUpFigures(chosen, organizations, own, zero)
        expect(alone!.subtree).toEqual(whole.find((r) => r.organizationId === chosen.id)!.subtree)
      }),
      { numRuns: 100 }
    )
  }, 120_000)
})
