import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { beforeAll, describe, expect, it } from "vitest"
import { type GeneratedBranchMeetings, generateMeetings, meetingChunks, planWorld, provinceScale, scaleDown, seedStore } from "../src/index.js"
import {
  attendanceKind,
  branchCompliance,
  type CivilDate,
  createWrite,
  fullMembersOn,
  heldFromMeetings,
  meetingKind,
  meetingService,
  nationalBaseline,
  rosterOn,
  Store,
  weekdayCalendar
} from "./support/core.js"

const LIMIT = 120_000
const county = (seed: number, options?: Parameters<typeof generateMeetings>[1]) => [...generateMeetings(planWorld({ scale: "county", seed, year: 2025 }), options)]

/** The year's gaps of a generated branch, as `organization kind period rule` lines, from core's compliance check. */
const gapsOf = (b: GeneratedBranchMeetings): ReadonlyArray<string> => {
  const [branch, ...groups] = b.organizations
  const unit = { branch: branch!, groups, fullMembersOn: (date: CivilDate) => fullMembersOn(b.members, branch!, date, nationalBaseline) }
  const result = branchCompliance(unit, heldFromMeetings(b.meetings), { profile: nationalBaseline, from: "2025-01-01" as CivilDate, to: "2025-12-31" as CivilDate, asOf: "2026-01-01" as CivilDate })
  return result.obligations.flatMap((o) => o.periods.filter((p) => p.state === "gap").map((p) => `${o.organizationId} ${o.kind} ${p.period.label} ${o.rule.id}`))
}
const missedOf = (b: GeneratedBranchMeetings) => b.missed.map((m) => `${m.organizationId} ${m.kind} ${m.period} ${m.ruleId}`)

describe("generateMeetings: a year of organizational life per branch", () => {
  let year: ReadonlyArray<GeneratedBranchMeetings>
  beforeAll(() => {
    year = county(3)
  }, LIMIT)

  it(
    "is deterministic in its seed; another seed gives another year",
    () => {
      const digest = (branches: ReadonlyArray<GeneratedBranchMeetings>) => JSON.stringify(branches.map((b) => [b.meetings, b.attendance, b.missed]))
      expect(digest(county(3))).toBe(digest(year))
      expect(digest(county(4))).not.toBe(digest(year))
    },
    LIMIT
  )

  it("the county of seed 3: every branch meets, about 3,500 meetings and 50,000 attendance rows, ids unique", () => {
    const meetings = year.flatMap((b) => b.meetings)
    const attendance = year.flatMap((b) => b.attendance)
    expect(year).toHaveLength(66)
    // At least 4 党员大会, 4 党课 and 12 主题党日 (a small branch without a committee holds no 支委会)
    expect(year.every((b) => b.meetings.length >= 20)).toBe(true)
    expect(meetings.length).toBeGreaterThan(3_000)
    expect(attendance.length).toBeGreaterThan(40_000)
    expect(new Set(meetings.map((m) => m.id)).size).toBe(meetings.length)
    expect(new Set(attendance.map((a) => a.id)).size).toBe(attendance.length)
    expect(meetings.every((m) => m.date.startsWith("2025-"))).toBe(true)
  })

  it("every record is in its kind's stored form (decodes with the Schema, version 1)", () => {
    const meeting = Schema.decodeUnknownSync(meetingKind.schema)
    const row = Schema.decodeUnknownSync(attendanceKind.schema)
    for (const b of year) {
      for (const m of b.meetings) expect(meeting(Schema.encodeSync(meetingKind.schema)(m))).toEqual(m)
      for (const a of b.attendance) expect(row(Schema.encodeSync(attendanceKind.schema)(a))).toEqual(a)
    }
    expect(year.every((b) => [...b.meetings, ...b.attendance].every((r) => r.version === 1))).toBe(true)
  })

  it("attendance due is the roster on the day (the committee for a 支委会), and the counts agree with the rows", () => {
    for (const b of year.slice(0, 20)) {
      const rows = new Map<string, Array<(typeof b.attendance)[number]>>()
      for (const a of b.attendance) rows.set(a.meetingId, [...(rows.get(a.meetingId) ?? []), a])
      for (const m of b.meetings) {
        const own = rows.get(m.id) ?? []
        const organization = b.organizations.find((o) => o.id === m.organizationId)!
        const roster = rosterOn(b.members, organization, m.date, nationalBaseline)
        const due = m.kinds.includes("committee") ? roster.filter((e) => organization.leadership.committeeMemberIds.includes(e.member.id)) : roster
        expect(own.map((a) => a.memberId)).toEqual(due.map((e) => e.member.id))
        expect(m.counts.due).toBe(own.length)
        expect(m.counts.present).toBe(own.filter((a) => a.status === "present").length)
        expect(m.counts.dueVoting).toBe(own.filter((a) => a.voting).length)
      }
    }
  })

  it("a generated branch-year has exactly the intended gaps: core's compliance finds each missed meeting, and nothing else", () => {
    const missed = year.filter((b) => b.missed.length > 0)
    expect(missed.length).toBeGreaterThan(0)
    expect(missed.length).toBeLessThan(20)
    for (const b of year) expect(gapsOf(b)).toEqual(missedOf(b))
  })

  it(
    "with missRate 0, no branch of the county has a gap",
    () => {
      const full = county(3, { missRate: 0 })
      expect(full.flatMap((b) => b.missed)).toEqual([])
      expect(full.flatMap(gapsOf)).toEqual([])
    },
    LIMIT
  )

  it(
    "chunks of whole branches give the same records, each chunk near the size asked",
    () => {
      const plan = planWorld({ scale: scaleDown(provinceScale, 500), seed: 5, year: 2025 })
      const whole = [...generateMeetings(plan)]
      const chunks = [...meetingChunks(plan, 5_000)]
      expect(chunks.length).toBeGreaterThan(1)
      expect(chunks.flatMap((c) => c.branchIds)).toEqual(plan.branches.map((b) => b.id))
      expect(chunks.flatMap((c) => c.meetings)).toEqual(whole.flatMap((b) => b.meetings))
      expect(chunks.flatMap((c) => c.attendance)).toEqual(whole.flatMap((b) => b.attendance))
      for (const c of chunks.slice(0, -1)) expect(c.meetings.length + c.attendance.length).toBeLessThan(5_000 + 3_000)
    },
    LIMIT
  )

  it(
    "recorded in a store, meetingService.compliance reports the intended gaps of a school",
    async () => {
      const plan = planWorld({ scale: "school", seed: 1, year: 2025 })
      const [school] = [...generateMeetings(plan, { missRate: 1 })]
      expect(school!.missed).toHaveLength(1)
      const ctx = {
        tenantId: plan.tenantId as never,
        actor: { personId: "p-admin", roles: [{ role: "higherOrganizer", organizationId: plan.committees[0]!.id }] },
        now: new Date("2026-01-05T02:00:00Z"),
        profile: nationalBaseline,
        workdays: weekdayCalendar
      } as unknown as Parameters<typeof meetingService.compliance>[0]
      const report = await Effect.runPromise(
        Effect.gen(function* () {
          const store = yield* Store
          yield* seedStore({ tenantId: plan.tenantId, organizations: [...plan.committees, ...school!.organizations], members: school!.members })
          const audit = { actorId: "seed", at: new Date("2026-01-01T00:00:00Z"), action: "seed" }
          yield* store.importBatch(plan.tenantId, "meetings", [...school!.meetings.map((m) => createWrite(meetingKind, m)), ...school!.attendance.map((a) => createWrite(attendanceKind, a))], audit)
          return yield* meetingService.compliance(ctx, { organizationId: plan.committees[0]!.id, view: "year", on: "2025-06-01" })
        }).pipe(Effect.provide(MemoryStore.layer()))
      )
      expect(report.findings.map((f) => f.ruleId)).toEqual(school!.missed.map((m) => m.ruleId))
    },
    LIMIT
  )
})
