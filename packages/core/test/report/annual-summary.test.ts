import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import { subtreeCompliance } from "../../src/meeting/compliance.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import { meetingKind } from "../../src/meeting/kinds.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { complianceRate, summarizeYear, type YearRecords } from "../../src/report/annual-summary.js"
import { unitsFrom } from "../../src/report/compliance-units.js"
import { fullMembers } from "../member/fixtures.js"
import { org, TENANT } from "../support/records.js"

/** summarizeYear on hand-made records: one branch of nine full members, its 2025 as of 2025-12-31. */
const school = org("school", "committee", null)
const b1 = org("b1", "branch", "school", { term: { electedOn: "2021-03-01", years: 5 } })
const asOf = civilDate("2025-12-31")
const themeDays = ["2025-01-15", "2025-02-15", "2025-03-15"].map((date, i) =>
  Schema.decodeSync(meetingKind.schema)({
    tenantId: TENANT,
    id: `td-${i}`,
    version: 1,
    organizationId: "b1",
    branchId: "b1",
    kinds: ["themeDay", "generalAssembly"],
    date,
    chairId: "m1",
    agenda: [],
    counts: { due: 9, present: 9, dueVoting: 9, presentVoting: 9 },
    resolutions: []
  })
)

const records = (over: Partial<YearRecords> = {}): YearRecords => ({
  root: school,
  organizations: [school, b1],
  year: 2025,
  asOf,
  profile: nationalBaseline,
  members: fullMembers,
  leadership: [],
  duesMonths: [
    { organizationId: "b1", quarter: "2025-Q1", due: 9_000, paid: 8_000 },
    { organizationId: "b1", quarter: "2025-Q3", due: 9_000, paid: 9_000 }
  ],
  duesPayments: [{ organizationId: "b1", quarter: "2025-Q2", amount: 8_500 }],
  studyCredits: [{ memberId: "m1", tenths: 600, centralized: 1 }, { memberId: "m2", tenths: 330, centralized: 0 }],
  studyExcused: ["m9"],
  compliance: subtreeCompliance(unitsFrom([b1], fullMembers, nationalBaseline), heldFromMeetings(themeDays), { profile: nationalBaseline, from: civilDate("2025-01-01"), to: asOf, asOf: civilDate("2026-01-01") }),
  evaluations: [{ organizationId: "b1", evaluated: 9, excellent: 2, qualified: 6, basicallyQualified: 1, unqualified: 0 }],
  rectification: [
    { organizationId: "b1", raisedOn: "2024-11-01", closedOn: "2025-02-01", count: 1 },
    { organizationId: "b1", raisedOn: "2025-05-01", closedOn: null, count: 2 },
    { organizationId: "b1", raisedOn: "2025-06-01", closedOn: "2026-01-10", count: 1 }
  ],
  ...over
})

describe("summarizeYear", () => {
  it("counts compliance per obligation over the judged periods, with its rule", () => {
    const { totals, obligations } = summarizeYear(records())
    expect(totals.compliance.themeDay).toEqual({ required: 12, met: 3, gap: 9, open: 0 })
    expect(totals.compliance.generalAssembly).toEqual({ required: 4, met: 1, gap: 3, open: 0 })
    expect(complianceRate(totals.compliance.themeDay!)).toBe(0.25)
    expect(obligations.themeDay).toMatchObject({ ruleId: "meeting.themeDay.monthly" })
    expect(obligations.lectureBySecretary).toMatchObject({ ruleId: "meeting.lecture.secretaryYearly" })
  })

  it("dues by quarter, study against targets, grades, and rectification raised, closed and open on the report date", () => {
    const { totals } = summarizeYear(records())
    expect(totals.dues.Q1).toEqual({ due: 9_000, paid: 8_000, collected: 0 })
    expect(totals.dues.Q2).toEqual({ due: 0, paid: 0, collected: 8_500 })
    // m1 (60 学时) and m2 (33) met 32; m9 is excused; the other six are behind.
    expect(totals.study).toEqual({ onRoll: 9, met: 2, behind: 6, excused: 1, creditedTenths: 930, targetTenths: 8 * 320 })
    expect(totals.evaluation.excellent).toBe(2)
    expect(totals.rectification).toEqual({ raised: 3, closed: 1, open: 3 })
  })

  it("elections due: a term that ended in the year without an election is due, not held", () => {
    expect(summarizeYear(records({ year: 2026, asOf: civilDate("2026-12-31") })).totals.elections).toEqual({ held: 0, due: 1 })
    expect(summarizeYear(records()).totals.elections).toEqual({ held: 0, due: 0 })
  })
})
