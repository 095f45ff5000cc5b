import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import type { SecretaryReport } from "../../src/evaluation/records.js"
import { secretaryReportFindings } from "../../src/evaluation/reviews.js"
import { evaluationService } from "../../src/evaluation/service.js"
import { meetingKind } from "../../src/meeting/kinds.js"
import { Meeting } from "../../src/meeting/meeting.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { createWrite, Store } from "../../src/store/port.js"
import { ctxFor, NOW, run, secretary, seed, TENANT } from "../dues/fixtures.js"

/** Seed 004's county: 党建月 is July (to the higher organization), the year-end 党员大会 in December. */
const twoWay = Either.getOrThrow(
  applyOverride(nationalBaseline, {
    id: "county-004",
    name: { zh: "某县", en: "County 004" },
    document: "《某县抓党建述职评议工作办法》",
    effectiveFrom: "2020-01-01",
    rules: {
      "evaluation.secretaryReport.yearly": { audiences: ["higherOrganization", "generalAssembly"] },
      "evaluation.secretaryReport.windows": {
        windows: [
          { audience: "higherOrganization", fromMonth: 7, toMonth: 7 },
          { audience: "generalAssembly", fromMonth: 12, toMonth: 12 }
        ]
      }
    }
  })
)

const report = (audience: SecretaryReport["audience"], reportedOn: string): SecretaryReport =>
  ({ tenantId: "t", id: `${audience}-${reportedOn}`, version: 1, organizationId: "b1", year: 2026, secretaryId: "s1", audience, reportedOn, scores: [], rating: null, followUps: [] }) as unknown as SecretaryReport

const findings = (reports: ReadonlyArray<SecretaryReport>, today: string, profile = twoWay) =>
  secretaryReportFindings("b1", reports, 2026, profile, today as CivilDate).map((f) => [f.ruleId, f.severity, f.due])

const W = "evaluation.secretaryReport.windows"

describe("evaluation.secretaryReport.windows: two-way reporting in its windows (seed 004)", () => {
  it("the national baseline sets no window: only the yearly report to the higher organization is asked for", () => {
    expect(findings([], "2026-12-01", nationalBaseline)).toEqual([["evaluation.secretaryReport.yearly", "reminder", "2026-12-31"]])
    expect(findings([report("higherOrganization", "2026-03-02")], "2027-01-05", nationalBaseline)).toEqual([])
  })

  it("both reports within their windows: no finding", () => {
    expect(findings([report("higherOrganization", "2026-07-01"), report("generalAssembly", "2026-12-31")], "2027-01-05")).toEqual([])
    expect(findings([report("higherOrganization", "2026-07-31"), report("generalAssembly", "2026-12-01")], "2027-01-05")).toEqual([])
  })

  it("the 党建月 window: a report dated the day before or after it is out of window", () => {
    const assembly = report("generalAssembly", "2026-12-20")
    expect(findings([report("higherOrganization", "2026-06-30"), assembly], "2027-01-05")).toEqual([[W, "warning", "2026-07-31"]])
    expect(findings([report("higherOrganization", "2026-08-01"), assembly], "2027-01-05")).toEqual([[W, "warning", "2026-07-31"]])
  })

  it("the year-end window: 30 November is out of it, 1 December in", () => {
    const higher = report("higherOrganization", "2026-07-15")
    expect(findings([higher, report("generalAssembly", "2026-11-30")], "2027-01-05")).toEqual([[W, "warning", "2026-12-31"]])
    expect(findings([higher, report("generalAssembly", "2026-12-01")], "2027-01-05")).toEqual([])
  })

  it("a missing report is a reminder up to the window's last day and a warning from the day after", () => {
    const assembly = report("generalAssembly", "2026-12-10")
    expect(findings([assembly], "2026-07-31")).toEqual([[W, "reminder", "2026-07-31"]])
    expect(findings([assembly], "2026-08-01")).toEqual([[W, "warning", "2026-07-31"]])
    const higher = report("higherOrganization", "2026-07-10")
    expect(findings([higher], "2026-12-31")).toEqual([[W, "reminder", "2026-12-31"]])
    expect(findings([higher], "2027-01-01")).toEqual([[W, "warning", "2026-12-31"]])
  })

  it("one report in the window is enough when another of the same audience is out of it", () => {
    expect(findings([report("higherOrganization", "2026-05-01"), report("higherOrganization", "2026-07-20"), report("generalAssembly", "2026-12-20")], "2027-01-05")).toEqual([])
  })

  it("a window is refused when it ends before it starts, or given twice for one audience", () => {
    const bad = (windows: unknown) =>
      applyOverride(nationalBaseline, { id: "x", name: { zh: "x", en: "x" }, document: "x", effectiveFrom: "2020-01-01", rules: { [W]: { windows } } })
    expect(Either.isLeft(bad([{ audience: "generalAssembly", fromMonth: 12, toMonth: 11 }]))).toBe(true)
    expect(Either.isLeft(bad([{ audience: "generalAssembly", fromMonth: 12, toMonth: 12 }, { audience: "generalAssembly", fromMonth: 1, toMonth: 1 }]))).toBe(true)
  })
})

describe("the report to all members is given at a 党员大会", () => {
  const higher = report("higherOrganization", "2026-07-10")
  const assembly = report("generalAssembly", "2026-12-18")

  it("with the days the branch held a 党员大会: none that day is a warning naming the rule; one that day, none", () => {
    const at = (dates: ReadonlyArray<string>) =>
      secretaryReportFindings("b1", [higher, assembly], 2026, twoWay, "2027-01-05" as CivilDate, new Set(dates)).map((f) => [f.ruleId, f.severity, f.due])
    expect(at(["2026-12-17"])).toEqual([[W, "warning", "2026-12-18"]])
    expect(at(["2026-12-18"])).toEqual([])
    // without the meeting days the check is not made
    expect(secretaryReportFindings("b1", [higher, assembly], 2026, twoWay, "2027-01-05" as CivilDate)).toEqual([])
  })

  const reportInput = (audience: "higherOrganization" | "generalAssembly", reportedOn: string) => ({
    id: `sr-${audience}`,
    organizationId: "b1",
    year: 2026,
    secretaryId: "m1",
    audience,
    reportedOn,
    scores: [],
    rating: null,
    followUps: []
  })

  it.effect("evaluationService.secretaryReports reads the branch's 党员大会 from its meetings", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(secretary, new Date("2027-01-05T02:00:00Z"), twoWay)
        yield* evaluationService.recordSecretaryReport(ctx, reportInput("higherOrganization", "2026-07-10"))
        yield* evaluationService.recordSecretaryReport(ctx, reportInput("generalAssembly", "2026-12-18"))
        const without = yield* evaluationService.secretaryReports(ctx, { organizationId: "b1", year: 2026 })
        expect(without.findings.map((f) => [f.ruleId, f.due])).toEqual([[W, "2026-12-18"]])
        const { version: _v, ...meeting } = Schema.decodeSync(Meeting)({
          tenantId: TENANT,
          id: "mt-1218",
          version: 1,
          organizationId: "b1",
          branchId: "b1",
          kinds: ["generalAssembly"],
          date: "2026-12-18",
          chairId: "m1",
          topic: "书记述职",
          agenda: [],
          counts: { due: 4, present: 4, dueVoting: 4, presentVoting: 4 },
          resolutions: []
        })
        yield* (yield* Store).write(TENANT, [createWrite(meetingKind, meeting)], { actorId: "seed", at: NOW, action: "seed" })
        const withIt = yield* evaluationService.secretaryReports(ctx, { organizationId: "b1", year: 2026 })
        expect(withIt.findings).toEqual([])
      })
    )
  )
})
