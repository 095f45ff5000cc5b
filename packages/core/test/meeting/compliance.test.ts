import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { branchCompliance, type ComplianceOptions } from "../../src/meeting/compliance.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import type { RecordMeetingInput } from "../../src/meeting/meeting-service-inputs.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { ctxFor, members, organizer, run, secretary, seed, strict, tree, viewer } from "./fixtures.js"

const JULY = new Date("2026-07-02T02:00:00Z")

const b1Due = members.filter((m) => m.organizationId === "b1").map((m) => m.id)
const present = (ids: ReadonlyArray<string>) => [...ids].sort().map((memberId) => ({ memberId, status: "present" as const }))
const g = (group: "g1" | "g2") =>
  members.filter((m) => m.partyGroupId === group).map((m) => m.id)

/** Q2 2026 of b1, everything held except the 支委会 of May. */
const q2: ReadonlyArray<RecordMeetingInput> = [
  ...["04", "05", "06"].flatMap((mm): ReadonlyArray<RecordMeetingInput> => [
    ...(mm === "05" ? [] : [{ id: `c-${mm}`, organizationId: "b1", kinds: ["committee"] as const, date: `2026-${mm}-08`, chairId: "m1", attendance: present(["m1", "m2", "m3"]) }]),
    { id: `td-${mm}`, organizationId: "b1", kinds: ["themeDay"] as const, date: `2026-${mm}-12`, attendance: present(b1Due) },
    { id: `g1-${mm}`, organizationId: "g1", kinds: ["partyGroup"] as const, date: `2026-${mm}-15`, attendance: present(g("g1")) },
    { id: `g2-${mm}`, organizationId: "g2", kinds: ["partyGroup"] as const, date: `2026-${mm}-15`, attendance: present(g("g2")) }
  ]),
  { id: "ga-q2", organizationId: "b1", kinds: ["generalAssembly", "lecture"], date: "2026-05-20", lecturer: { name: "讲师" }, topic: "党章", attendance: present(b1Due) }
]

const recordAll = (inputs: ReadonlyArray<RecordMeetingInput>) =>
  Effect.forEach(inputs, (i) => meetingService.recordMeeting(ctxFor(secretary, nationalBaseline, JULY), i), { discard: true })

describe("meetingService.compliance", () => {
  it.effect("a missing 支委会 is one gap and one finding citing meeting.committee.monthly and its article", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* recordAll(q2)
        const report = yield* meetingService.compliance(ctxFor(secretary, nationalBaseline, JULY), { organizationId: "b1", view: "quarter", on: "2026-05-01" })
        expect([report.from, report.to]).toEqual(["2026-04-01", "2026-06-30"])
        expect(report.findings.map((f) => f.message.en)).toEqual([
          "branch committee meeting missing for 2026-05 (0 of 1 held) (rule meeting.committee.monthly, 《中国共产党支部工作条例（试行）》第十二条)"
        ])
        const b1 = report.branches[0]!
        const themeDays = b1.obligations.find((o) => o.kind === "themeDay")!
        expect(themeDays.periods.map((p) => [p.period.label, p.held, p.state])).toEqual([
          ["2026-04", 1, "met"],
          ["2026-05", 1, "met"],
          ["2026-06", 1, "met"]
        ])
        // Group meetings are counted per group; yearly kinds are still open in July.
        expect(b1.obligations.filter((o) => o.kind === "partyGroup").map((o) => o.organizationId)).toEqual(["g1", "g2"])
        expect(b1.obligations.find((o) => o.kind === "orgLifeMeeting")?.periods[0]?.state).toBe("open")
      })
    )
  )

  it.effect("no 支委会 is required of a branch with fewer than 7 full members and no committee (b2: 4)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const report = yield* meetingService.compliance(ctxFor(organizer, nationalBaseline, JULY), { organizationId: "b2", view: "quarter", on: "2026-05-01" })
        const committee = report.branches[0]!.obligations.find((o) => o.kind === "committee")!
        expect(committee.periods.map((p) => p.state)).toEqual(["notRequired", "notRequired", "notRequired"])
        expect(report.findings.map((f) => f.ruleId).sort()).toEqual(["meeting.generalAssembly.quarterly", "meeting.lecture.cadence", ...Array(3).fill("meeting.themeDay.monthly")].sort())
      })
    )
  )

  it.effect("law: the compliance of a subtree is its branches' compliance combined (county viewer, aggregates only)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* recordAll(q2)
        const ctx = ctxFor(viewer, nationalBaseline, JULY)
        const input = { view: "year" as const, on: "2026-03-01" }
        const county = yield* meetingService.compliance(ctx, { organizationId: "county", ...input })
        const b1 = yield* meetingService.compliance(ctx, { organizationId: "b1", ...input })
        const b2 = yield* meetingService.compliance(ctx, { organizationId: "b2", ...input })
        expect(county.branches).toEqual([...b1.branches, ...b2.branches])
        expect(county.findings).toEqual([...b1.findings, ...b2.findings])
      })
    )
  )

  it.effect("the aggregate path agrees with the model built from the meeting records", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* recordAll(q2)
        const ctx = ctxFor(secretary, nationalBaseline, JULY)
        const report = yield* meetingService.compliance(ctx, { organizationId: "b1", view: "year", on: "2026-03-01" })
        const meetings = yield* meetingService.list(ctx, { organizationId: "b1", from: "2026-01-01", to: "2026-12-31" })
        const branch = tree.find((o) => o.id === "b1")!
        const model = branchCompliance(
          { branch, groups: tree.filter((o) => o.parentId === "b1"), fullMembersOn: () => 15 },
          heldFromMeetings(meetings),
          { profile: nationalBaseline, from: civilDate("2026-01-01"), to: civilDate("2026-12-31"), asOf: civilDate("2026-07-02") }
        )
        expect(report.branches).toEqual([model])
      })
    )
  )

  it.effect("the strict override profile changes the result: a monthly 党课 by the secretary from 2026-09", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const late = new Date("2027-01-05T02:00:00Z")
        yield* meetingService.recordMeeting(ctxFor(secretary, strict, late), {
          id: "lec-q4",
          organizationId: "b1",
          kinds: ["lecture"],
          date: "2026-10-15",
          lecturer: { personId: "m1", name: "书记" },
          topic: "党的二十大精神",
          attendance: present(b1Due)
        })
        const input = { organizationId: "b1", view: "quarter" as const, on: "2026-11-01" }
        const national = yield* meetingService.compliance(ctxFor(secretary, nationalBaseline, late), input)
        const local = yield* meetingService.compliance(ctxFor(secretary, strict, late), input)
        const lectures = (r: typeof national) => r.findings.filter((f) => f.ruleId === "meeting.lecture.cadence").map((f) => f.message.en.split(" (")[0])
        expect(lectures(national)).toEqual([])
        expect(lectures(local)).toEqual([
          "party lecture by the branch secretary missing for 2026-11",
          "party lecture by the branch secretary missing for 2026-12"
        ])
        // The local weekly 党建例会 is counted by ISO week: the 14 weeks whose Thursday falls in Q4
        // (Thursday 2026-10-01 is in W40, Thursday 2026-12-31 in W53).
        const weekly = local.branches[0]!.obligations.find((o) => o.kind === "partyBuildingWeekly")!
        expect(weekly.periods.map((p) => p.period.label)).toEqual(Array.from({ length: 14 }, (_, i) => `2026-W${40 + i}`))
      })
    )
  )
})

describe("branchCompliance: the weekly convention", () => {
  const branch = tree.find((o) => o.id === "b1")!
  const unit = { branch, groups: [], fullMembersOn: () => 15 }
  const options = (from: string, to: string, over: Partial<ComplianceOptions> = {}): ComplianceOptions => ({
    profile: strict,
    from: civilDate(from),
    to: civilDate(to),
    asOf: civilDate("2027-06-01"),
    ...over
  })
  const weeks = (o: ComplianceOptions) =>
    branchCompliance(unit, heldFromMeetings([]), o)
      .obligations.find((x) => x.kind === "partyBuildingWeekly")!
      .periods.filter((p) => p.state !== "notRequired")
      .map((p) => p.period.label)

  it("a week belongs to the month holding its Thursday: January 2027 has 4 (W01 starts 2027-01-04), December 2026 has 5", () => {
    expect(weeks(options("2027-01-01", "2027-01-31"))).toEqual(["2027-W01", "2027-W02", "2027-W03", "2027-W04"])
    expect(weeks(options("2026-12-01", "2026-12-31"))).toEqual(["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"])
  })

  it("with a school calendar, weeks whose Thursday falls in a vacation are not required", () => {
    const schoolCalendar = {
      terms: [{ id: "2026-2027-1", name: { zh: "第一学期", en: "Term 1" }, start: civilDate("2026-09-01"), end: civilDate("2027-01-15") }]
    }
    expect(weeks(options("2027-01-01", "2027-01-31", { schoolCalendar }))).toEqual(["2027-W01", "2027-W02"])
  })
})
