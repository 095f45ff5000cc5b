import { describe, expect, it } from "vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { addNestedFigures, flattenFigures } from "../../src/report/figures.js"
import { conversionRate, type FunnelFigures, meanDays, recruitmentFunnel } from "../../src/report/funnel.js"
import { before, blank, path2026, walk } from "../member/fixtures.js"
import { byId, tree } from "./fixtures.js"

/**
 * Two files walked through the 2026 rules (application 2026-05-12, activist 2026-06-01, candidate at
 * the end of the 公示 2027-06-14, admission approved 2027-10-01, probation 2027-09-01 → 2028-09-01):
 * f1 the whole path, a young teacher in b1; f2 an activist still, born 1980, in b2.
 */
const f1 = walk(path2026, blank({ id: "f1", name: "人员 f1", organizationId: "b1", birthDate: "1995-01-01", category: "teacher" }))
const f2 = walk(before(path2026, "candidateDesignation"), blank({ id: "f2", name: "人员 f2", organizationId: "b2", birthDate: "1980-01-01", category: "teacher" }))

const funnelOf = (over: { readonly plan?: Record<string, number>; readonly youngTeachers?: Record<string, number> } = {}) =>
  recruitmentFunnel({
    root: byId("county"),
    organizations: tree,
    fromYear: 2026,
    toYear: 2028,
    asOf: civilDate("2028-12-31"),
    profile: nationalBaseline,
    members: [f1, f2],
    ...over
  })

describe("recruitmentFunnel", () => {
  it("counts each stage entered in its year, the cohort that reached the next stage, and the days of each stay by the year it ended", () => {
    const { totals } = funnelOf()
    const y2026 = totals.years["2026"]!
    expect(y2026.entered).toEqual({ applicant: 2, activist: 2, candidate: 0, probationary: 0, full: 0 })
    expect(y2026.advanced).toEqual({ applicant: 2, activist: 1, candidate: 0, probationary: 0 })
    expect(y2026.spells.applicant).toBe(2)
    expect(meanDays(y2026, "applicant")).toBe(20)
    expect(conversionRate(y2026, "activist")).toBe(0.5)
    const y2027 = totals.years["2027"]!
    expect(y2027.entered).toEqual({ applicant: 0, activist: 0, candidate: 1, probationary: 1, full: 0 })
    expect(y2027.days).toEqual({ applicant: 0, activist: 378, candidate: 109, probationary: 0 })
    const y2028 = totals.years["2028"]!
    expect(y2028.entered.full).toBe(1)
    expect(y2028.days.probationary).toBe(366)
    expect(conversionRate(y2028, "candidate")).toBeNull()
  })

  it("counts young teachers on the report date by the profile's age (35), with the headcount given, and the plan against the admissions", () => {
    const { totals, youngTeacherRule } = funnelOf({ plan: { b1: 2 }, youngTeachers: { b1: 10, b2: 6 } })
    expect(youngTeacherRule).toMatchObject({ id: "report.recruitment.youngTeacherAge", parameters: { maximumAge: 35 } })
    expect(totals.youngTeachers).toEqual({ partyMembers: 1, inRecruitment: 0, headcount: 16 })
    expect(totals.plan).toEqual({ planned: 2, actual: 0 })
    const in2027 = recruitmentFunnel({ ...funnelOfInputs(), toYear: 2027, asOf: civilDate("2027-12-31"), plan: { school: 1 } })
    expect(in2027.totals.plan).toEqual({ planned: 1, actual: 1 })
  })

  it("rolls up exactly: every row's subtree is its own figures plus its children's subtrees", () => {
    const { organizations } = funnelOf({ plan: { b1: 2 } })
    for (const row of organizations) {
      const children = organizations.filter((c) => c.parentId === row.organizationId)
      const sum = children.reduce<FunnelFigures>((acc, c) => addNestedFigures(acc, c.subtree), row.own)
      expect(flattenFigures(row.subtree), row.organizationId).toEqual(flattenFigures(sum))
    }
    const b1 = organizations.find((r) => r.organizationId === "b1")!
    expect(b1.subtree.years["2027"]!.entered.probationary).toBe(1)
    expect(organizations.find((r) => r.organizationId === "b2")!.subtree.years["2027"]!.entered.probationary).toBe(0)
  })
})

const funnelOfInputs = () => ({
  root: byId("county"),
  organizations: tree,
  fromYear: 2026,
  profile: nationalBaseline,
  members: [f1, f2]
})
