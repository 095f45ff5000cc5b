import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { MemberStage, MemberStatus } from "../../src/member/member.js"
import { compareMemberCounts, groupMemberCounts, type MemberCountKey } from "../../src/store/member-counts.js"

const key: fc.Arbitrary<MemberCountKey> = fc.record({
  organizationId: fc.constantFrom("b1", "B1", "b-1", "b_1", "b10", "b2"),
  stage: fc.constantFrom(...MemberStage.literals),
  status: fc.constantFrom(...MemberStatus.literals)
}) as fc.Arbitrary<MemberCountKey>

const same = (a: MemberCountKey, b: MemberCountKey) => compareMemberCounts(a, b) === 0

describe("groupMemberCounts", () => {
  it("law: every member is counted once, in the one group of its keys; groups are distinct and strictly ordered", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), (members) => {
        const groups = groupMemberCounts(members)
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(members.length)
        for (const g of groups) expect(g.count).toBe(members.filter((m) => same(m, g)).length)
        for (let i = 1; i < groups.length; i++) expect(compareMemberCounts(groups[i - 1]!, groups[i]!)).toBe(-1)
      })
    )
  })

  it("orders organization ids by code unit (uppercase first, `-` before digits before `_`), then stage, then status", () => {
    const rows = groupMemberCounts(
      [
        ["b_1", "full", "active"],
        ["b1", "full", "deceased"],
        ["b1", "full", "active"],
        ["b1", "activist", "active"],
        ["B1", "full", "active"],
        ["b-1", "full", "active"],
        ["b1", "full", "active"]
      ].map(([organizationId, stage, status]) => ({ organizationId, stage, status }) as MemberCountKey)
    )
    expect(rows.map((r) => `${r.organizationId}/${r.stage}/${r.status}=${r.count}`)).toEqual([
      "B1/full/active=1",
      "b-1/full/active=1",
      "b1/activist/active=1",
      "b1/full/active=2",
      "b1/full/deceased=1",
      "b_1/full/active=1"
    ])
  })
})
