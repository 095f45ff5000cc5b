import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import type { MembershipVoteParameters } from "../../src/member/rules-admission.js"
import type { VoteTally } from "../../src/member/step.js"
import { judgeMembershipVote } from "../../src/member/vote.js"

const halves: MembershipVoteParameters = { attendance: { numerator: 1, denominator: 2 }, pass: { numerator: 1, denominator: 2 } }
const tally = (t: Partial<VoteTally> & Pick<VoteTally, "dueVoting" | "presentVoting" | "yes">): VoteTally => ({
  no: 0,
  abstain: 0,
  writtenYes: 0,
  writtenNo: 0,
  ...t
})

/** A consistent tally: ballots never exceed those present, present plus written never exceed those due. */
const tallyArb: fc.Arbitrary<VoteTally> = fc
  .integer({ min: 1, max: 60 })
  .chain((due) =>
    fc.integer({ min: 0, max: due }).chain((present) =>
      fc
        .tuple(fc.integer({ min: 0, max: present }), fc.integer({ min: 0, max: due - present }))
        .chain(([ballots, written]) =>
          fc.tuple(fc.integer({ min: 0, max: ballots }), fc.integer({ min: 0, max: written })).chain(([yes, writtenYes]) =>
            fc.integer({ min: 0, max: ballots - yes }).map((no) => ({
              dueVoting: due,
              presentVoting: present,
              yes,
              no,
              abstain: ballots - yes - no,
              writtenYes,
              writtenNo: written - writtenYes
            }))
          )
        )
    )
  )

describe("member.admission.vote / member.conversion.vote arithmetic (§2.4)", () => {
  it("9 due: 5 present is enough (4 is not); 5 yes adopt (4 do not)", () => {
    expect(judgeMembershipVote(tally({ dueVoting: 9, presentVoting: 5, yes: 5 }), halves).passed).toBe(true)
    expect(judgeMembershipVote(tally({ dueVoting: 9, presentVoting: 4, yes: 4, writtenYes: 1 }), halves).failed).toEqual(["attendance"])
    expect(judgeMembershipVote(tally({ dueVoting: 9, presentVoting: 8, yes: 4, no: 4 }), halves).failed).toEqual(["majority"])
  })

  it("10 due: exactly half present or half in favour is not more than half", () => {
    const r = judgeMembershipVote(tally({ dueVoting: 10, presentVoting: 5, yes: 5 }), halves)
    expect(r.failed).toEqual(["attendance", "majority"])
    expect([r.attendanceNeeded, r.votesNeeded]).toEqual([6, 6])
  })

  it("the denominator is 应到, not 实到: 6 of 6 present voting yes do not adopt when 13 are due", () => {
    expect(judgeMembershipVote(tally({ dueVoting: 13, presentVoting: 6, yes: 6 }), halves).failed).toEqual(["attendance", "majority"])
  })

  it("written opinions of absent voting members count as yes votes", () => {
    const r = judgeMembershipVote(tally({ dueVoting: 9, presentVoting: 5, yes: 4, no: 1, writtenYes: 1 }), halves)
    expect([r.passed, r.votesFor]).toEqual([true, 5])
  })

  it("an inconsistent tally fails with the reason: more ballots than people present", () => {
    const r = judgeMembershipVote(tally({ dueVoting: 9, presentVoting: 5, yes: 5, no: 1 }), halves)
    expect(r.failed[0]).toBe("tally")
    expect(r.tallyProblem?.en).toContain("more votes")
  })

  it("law: a passed vote has present > due/2 and yes (with written) > due/2", () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        const r = judgeMembershipVote(t, halves)
        if (r.passed) {
          expect(2 * t.presentVoting).toBeGreaterThan(t.dueVoting)
          expect(2 * (t.yes + t.writtenYes)).toBeGreaterThan(t.dueVoting)
        }
      })
    )
  })

  /** Consistent tallies with at least one abstention / one written no (one more voting member present / absent). */
  const withAbstention = tallyArb.map((t) => ({ ...t, dueVoting: t.dueVoting + 1, presentVoting: t.presentVoting + 1, abstain: t.abstain + 1 }))
  const withWrittenNo = tallyArb.map((t) => ({ ...t, dueVoting: t.dueVoting + 1, writtenNo: t.writtenNo + 1 }))

  it("law: monotone in yes votes — turning an abstention into a yes never makes a passing vote fail", () => {
    fc.assert(
      fc.property(withAbstention, (t) => {
        const before = judgeMembershipVote(t, halves)
        const after = judgeMembershipVote({ ...t, yes: t.yes + 1, abstain: t.abstain - 1 }, halves)
        if (before.passed) expect(after.passed).toBe(true)
        expect(after.votesFor).toBe(before.votesFor + 1)
      })
    )
  })

  it("law: written opinions count — a written no turned into a written yes never makes a passing vote fail", () => {
    fc.assert(
      fc.property(withWrittenNo, (t) => {
        const before = judgeMembershipVote(t, halves)
        const after = judgeMembershipVote({ ...t, writtenYes: t.writtenYes + 1, writtenNo: t.writtenNo - 1 }, halves)
        if (before.passed) expect(after.passed).toBe(true)
        expect(after.votesFor).toBe(before.votesFor + 1)
      })
    )
  })

  it("law: on consistent tallies the result is exactly the two thresholds (comparison with a simple model)", () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        const model = t.presentVoting > t.dueVoting / 2 && t.yes + t.writtenYes > t.dueVoting / 2
        expect(judgeMembershipVote(t, halves).passed).toBe(model)
      })
    )
  })
})
