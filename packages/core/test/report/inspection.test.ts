import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import { checklistScoreKind, secretaryReportKind } from "../../src/evaluation/kinds.js"
import { subtreeCompliance } from "../../src/meeting/compliance.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import { meetingKind } from "../../src/meeting/kinds.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { unitsFrom } from "../../src/report/compliance-units.js"
import { inspectionPack } from "../../src/report/inspection.js"
import type { InspectionRecords } from "../../src/report/inspection-proofs.js"
import { reportService } from "../../src/report/report-service.js"
import { createWrite, Store } from "../../src/store/port.js"
import { fullMembers } from "../member/fixtures.js"
import { ctxFor, organizer, seed, viewer } from "../org/service-fixtures.js"
import { org, TENANT } from "../support/records.js"

/** Branch b1 of a school, elected 2024-03-01, with 9 full members; the pack of 2025, judged on 2025-12-31. */
const b1 = org("b1", "branch", "school", { term: { electedOn: "2024-03-01", years: 5 } })
const tree = [org("county", "committee", null), org("school", "committee", "county"), b1]
const asOf = civilDate("2025-12-31")
const decode = <A, I>(schema: Schema.Schema<A, I>, value: I): A => Schema.decodeSync(schema)(value)
const base = { tenantId: TENANT, version: 1, organizationId: "b1" }

const checklist = decode(checklistScoreKind.schema, {
  ...base,
  id: "b1.2025",
  year: 2025,
  scoredOn: "2025-12-10",
  items: [
    { itemId: "venue", score: 8, evidence: ["党员活动室照片"] },
    { itemId: "teamBuilding", score: 18, evidence: ["换届选举材料"] }
  ],
  total: 26,
  maximum: 100
})
const report = decode(secretaryReportKind.schema, {
  ...base,
  id: "b1.sr2025",
  year: 2025,
  secretaryId: "m1",
  audience: "higherOrganization",
  reportedOn: "2025-12-20",
  scores: [],
  rating: "good",
  followUps: []
})
const themeDay = decode(meetingKind.schema, {
  ...base,
  id: "mt-1",
  branchId: "b1",
  kinds: ["themeDay"],
  date: "2025-03-15",
  chairId: "m1",
  agenda: [],
  counts: { due: 9, present: 9, dueVoting: 9, presentVoting: 9 },
  resolutions: []
})

const recordsWith = (over: Partial<InspectionRecords> = {}): InspectionRecords => {
  const members = fullMembers
  const options = { profile: nationalBaseline, from: civilDate("2025-01-01"), to: asOf, asOf }
  return {
    branch: b1,
    year: 2025,
    asOf,
    profile: nationalBaseline,
    meetings: [],
    compliance: subtreeCompliance(unitsFrom([b1], members, nationalBaseline), heldFromMeetings(over.meetings ?? []), options),
    leadership: [],
    secretaryReports: [],
    evaluations: [],
    rectification: [],
    checklists: [],
    roles: [],
    duesMonths: [],
    study: [],
    members,
    ...over
  }
}

describe("inspectionPack (report.inspection.checklist)", () => {
  it("follows the standardization checklist's items; with nothing recorded, every item names what is missing and cites its rule", () => {
    const pack = inspectionPack(recordsWith())
    expect(pack.rule.id).toBe("report.inspection.checklist")
    expect(pack.entries.map((e) => e.itemId)).toEqual(["teamBuilding", "memberManagement", "organizationalLife", "rulesAndRecords", "venue", "roleAndResults"])
    expect(pack.entries.every((e) => !e.complete && e.missing.length > 0)).toBe(true)
    const missingRules = (id: string) => pack.entries.find((e) => e.itemId === id)!.missing.map((m) => m.ruleId)
    expect(missingRules("teamBuilding")).toEqual(["evaluation.secretaryReport.yearly"])
    expect(missingRules("memberManagement")).toEqual(expect.arrayContaining(["evaluation.democratic.procedure", "dues.payment.methods"]))
    expect(missingRules("organizationalLife")).toEqual(expect.arrayContaining(["meeting.generalAssembly.quarterly", "meeting.themeDay.monthly", "meeting.lecture.secretaryYearly"]))
    expect(missingRules("venue")).toEqual(["evaluation.checklist.standards"])
    expect(missingRules("roleAndResults")).toEqual(["evaluation.roleFeedback.cadences"])
    const message = pack.entries.find((e) => e.itemId === "organizationalLife")!.missing[0]!.message
    expect(message.zh).toMatch(/规则 meeting\./)
    expect(message.en).toMatch(/rule meeting\./)
    // The term from 2024 is the election's proof.
    expect(pack.entries[0]!.proofs[0]).toEqual({ evidence: "election", records: [{ kind: "organization", id: "b1", date: "2024-03-01", label: { zh: "换届选举（任期5年）", en: "election (term of 5 years)" } }] })
  })

  it("lists the records that prove an item, with the checklist's score and evidence; a scored item with its evidence is complete", () => {
    const pack = inspectionPack(recordsWith({ checklists: [checklist], secretaryReports: [report], meetings: [themeDay] }))
    const venue = pack.entries.find((e) => e.itemId === "venue")!
    expect(venue).toMatchObject({ complete: true, missing: [], score: { score: 8, maxScore: 10, evidence: ["党员活动室照片"] } })
    expect(venue.proofs[0]!.records.map((r) => r.id)).toEqual(["b1.2025"])
    const team = pack.entries.find((e) => e.itemId === "teamBuilding")!
    expect(team.complete).toBe(true)
    const life = pack.entries.find((e) => e.itemId === "organizationalLife")!
    expect(life.proofs[0]!.records).toEqual([{ kind: "meeting", id: "mt-1", date: "2025-03-15", label: { zh: "主题党日", en: expect.any(String) } }])
    const themeDayGaps = life.missing.filter((m) => m.ruleId === "meeting.themeDay.monthly").map((m) => m.message.zh)
    expect(themeDayGaps).toHaveLength(11)
    expect(themeDayGaps.some((zh) => zh.includes("2025-03"))).toBe(false)
    // Scored at the checklist but without this item: rules and records is missing its score.
    expect(pack.entries.find((e) => e.itemId === "rulesAndRecords")!.missing.map((m) => m.ruleId)).toContain("evaluation.checklist.standards")
  })

  it("takes an inspection's own checklist instead of the profile's", () => {
    const pack = inspectionPack(recordsWith({ secretaryReports: [report] }), [{ id: "report", title: { zh: "书记述职", en: "Secretary's report" }, evidence: ["secretaryReport"] }])
    expect(pack.entries).toHaveLength(1)
    expect(pack.entries[0]).toMatchObject({ itemId: "report", complete: true, missing: [] })
  })
})

describe("reportService.inspection", () => {
  const run = <A, E>(effect: Effect.Effect<A, E, Store>) =>
    Effect.gen(function* () {
      yield* seed(tree, fullMembers)
      const store = yield* Store
      const { version: _a, ...c } = checklist
      const { version: _b, ...m } = themeDay
      yield* store.write(TENANT, [createWrite(checklistScoreKind, c), createWrite(meetingKind, m)], { actorId: "seed", at: new Date(0), action: "seed" })
      return yield* effect
    }).pipe(Effect.provide(MemoryStore.layer()))

  it.effect("the organizer reads b1's pack of 2025 from the stored records; a county viewer is Forbidden", () =>
    run(
      Effect.gen(function* () {
        const pack = yield* reportService.inspection(ctxFor(organizer), { organizationId: "b1", year: 2025 })
        expect(pack).toMatchObject({ organizationId: "b1", year: 2025, asOf: "2025-12-31" })
        expect(pack.entries.find((e) => e.itemId === "venue")!.complete).toBe(true)
        expect(pack.entries.find((e) => e.itemId === "organizationalLife")!.proofs[0]!.records.map((r) => r.id)).toEqual(["mt-1"])
        expect(pack.entries.find((e) => e.itemId === "roleAndResults")!.missing.map((m) => m.ruleId)).toEqual(["evaluation.roleFeedback.cadences"])
        const refused = yield* Effect.flip(reportService.inspection(ctxFor(viewer), { organizationId: "b1", year: 2025 }))
        expect(refused).toMatchObject({ _tag: "ZhibuForbidden" })
      })
    )
  )
})
