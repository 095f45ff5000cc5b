import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { reportService } from "../../src/report/report-service.js"
import { stalledFiles } from "../../src/report/stalled.js"
import type { Store } from "../../src/store/port.js"
import { before, blank, fullMembers, path2026, person, walk } from "../member/fixtures.js"
import { ctxFor, organizer, secretary, seed, viewer } from "../org/service-fixtures.js"
import { org } from "../support/records.js"
import { fileOf, shifted } from "./fixtures.js"

/**
 * On 2026-03-01 (the org fixtures' today):
 *   county ─ school ─┬─ b1 (term from 2021-01-10: ended 2026-01-10) ─ g1
 *                    └─ b2 (term from 2024-06-01)
 * b1: 8 full members, an activist since 2024-06-01 last assessed 2024-12-01 (stalled), an activist
 * since 2025-06-01 (not yet). b2: 2 full members and a probationary member admitted 2025-04-01.
 */
const tree = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { term: { electedOn: "2021-01-10", years: 5 } }),
  org("b2", "branch", "school", { term: { electedOn: "2024-06-01", years: 5 } }),
  org("g1", "partyGroup", "b1")
]
const stalledActivist = walk(before(shifted(path2026, -24), "activistAssessment", 2), blank({ id: "s1", name: "人员 s1", organizationId: "b1" }))
const freshActivist = walk(before(shifted(path2026, -12), "activistAssessment", 2), blank({ id: "s2", name: "人员 s2", organizationId: "b1" }))
const probationary = fileOf("p2", shifted(path2026, -29), "conversionApplication", { organizationId: "b2" })
const members = [
  ...fullMembers.slice(0, 8),
  stalledActivist,
  freshActivist,
  person("n1", { organizationId: "b2" }),
  person("n2", { organizationId: "b2" }),
  probationary
]

const run = <A, E>(effect: Effect.Effect<A, E, Store>) =>
  Effect.gen(function* () {
    yield* seed(tree, members)
    return yield* effect
  }).pipe(Effect.provide(MemoryStore.layer()))

describe("stalledFiles (report.recruitment.stalled)", () => {
  it("lists an activist of more than 18 months with no assessment for 6 months, citing the rule; a recent one is not listed", () => {
    const onDay = (day: string) => stalledFiles([stalledActivist, freshActivist], nationalBaseline, civilDate(day))
    expect(onDay("2025-12-01")).toEqual([])
    const [found, ...rest] = onDay("2026-03-01")
    expect(rest).toEqual([])
    expect(found).toMatchObject({ stage: "activist", since: "2024-06-01", months: 21, lastActivity: "2024-12-01", subject: { id: "s1" } })
    expect(found!.finding).toMatchObject({ ruleId: "report.recruitment.stalled", severity: "warning" })
    expect(found!.finding.message.zh).toContain("21个月")
    expect(found!.finding.message.zh).toContain("规则 report.recruitment.stalled")
    expect(found!.finding.message.en).toContain("rule report.recruitment.stalled")
  })

  it("an assessment in the last six months keeps a long-standing activist off the list", () => {
    const assessed = walk([{ step: "activistAssessment", date: "2025-12-20" }], stalledActivist)
    expect(stalledFiles([assessed], nationalBaseline, civilDate("2026-03-01"))).toEqual([])
  })
})

describe("reportService.dashboard", () => {
  it.effect("the organizer's school dashboard: per branch, gaps, the next 30/90 days, silence, the overdue election and stalled files", () =>
    run(
      Effect.gen(function* () {
        const board = yield* reportService.dashboard(ctxFor(organizer), { organizationId: "school" })
        expect(board.today).toBe("2026-03-01")
        expect(board.branches.map((b) => b.branchId)).toEqual(["b1", "b2"])
        const [b1, b2] = board.branches
        expect(b1!.overdueElections.map((f) => [f.ruleId, f.due])).toEqual([["org.term.electionDue", "2026-01-10"]])
        expect(b2!.overdueElections).toEqual([])
        expect(b1!.stalled.map((s) => s.subject.id)).toEqual(["s1"])
        expect(b2!.stalled).toEqual([])
        for (const b of [b1!, b2!]) {
          expect(b.silent).toMatchObject({ ruleId: "meeting.silentBranch", subject: { id: b.branchId } })
          expect(b.gaps.length).toBeGreaterThan(0)
          expect(b.gaps.every((f) => f.subject.id === b.branchId || f.subject.id === "g1")).toBe(true)
          expect(b.next30.every((i) => i.date <= "2026-03-31" && b.next90.includes(i))).toBe(true)
          expect(b.next90.every((i) => i.date >= "2026-03-01" && i.date <= "2026-05-30" && !i.overdue)).toBe(true)
        }
        expect(b1!.gaps.map((f) => f.ruleId)).toContain("meeting.committee.monthly")
        expect(b2!.gaps.map((f) => f.ruleId)).not.toContain("meeting.committee.monthly")
        expect(b2!.next90.some((i) => i.subject.id === "p2")).toBe(true)
      })
    )
  )

  it.effect("the branch secretary sees b1 only; a county viewer, who sees aggregates only, is Forbidden", () =>
    run(
      Effect.gen(function* () {
        const own = yield* reportService.dashboard(ctxFor(secretary), { organizationId: "b1" })
        expect(own.branches.map((b) => b.branchId)).toEqual(["b1"])
        const refused = yield* Effect.flip(reportService.dashboard(ctxFor(viewer), { organizationId: "school" }))
        expect(refused).toMatchObject({ _tag: "ZhibuForbidden", action: "organization.read" })
      })
    )
  )
})
