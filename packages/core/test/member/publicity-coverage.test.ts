import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { civilDate, dayOfWeek } from "../../src/calendar/civil-date.js"
import type { WorkdayCalendar } from "../../src/calendar/workday-calendar.js"
import { recordStep } from "../../src/member/lifecycle.js"
import { publicityCoverageFindings } from "../../src/member/publicity-coverage.js"
import { timeline } from "../../src/member/timeline.js"
import { expectAccepted, expectRejected } from "./assertions.js"
import { before, ctx, path2014, path2026, profile, recordOf, walk } from "./fixtures.js"

const T = "2030-12-31"

/** Weekdays, with holiday data claimed for 2004–2026 only (like chinese-days 1.5.7). */
const until2026: WorkdayCalendar = {
  isWorkday: (d) => dayOfWeek(d) <= 5,
  coveredYears: { from: 2004, to: 2026 },
  name: { zh: "测试日历", en: "the test calendar" }
}
const until2027: WorkdayCalendar = { ...until2026, coveredYears: { from: 2004, to: 2027 } }

const designated = walk(before(path2026, "candidateApproval"))
/** The 2026-rules file through the higher committee's consent and a 公示 of 2027-06-08 to 2027-06-14. */
const approved = expectAccepted(recordStep(designated, recordOf(path2026, "candidateApproval"), ctx(T, { workdays: until2026 })))

describe("member.candidate.publicity counted in years the calendar has no holiday data for", () => {
  it("the step is accepted on the calendar's guess, and the file carries a warning naming the calendar and its years", () => {
    const findings = publicityCoverageFindings(approved, profile, until2026)
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f).toMatchObject({ ruleId: "member.candidate.publicity", severity: "warning", subject: { kind: "member", id: "a1" } })
    expect(f?.message.zh).toContain("2027-06-08至2027-06-14")
    expect(f?.message.zh).toContain("测试日历只有2004–2026年的节假日安排")
    expect(f?.message.zh).toContain("满5个工作日")
    expect(f?.message.en).toContain("the test calendar has the holiday schedules of 2004–2026 only")
    expect(f?.message.en).toContain("2027")
  })

  it("a calendar that covers 2027 raises nothing; nor does one that declares no coverage", () => {
    expect(publicityCoverageFindings(approved, profile, until2027)).toEqual([])
    expect(publicityCoverageFindings(approved, profile, { isWorkday: until2026.isWorkday })).toEqual([])
  })

  it("the timeline shows the warning when given the calendar, and is unchanged without it", () => {
    const today = civilDate("2027-06-20")
    const withCalendar = timeline(approved, profile, today, until2026).findings.filter((f) => f.ruleId === "member.candidate.publicity")
    expect(withCalendar.map((f) => f.severity)).toEqual(["warning"])
    expect(timeline(approved, profile, today).findings.filter((f) => f.ruleId === "member.candidate.publicity")).toEqual([])
    expect(timeline(approved, profile, today, until2027).findings.filter((f) => f.ruleId === "member.candidate.publicity")).toEqual([])
  })

  it("a refusal for too short a 公示 says that its count and its earliest end are a guess", () => {
    const error = expectRejected(
      recordStep(designated, recordOf(path2026, "candidateApproval", { publicity: { from: "2027-06-08", to: "2027-06-11" } }), ctx(T, { workdays: until2026 })),
      "member.candidate.publicity"
    )
    expect(error.allowedFrom).toBe("2027-06-14")
    expect(error.text.zh).toContain("测试日历只有2004–2026年的节假日安排")
    expect(error.text.en).toContain("2004–2026")
    const covered = expectRejected(
      recordStep(designated, recordOf(path2026, "candidateApproval", { publicity: { from: "2027-06-08", to: "2027-06-11" } }), ctx(T, { workdays: until2027 })),
      "member.candidate.publicity"
    )
    expect(covered.text.zh).not.toContain("节假日安排")
  })

  it("no warning where no working days are counted: a rejected consent, and the 2014 rules (no national minimum)", () => {
    const refused = recordStep(designated, recordOf(path2026, "candidateApproval", { decision: { decidedBy: "上级党委", outcome: "rejected" }, publicity: undefined }), ctx(T, { workdays: until2026 }))
    expect(Either.isRight(refused) && publicityCoverageFindings(refused.right, profile, until2026)).toEqual([])
    const old = walk(before(path2014, "introducersAssigned"))
    const posted = { ...old, steps: old.steps.map((s) => (s.step === "candidateApproval" ? { ...s, publicity: { from: civilDate("2030-01-02"), to: civilDate("2030-01-09") } } : s)) }
    expect(publicityCoverageFindings(posted, profile, until2026)).toEqual([])
  })
})
