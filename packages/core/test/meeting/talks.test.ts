import { describe, expect, it } from "@effect/vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import { branchCompliance, type ComplianceUnit } from "../../src/meeting/compliance.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import { meetingKind } from "../../src/meeting/kinds.js"
import type { Meeting } from "../../src/meeting/meeting.js"
import { yearPlan } from "../../src/meeting/plan.js"
import { talkPairs } from "../../src/meeting/talks.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { projectRecord } from "../../src/store/record-kind.js"
import { planOptions, tree } from "./fixtures.js"

/** Rule meeting.talks.yearly (rules.md 1.11): each 谈心谈话 pair type at least once a year. */
const b1 = tree.find((o) => o.id === "b1")!
const unit: ComplianceUnit = { branch: b1, groups: [], fullMembersOn: () => 15 }
const options = { profile: nationalBaseline, from: civilDate("2026-01-01"), to: civilDate("2026-12-31"), asOf: civilDate("2027-01-05") }

const meeting = (id: string, kinds: ReadonlyArray<string>, date = "2026-10-20") =>
  ({
    tenantId: b1.tenantId,
    id,
    version: 1,
    organizationId: "b1",
    branchId: "b1",
    kinds,
    date: civilDate(date),
    chairId: null,
    agenda: [],
    counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 },
    resolutions: []
  }) as unknown as Meeting

const talksOf = (meetings: ReadonlyArray<Meeting>) => {
  const result = branchCompliance(unit, heldFromMeetings(meetings), options)
  return {
    states: result.obligations.filter((o) => o.rule.id === "meeting.talks.yearly").map((o) => [o.kind, o.periods.map((p) => p.state).join()]),
    findings: result.findings.filter((f) => f.ruleId === "meeting.talks.yearly")
  }
}

describe("谈心谈话 by pair type (meeting.talks.yearly)", () => {
  it("one talk of each pair type in the year: the three obligations are met, no finding", () => {
    const { states, findings } = talksOf([
      meeting("t1", ["talksAmongCommittee"], "2026-03-02"),
      meeting("t2", ["talksCommitteeWithMembers"], "2026-06-30"),
      meeting("t3", ["talksAmongMembers"], "2026-12-31")
    ])
    expect(states).toEqual([
      ["talksAmongCommittee", "met"],
      ["talksCommitteeWithMembers", "met"],
      ["talksAmongMembers", "met"]
    ])
    expect(findings).toEqual([])
  })

  it("a pair type missing for the year: one gap, its finding naming the rule and the type", () => {
    const { states, findings } = talksOf([meeting("t1", ["talksAmongCommittee"]), meeting("t3", ["talksAmongMembers"])])
    expect(states.map(([, s]) => s)).toEqual(["met", "gap", "met"])
    expect(findings).toHaveLength(1)
    expect(findings[0]!.ruleId).toBe("meeting.talks.yearly")
    expect(findings[0]!.message.zh).toContain("班子成员与党员之间")
    expect(findings[0]!.message.en).toContain("between committee members and members")
  })

  it("a talk held on 2025-12-31 or 2027-01-01 does not count for 2026", () => {
    const { states } = talksOf([
      meeting("t1", ["talksAmongCommittee"], "2025-12-31"),
      meeting("t2", ["talksCommitteeWithMembers"], "2027-01-01"),
      meeting("t3", ["talksAmongMembers"], "2026-01-01")
    ])
    expect(states.map(([, s]) => s)).toEqual(["gap", "gap", "met"])
  })

  it("a plain talks record keeps its meaning: the branch's 谈心谈话 under the rule naming all three pairs, so it counts for each", () => {
    const { states, findings } = talksOf([meeting("t0", ["talks"])])
    expect(states.map(([, s]) => s)).toEqual(["met", "met", "met"])
    expect(findings).toEqual([])
  })

  it("no talks at all: three gaps, each a finding of meeting.talks.yearly", () => {
    const { findings } = talksOf([])
    expect(findings.map((f) => f.ruleId)).toEqual(["meeting.talks.yearly", "meeting.talks.yearly", "meeting.talks.yearly"])
  })

  it("the stored fields (what the aggregate sums) count as the in-memory index does", () => {
    const project = (kinds: ReadonlyArray<string>) => {
      const row = projectRecord(meetingKind, meeting("x", kinds))
      return talkPairs.map((p) => row[p])
    }
    expect(project(["talks"])).toEqual([1, 1, 1])
    expect(project(["talksCommitteeWithMembers"])).toEqual([0, 1, 0])
    expect(project(["talksAmongMembers", "themeDay"])).toEqual([0, 0, 1])
    expect(project(["themeDay"])).toEqual([0, 0, 0])
  })

  it("the year plan places one of each pair type in the fourth quarter, before the democratic evaluation", () => {
    const items = yearPlan(planOptions()).items
    const talks = items.filter((i) => i.ruleId === "meeting.talks.yearly")
    expect(talks.map((i) => i.meetingKind)).toEqual([...talkPairs])
    const evaluation = items.find((i) => i.meetingKind === "democraticEvaluation")!
    for (const t of talks) {
      expect(t.date >= "2026-10-01" && t.date < evaluation.date).toBe(true)
    }
    expect(new Set(talks.map((t) => t.date)).size).toBe(3)
  })
})
