import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addMonths, civilDate, fromEpochDay, toEpochDay } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import { timeline } from "../../src/member/timeline.js"
import { compareAgendaItems } from "../../src/report/agenda.js"
import { branchAgenda } from "../../src/report/branch-agenda.js"
import { fullMembers, path2026, person, profile } from "../member/fixtures.js"
import { org } from "../support/records.js"
import {
  applicant,
  assessmentDue0601,
  assessmentDue0602,
  byId,
  fileOf,
  probationary2014,
  probationEndsOn0901,
  probationEndsOn0902,
  tree
} from "./fixtures.js"

const d = civilDate
const agendaOf = (members: ReadonlyArray<Member>, today: string, horizonMonths: number, root = "b1") =>
  branchAgenda(byId(root), tree, members, profile, d(today), { horizonMonths })
const entries = (members: ReadonlyArray<Member>, today: string, horizonMonths: number, ruleId: string) =>
  agendaOf(members, today, horizonMonths).items.filter((i) => i.ruleId === ruleId).map((i) => [i.subject.id, i.date])

describe("branchAgenda: the horizon", () => {
  it("member.probation.length: a probation ending exactly at the horizon end (2028-09-01) is in; one ending a day later is out", () => {
    const members = [probationEndsOn0901, probationEndsOn0902]
    expect(entries(members, "2028-03-01", 6, "member.probation.length")).toEqual([["p1", "2028-09-01"]])
    expect(entries(members, "2028-03-02", 6, "member.probation.length")).toEqual([
      ["p1", "2028-09-01"],
      ["p2", "2028-09-02"]
    ])
  })

  it("member.activist.assessmentInterval: an assessment due exactly at the horizon end is in; due a day later is out", () => {
    const members = [assessmentDue0601, assessmentDue0602]
    expect(entries(members, "2027-01-01", 5, "member.activist.assessmentInterval")).toEqual([["a1", "2027-06-01"]])
    expect(entries(members, "2027-01-02", 5, "member.activist.assessmentInterval")).toHaveLength(2)
  })

  it("member.applicationTalk.deadline: an overdue item is always in, even with a horizon of 0 months, first and as a violation", () => {
    const agenda = agendaOf([applicant, probationEndsOn0901], "2028-03-01", 0)
    expect(agenda.horizonEnd).toBe("2028-03-01")
    expect(agenda.items[0]).toMatchObject({
      ruleId: "member.applicationTalk.deadline",
      date: "2026-06-12",
      kind: "due",
      overdue: true,
      severity: "violation",
      subject: { kind: "member", id: "x1", name: "人员 x1" }
    })
    expect(agenda.items[0]?.message.zh).toContain("已逾期")
    expect(agenda.items.map((i) => i.ruleId)).not.toContain("member.probation.length")
  })

  it("an opening already reached stays on the agenda as a reminder (member.activist.minimumCultivation)", () => {
    const activist = fileOf("a9", path2026, "candidateDesignation")
    const [item] = agendaOf([activist], "2027-06-20", 0).items.filter((i) => i.ruleId === "member.activist.minimumCultivation")
    expect(item).toMatchObject({ kind: "earliest", date: "2027-06-01", overdue: false, severity: "reminder", step: "candidateDesignation" })
  })
})

describe("branchAgenda: messages and citations", () => {
  it("an upcoming item names the member and cites the rule and its article (member.probation.length)", () => {
    const [item] = agendaOf([probationEndsOn0901], "2028-03-01", 6).items
    expect(item).toMatchObject({ severity: "reminder", overdue: false, step: "conversionMeeting" })
    expect(item?.message.zh).toBe(
      "人员 p1：自2028-09-01起可进行“支部大会讨论转正”（规则 member.probation.length，《中国共产党发展党员工作细则》（2026年）第三十一条）"
    )
    expect(item?.message.en).toContain("branch meeting on conversion is possible from 2028-09-01 (rule member.probation.length")
  })

  it("an item cites the version the timeline cites when it comes due: a probation begun under the 2014 rules keeps the 2014 article", () => {
    const [item] = agendaOf([probationary2014], "2026-11-21", 6).items
    const reached = timeline(probationary2014, profile, d("2027-01-29")).findings.find((f) => f.ruleId === item?.ruleId)
    expect(item).toMatchObject({ ruleId: "member.probation.length", date: "2027-01-29" })
    expect(item?.source).toEqual({ regulation: "XZ2014", article: "第三十二条" })
    expect(item?.source).toEqual(reached?.source)
    expect(item?.message.zh).toContain("（2014年）第三十二条")
  })

  it("an admission approval shows the special-case latest date", () => {
    const met = fileOf("c1", path2026, "admissionApproval")
    const [item] = agendaOf([met], "2027-09-05", 6).items.filter((i) => i.ruleId === "member.admission.approvalDeadline")
    expect(item).toMatchObject({ date: "2027-12-01", latest: "2028-03-01" })
    expect(item?.message.zh).toContain("特殊情况最迟2028-03-01")
  })
})

describe("branchAgenda: organizations, subtree and flags", () => {
  const elected = (id: string, electedOn: string) =>
    org(id, "branch", "school", {
      leadership: { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: [] },
      term: { electedOn, years: 3 }
    })

  it("org.term.reminderWindow: the term end is on the agenda within the horizon; beyond it the reminder stays a finding only", () => {
    const b1 = elected("b1", "2024-03-21")
    const orgs = [b1, ...tree.filter((o) => o.id !== "b1")]
    const members = fullMembers.slice(0, 4)
    const within = branchAgenda(b1, orgs, members, profile, d("2026-11-21"), { horizonMonths: 4 })
    expect(within.organizations[0]?.findings.map((f) => f.ruleId)).toEqual(["org.term.reminderWindow"])
    expect(within.items).toEqual([
      expect.objectContaining({ subject: { kind: "organization", id: "b1", name: "组织 b1" }, date: "2027-03-21", severity: "reminder" })
    ])
    const beyond = branchAgenda(b1, orgs, members, profile, d("2026-11-21"), { horizonMonths: 3 })
    expect(beyond.organizations[0]?.findings.map((f) => f.ruleId)).toEqual(["org.term.reminderWindow"])
    expect(beyond.items).toEqual([])
  })

  it("the subtree: the school's agenda lists its organizations depth-first and counts only their members", () => {
    const other = person("z1", { organizationId: "elsewhere" })
    const agenda = agendaOf([...fullMembers, applicant, other], "2026-06-01", 6, "school")
    expect(agenda.organizations.map((o) => [o.organization.id, o.depth])).toEqual([
      ["school", 0],
      ["b1", 1],
      ["g1", 2],
      ["b2", 1]
    ])
    expect(agenda.items.map((i) => i.subject.id)).toEqual(["x1"])
    // b2 has no member: a branch below three full members is a violation; b1's nine are counted
    expect(agenda.organizations.find((o) => o.organization.id === "b2")?.findings.map((f) => f.ruleId)).toContain("org.branch.minimumFullMembers")
    expect(agenda.organizations.find((o) => o.organization.id === "b1")?.findings.map((f) => f.ruleId)).not.toContain("org.branch.minimumFullMembers")
  })

  it("a party group's agenda has the members placed in the group, though they are filed under the branch", () => {
    const inGroup = fileOf("g-a", path2026, "applicationTalk", { partyGroupId: "g1" })
    const agenda = agendaOf([applicant, inGroup], "2026-06-01", 6, "g1")
    expect(agenda.items.map((i) => i.subject.id)).toEqual(["g-a"])
    expect(agenda.items[0]?.subject).toMatchObject({ organizationId: "b1", partyGroupId: "g1" })
  })

  it("flags: lost contact from the file; the six-month dues flag only with evidence; each a flag, never an agenda deadline", () => {
    const lost = person("m5", { name: "党员 m5", lastContactOn: "2026-04-21" })
    const today = d("2026-11-21")
    const without = branchAgenda(byId("b1"), tree, [lost], profile, today, { horizonMonths: 6 })
    expect(without.flags.map((f) => [f.subject.id, f.finding.ruleId, f.finding.severity])).toEqual([
      ["m5", "member.lostContact.suspension", "flag"]
    ])
    const withEvidence = branchAgenda(byId("b1"), tree, [lost], profile, today, {
      horizonMonths: 6,
      evidence: { m5: { lastDuesPaidMonth: "2026-04" } }
    })
    expect(withEvidence.flags.map((f) => f.finding.ruleId)).toEqual(["member.lapse.sixMonths", "member.lostContact.suspension"])
    expect(withEvidence.items).toEqual([])
  })
})

describe("branchAgenda: laws", () => {
  const members = [applicant, assessmentDue0601, assessmentDue0602, probationEndsOn0901, probationEndsOn0902, probationary2014]
  const day = fc.integer({ min: toEpochDay(d("2024-01-01")), max: toEpochDay(d("2029-12-31")) }).map(fromEpochDay)
  const horizon = fc.integer({ min: 0, max: 36 })

  it("every item is overdue or dated on or before the horizon end; the list is sorted, overdue first", () => {
    fc.assert(
      fc.property(day, horizon, (today, h) => {
        const agenda = agendaOf(members, today, h)
        expect(agenda.horizonEnd).toBe(addMonths(today, h))
        for (const item of agenda.items) expect(item.overdue || item.date <= agenda.horizonEnd).toBe(true)
        expect([...agenda.items].sort(compareAgendaItems)).toEqual(agenda.items)
        const firstOnTime = agenda.items.findIndex((i) => !i.overdue)
        if (firstOnTime >= 0) expect(agenda.items.slice(firstOnTime).every((i) => !i.overdue)).toBe(true)
      })
    )
  })

  it("a longer horizon keeps every item of a shorter one (monotone in the horizon)", () => {
    fc.assert(
      fc.property(day, horizon, horizon, (today, a, b) => {
        const key = (i: { subject: { id: string }; ruleId: string; date: string }) => `${i.subject.id}|${i.ruleId}|${i.date}`
        const shorter = agendaOf(members, today, Math.min(a, b)).items.map(key)
        const longer = new Set(agendaOf(members, today, Math.max(a, b)).items.map(key))
        for (const k of shorter) expect(longer.has(k)).toBe(true)
      })
    )
  })

  it("comparison with the timeline: a member's items are exactly its timeline items that are overdue or within the horizon", () => {
    fc.assert(
      fc.property(day, horizon, (today, h) => {
        const end = addMonths(today, h)
        const agenda = agendaOf(members, today, h)
        for (const m of members) {
          const expected = timeline(m, profile, today)
            .items.filter((i) => i.overdue || (i.due ?? i.earliest)! <= end)
            .map((i) => i.ruleId)
            .sort()
          const actual = agenda.items.filter((i) => i.subject.id === m.id).map((i) => i.ruleId).sort()
          expect(actual).toEqual(expected)
        }
      })
    )
  })

})
