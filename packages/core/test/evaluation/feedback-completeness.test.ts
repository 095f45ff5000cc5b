import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import type { SchoolCalendar } from "../../src/calendar/school-calendar.js"
import { missingRoleFeedback } from "../../src/evaluation/feedback-completeness.js"
import type { RoleFeedback } from "../../src/evaluation/records.js"
import { evaluationService } from "../../src/evaluation/service.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { ctxFor, run, secretary, seed } from "../dues/fixtures.js"

/** Seed 000's schools: weekly, per-semester and yearly feedback. */
const seed000 = Either.getOrThrow(
  applyOverride(nationalBaseline, {
    id: "school-000",
    name: { zh: "某校", en: "School 000" },
    document: "《某校党员作用发挥反馈制度》",
    effectiveFrom: "2020-01-01",
    rules: { "evaluation.roleFeedback.cadences": { cadences: ["weekly", "semester", "yearly"] } }
  })
)

const RULE = "evaluation.roleFeedback.cadences"

let n = 0
const record = (memberId: string, kind: RoleFeedback["kind"], cadence: RoleFeedback["cadence"], periodStart: string, periodEnd: string, reviewed = true): RoleFeedback =>
  ({
    tenantId: "t",
    id: `r${++n}`,
    version: 1,
    organizationId: "b1",
    memberId,
    kind,
    cadence,
    periodStart,
    periodEnd,
    partner: null,
    title: "反馈",
    outcome: reviewed ? { rating: "fulfilled", reviewedOn: periodEnd } : null
  }) as unknown as RoleFeedback

/** Weeks of March 2026: W10 is 2 March (Monday) to 8 March. */
const week = (monday: string, sunday: string) => record("m1", "vanguardPost", "weekly", monday, sunday)
const d = (s: string) => s as CivilDate

const calendar: SchoolCalendar = {
  terms: [
    { id: "2025-2026-2", name: { zh: "2025—2026 学年第二学期", en: "Spring 2026" }, start: d("2026-02-23"), end: d("2026-07-10") },
    { id: "2026-2027-1", name: { zh: "2026—2027 学年第一学期", en: "Autumn 2026" }, start: d("2026-09-01"), end: d("2027-01-22") }
  ]
}

describe("missingRoleFeedback (evaluation.roleFeedback.cadences, seed 000)", () => {
  it("weekly: the weeks of the window without a record, from the track's first week, ended by today", () => {
    const records = [week("2026-03-02", "2026-03-08"), week("2026-03-16", "2026-03-22")]
    const r = missingRoleFeedback(records, { from: d("2026-03-01"), to: d("2026-03-31") }, seed000, d("2026-04-10"))
    expect(r.missing.map((m) => [m.memberId, m.kind, m.cadence, m.periods.map((p) => p.label)])).toEqual([["m1", "vanguardPost", "weekly", ["2026-W11", "2026-W13"]]])
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.subject.id, f.due])).toEqual([[RULE, "warning", "m1", "2026-03-29"]])
  })

  it("weekly: a week belongs to the window when its Thursday does (the meeting convention)", () => {
    const records = [week("2026-03-02", "2026-03-08")]
    // W14 is 30 March – 5 April: its Thursday, 2 April, is outside a window ending 1 April
    expect(missingRoleFeedback(records, { from: d("2026-03-01"), to: d("2026-04-01") }, seed000, d("2026-05-01")).missing[0]!.periods.map((p) => p.label)).toEqual(["2026-W11", "2026-W12", "2026-W13"])
    expect(missingRoleFeedback(records, { from: d("2026-03-01"), to: d("2026-04-02") }, seed000, d("2026-05-01")).missing[0]!.periods.map((p) => p.label)).toEqual(["2026-W11", "2026-W12", "2026-W13", "2026-W14"])
  })

  it("weekly: the current week is not missing until it has ended (Sunday), the day after it is", () => {
    const records = [week("2026-03-02", "2026-03-08")]
    const on = (today: string) => missingRoleFeedback(records, { from: d("2026-03-01"), to: d("2026-03-15") }, seed000, d(today)).missing.flatMap((m) => m.periods.map((p) => p.label))
    expect(on("2026-03-15")).toEqual([])
    expect(on("2026-03-16")).toEqual(["2026-W11"])
  })

  it("weekly: with a school calendar, vacation weeks are not expected", () => {
    const records = [week("2026-06-29", "2026-07-05")]
    const r = missingRoleFeedback(records, { from: d("2026-06-29"), to: d("2026-09-13"), schoolCalendar: calendar }, seed000, d("2026-10-01"))
    // 10 July ends the term (W28's Thursday, 9 July, is in it); 1 September opens the next (W36's Thursday is 3 September)
    expect(r.missing[0]!.periods.map((p) => p.label)).toEqual(["2026-W28", "2026-W36", "2026-W37"])
  })

  it("per semester: needs the school calendar; without it the track is listed as unchecked", () => {
    const records = [record("m2", "pairing", "semester", "2026-02-23", "2026-07-10")]
    const window = { from: d("2026-01-01"), to: d("2027-01-31") }
    const without = missingRoleFeedback(records, window, seed000, d("2027-02-01"))
    expect([without.missing, without.unchecked]).toEqual([[], [{ memberId: "m2", kind: "pairing", cadence: "semester" }]])
    const withIt = missingRoleFeedback(records, { ...window, schoolCalendar: calendar }, seed000, d("2027-02-01"))
    expect(withIt.missing.map((m) => m.periods.map((p) => p.label))).toEqual([["2026-2027-1"]])
    // on the term's last day it has not ended yet
    expect(missingRoleFeedback(records, { ...window, schoolCalendar: calendar }, seed000, d("2027-01-22")).missing).toEqual([])
  })

  it("yearly: a commitment of 2025 with none for 2026 is missing once 2026 has ended", () => {
    const records = [record("m3", "commitment", "yearly", "2025-01-01", "2025-12-31")]
    const window = { from: d("2025-01-01"), to: d("2026-12-31") }
    expect(missingRoleFeedback(records, window, seed000, d("2026-12-31")).missing).toEqual([])
    expect(missingRoleFeedback(records, window, seed000, d("2027-01-01")).missing.map((m) => m.periods.map((p) => p.label))).toEqual([["2026"]])
  })

  it("a cadence the profile does not keep is not checked; a track with no record reaching into the window is over", () => {
    const records = [week("2026-03-02", "2026-03-08")]
    expect(missingRoleFeedback(records, { from: d("2026-03-01"), to: d("2026-03-31") }, nationalBaseline, d("2026-05-01")).missing).toEqual([])
    expect(missingRoleFeedback(records, { from: d("2026-04-01"), to: d("2026-04-30") }, seed000, d("2026-05-10")).missing).toEqual([])
  })

  it("tracks are per member, kind and cadence: another member's record fills no gap", () => {
    const records = [week("2026-03-02", "2026-03-08"), record("m2", "vanguardPost", "weekly", "2026-03-09", "2026-03-15")]
    const r = missingRoleFeedback(records, { from: d("2026-03-02"), to: d("2026-03-15") }, seed000, d("2026-03-20"))
    expect(r.missing.map((m) => [m.memberId, m.periods.map((p) => p.label)])).toEqual([["m1", ["2026-W11"]]])
  })
})

describe("evaluationService.roleFeedbackStatus: periods missing feedback", () => {
  it.effect("lists the missing weeks and names the rule, next to records awaiting their outcome", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(secretary, new Date("2026-03-25T02:00:00Z"), seed000)
        yield* evaluationService.recordRole(ctx, { id: "w1", memberId: "m1", kind: "vanguardPost", cadence: "weekly", periodStart: "2026-03-02", periodEnd: "2026-03-08", title: "先锋岗周反馈" })
        yield* evaluationService.recordRole(ctx, { id: "w3", memberId: "m1", kind: "vanguardPost", cadence: "weekly", periodStart: "2026-03-16", periodEnd: "2026-03-22", title: "先锋岗周反馈" })
        const status = yield* evaluationService.roleFeedbackStatus(ctx, { organizationId: "b1", from: "2026-03-01", to: "2026-03-31" })
        expect(status.missing.map((m) => m.periods.map((p) => p.label))).toEqual([["2026-W11"]])
        expect(status.findings.map((f) => [f.ruleId, f.subject.id, f.due])).toEqual([
          [RULE, "m1", "2026-03-08"],
          [RULE, "m1", "2026-03-22"],
          [RULE, "m1", "2026-03-15"]
        ])
      })
    )
  )
})
