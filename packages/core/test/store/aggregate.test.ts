import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { MemberStage, MemberStatus } from "../../src/member/member.js"
import { aggregateProjected, type AnyAggregateRow, compareAggregateRows } from "../../src/store/aggregate.js"

/** A member's projected grouping fields, as the stores keep them beside each record. */
type Projected = { readonly organizationId: string; readonly stage: string; readonly status: string; readonly hours: number | null }

const groupBy = ["organizationId", "stage", "status"] as const

const projected: fc.Arbitrary<Projected> = fc.record({
  organizationId: fc.constantFrom("b1", "B1", "b-1", "b_1", "b10", "b2"),
  stage: fc.constantFrom(...MemberStage.literals),
  status: fc.constantFrom(...MemberStatus.literals),
  hours: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })
})

const sameGroup = (r: Projected, row: AnyAggregateRow) => groupBy.every((f) => row.group[f] === r[f])

describe("aggregateProjected (the reference model of `aggregate`)", () => {
  it("law: every record is counted once, in the one group of its values; groups are distinct and strictly ordered; sums add up", () => {
    fc.assert(
      fc.property(fc.array(projected, { maxLength: 60 }), (records) => {
        const rows = aggregateProjected(records, groupBy, ["hours"])
        expect(rows.reduce((n, g) => n + g.count, 0)).toBe(records.length)
        for (const row of rows) {
          const members = records.filter((r) => sameGroup(r, row))
          expect(row.count).toBe(members.length)
          expect(row.count).toBeGreaterThanOrEqual(1)
          expect(row.sums).toEqual({ hours: members.reduce((n, r) => n + (r.hours ?? 0), 0) })
        }
        const compare = compareAggregateRows(groupBy)
        for (let i = 1; i < rows.length; i++) expect(compare(rows[i - 1]!, rows[i]!)).toBe(-1)
      })
    )
  })

  it("orders organization ids by code unit (uppercase first, `-` before digits before `_`), then stage, then status", () => {
    const rows = aggregateProjected(
      [
        ["b_1", "full", "active"],
        ["b1", "full", "deceased"],
        ["b1", "full", "active"],
        ["b1", "activist", "active"],
        ["B1", "full", "active"],
        ["b-1", "full", "active"],
        ["b1", "full", "active"]
      ].map(([organizationId, stage, status]) => ({ organizationId: organizationId!, stage: stage!, status: status! })),
      groupBy,
      []
    )
    expect(rows.map((r) => `${r.group.organizationId}/${r.group.stage}/${r.group.status}=${r.count}`)).toEqual([
      "B1/full/active=1",
      "b-1/full/active=1",
      "b1/activist/active=1",
      "b1/full/active=2",
      "b1/full/deceased=1",
      "b_1/full/active=1"
    ])
    expect(rows.every((r) => Object.keys(r.sums).length === 0)).toBe(true)
  })

  it("null sorts first and is its own group (not the text \"null\"); numbers sort ascending, not as text", () => {
    const keys = aggregateProjected(
      [{ parentId: "null" }, { parentId: null }, { parentId: "a" }, { parentId: null }, {}, { parentId: "A" }],
      ["parentId"],
      []
    )
    expect(keys.map((r) => [r.group.parentId, r.count])).toEqual([
      [null, 3],
      ["A", 1],
      ["a", 1],
      ["null", 1]
    ])
    const ints = aggregateProjected([{ year: 10 }, { year: 9 }, { year: 100 }, { year: 9 }], ["year"], [])
    expect(ints.map((r) => [r.group.year, r.count])).toEqual([
      [9, 2],
      [10, 1],
      [100, 1]
    ])
  })

  it("no groupBy fields: one row of everything, or no row for no records", () => {
    expect(aggregateProjected([{ n: 2 }, { n: 3 }, { n: null }], [], ["n"])).toEqual([{ group: {}, count: 3, sums: { n: 5 } }])
    expect(aggregateProjected([], [], ["n"])).toEqual([])
  })
})
