import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type PublishedCell, type SumEquation, suppressTable } from "../../src/report/suppression.js"

/**
 * Small-cell suppression as laws: whatever the table, the published cells never let a reader state a
 * count below the threshold exactly — not from its label, not from a total minus its parts, not from
 * any combination of the table's sums (checked by brute force on small tables).
 */

interface Table {
  readonly values: ReadonlyMap<string, number>
  readonly equations: ReadonlyArray<SumEquation>
}

/**
 * A random roll-up of one measure: a tree of organizations, each internal one with its own cell
 * besides its children's subtree cells (`o/own` + Σ children = `o`), values skewed small.
 */
const tableArbitrary = (maxValue: number, maxOrgs: number): fc.Arbitrary<Table> =>
  fc
    .record({
      parents: fc.array(fc.nat(), { minLength: 1, maxLength: maxOrgs - 1 }),
      own: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: maxValue })), { minLength: maxOrgs, maxLength: maxOrgs })
    })
    .map(({ parents, own }) => {
      const orgs = ["o0", ...parents.map((_, i) => `o${i + 1}`)]
      // Each organization's parent has a smaller index, so walking backwards meets children first.
      const parentOf = new Map(parents.map((p, i) => [`o${i + 1}`, `o${p % (i + 1)}`]))
      const values = new Map<string, number>()
      const equations: Array<SumEquation> = []
      for (const [i, o] of [...orgs.entries()].reverse()) {
        const kids = orgs.filter((c) => parentOf.get(c) === o)
        if (kids.length === 0) {
          values.set(o, own[i]!)
          continue
        }
        values.set(`${o}/own`, own[i]!)
        values.set(o, own[i]! + kids.reduce((t, k) => t + values.get(k)!, 0))
        equations.push({ total: o, parts: [`${o}/own`, ...kids] })
      }
      return { values, equations }
    })

const THRESHOLD = 5

const lawsHold = (table: Table, published: ReadonlyMap<string, PublishedCell>) => {
  for (const [id, v] of table.values) {
    const cell = published.get(id)!
    if (v < THRESHOLD) expect(cell, id).toEqual({ kind: "small", text: "<5" })
    if (cell.kind === "exact") expect(cell.value, id).toBe(v)
    if (cell.kind === "withheld") expect(v, id).toBeGreaterThanOrEqual(THRESHOLD)
  }
}

/**
 * The strongest reader: every assignment of the unknown cells that fits their labels and every sum,
 * enumerated; a small count is revealed when only one value of it fits.
 */
const feasibleValues = (table: Table, published: ReadonlyMap<string, PublishedCell>, bound: number): Map<string, Set<number>> => {
  const unknown = [...published].filter(([, c]) => c.kind !== "exact").map(([id]) => id)
  const ranges = unknown.map((id): readonly [number, number] => (published.get(id)!.kind === "small" ? [0, THRESHOLD - 1] : [THRESHOLD, bound]))
  const seen = new Map(unknown.map((id) => [id, new Set<number>()]))
  const value = new Map<string, number>()
  for (const [id, c] of published) if (c.kind === "exact") value.set(id, c.value)
  // Each sum is checked as soon as its last unknown cell is given a value.
  const position = new Map(unknown.map((id, i) => [id, i]))
  const checksAt = unknown.map(() => [] as Array<SumEquation>)
  const always: Array<SumEquation> = []
  for (const e of table.equations) {
    const last = Math.max(-1, ...[e.total, ...e.parts].map((id) => position.get(id) ?? -1))
    if (last < 0) always.push(e)
    else checksAt[last]!.push(e)
  }
  const holds = (e: SumEquation) => value.get(e.total) === e.parts.reduce((t, p) => t + value.get(p)!, 0)
  if (!always.every(holds)) return seen
  const walk = (i: number) => {
    if (i === unknown.length) {
      for (const id of unknown) seen.get(id)!.add(value.get(id)!)
      return
    }
    const [from, to] = ranges[i]!
    for (let v = from; v <= to; v++) {
      value.set(unknown[i]!, v)
      if (checksAt[i]!.every(holds)) walk(i + 1)
    }
  }
  walk(0)
  return seen
}

describe("suppressTable", () => {
  it("small counts (0 included) read '<5'; others are exact or withheld, never changed", () => {
    const values = new Map([
      ["total", 13],
      ["a", 2],
      ["b", 11],
      ["c", 0]
    ])
    const published = suppressTable(values, [{ total: "total", parts: ["a", "b", "c"] }], THRESHOLD)
    expect(published.get("a")).toEqual({ kind: "small", text: "<5" })
    expect(published.get("c")).toEqual({ kind: "small", text: "<5" })
    // total − b tells a reader a + c = 2, which leaves each of a and c three possible values: nothing more is withheld.
    expect(published.get("b")).toEqual({ kind: "exact", value: 11 })
    expect(published.get("total")).toEqual({ kind: "exact", value: 13 })
  })

  it("a part alone below the threshold is protected by withholding a sibling, not the total", () => {
    const values = new Map([
      ["county", 120],
      ["s1", 3],
      ["s2", 40],
      ["s3", 77]
    ])
    const published = suppressTable(values, [{ total: "county", parts: ["s1", "s2", "s3"] }], THRESHOLD)
    expect(published.get("county")).toEqual({ kind: "exact", value: 120 })
    expect(published.get("s2")).toEqual({ kind: "withheld", text: "×" })
    expect(published.get("s3")).toEqual({ kind: "exact", value: 77 })
  })

  it("refuses a table that is not a hierarchy (a two-way table), and a threshold below 3", () => {
    const values = new Map([
      ["all", 4],
      ["a", 2],
      ["b", 2],
      ["a1", 2]
    ])
    expect(() => suppressTable(values, [{ total: "all", parts: ["a", "b"] }, { total: "all", parts: ["a1", "b"] }], THRESHOLD)).toThrow(TypeError)
    expect(() => suppressTable(values, [{ total: "all", parts: ["a", "b"] }], 2)).toThrow(RangeError)
  })

  it("law: the published cells are the truth or honest labels, and every exact sum still adds up", () => {
    fc.assert(
      fc.property(tableArbitrary(60, 12), (table) => {
        const published = suppressTable(table.values, table.equations, THRESHOLD)
        lawsHold(table, published)
        for (const e of table.equations) {
          const cells = [e.total, ...e.parts].map((id) => published.get(id)!)
          if (cells.every((c) => c.kind === "exact")) {
            expect((cells[0] as { value: number }).value).toBe(cells.slice(1).reduce((t, c) => t + (c as { value: number }).value, 0))
          }
        }
      }),
      { numRuns: 200 }
    )
  }, 120_000)

  it("law: no count below the threshold can be recovered, even through totals minus parts (brute force over small tables)", () => {
    fc.assert(
      fc.property(tableArbitrary(12, 6), (table) => {
        const published = suppressTable(table.values, table.equations, THRESHOLD)
        // Withheld cells range up to a bound no table of these values reaches, so the bound tells the reader nothing.
        const bound = [...table.values.values()].reduce((t, v) => t + v, 0) + THRESHOLD * table.values.size
        const feasible = feasibleValues(table, published, bound)
        for (const [id, v] of table.values) {
          if (v >= THRESHOLD) continue
          expect(feasible.get(id)!.has(v), `${id} fits its own value`).toBe(true)
          expect(feasible.get(id)!.size, `${id} = ${v} is revealed`).toBeGreaterThan(1)
        }
      }),
      { numRuns: 100 }
    )
  }, 120_000)
})
