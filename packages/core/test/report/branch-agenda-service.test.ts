import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { reportService } from "../../src/report/report-service.js"
import { Store } from "../../src/store/port.js"
import { fullMembers, person } from "../member/fixtures.js"
import { ctxFor, organizer, secretary, seed, viewer } from "../org/service-fixtures.js"
import { actor } from "../support/records.js"
import { expectAnswerAlike } from "../support/visibility.js"
import { schoolTree, TENANT } from "../org/fixtures.js"
import { fileOf } from "./fixtures.js"

/** The org service fixtures judge on 2026-03-01 (China). Files are walked through the real rules. */
const talkDue = [{ step: "application" as const, date: "2026-02-10" }, { step: "applicationTalk" as const, date: "2026-02-20" }]
const talkOverdue = [{ step: "application" as const, date: "2026-01-10" }, { step: "applicationTalk" as const, date: "2026-02-20" }]

const b1Applicant = fileOf("x1", talkDue, "applicationTalk")
const b2Applicant = fileOf("x2", talkOverdue, "applicationTalk", { organizationId: "b2" })
const groupApplicant = fileOf("x3", talkDue, "applicationTalk", { partyGroupId: "g1" })
const lost = person("m9", { name: "党员 m9", lastContactOn: "2025-08-01" })
const members = [...fullMembers.slice(0, 8), lost, b1Applicant, b2Applicant, groupApplicant]

const run = <A, E>(effect: Effect.Effect<A, E, Store>) =>
  Effect.gen(function* () {
    yield* seed(schoolTree, members)
    return yield* effect
  }).pipe(Effect.provide(MemoryStore.layer()))

const auditCount = Effect.flatMap(Store, (store) => store.auditLog(TENANT)).pipe(Effect.map((log) => log.length))

describe("reportService.branchAgenda", () => {
  it.effect("the branch secretary reads b1's agenda: b1's deadlines and flags only, with the default six-month horizon", () =>
    run(
      Effect.gen(function* () {
        const agenda = yield* reportService.branchAgenda(ctxFor(secretary), { organizationId: "b1" })
        expect(agenda).toMatchObject({ organizationId: "b1", today: "2026-03-01", horizonEnd: "2026-09-01" })
        expect(agenda.organizations.map((o) => o.organization.id)).toEqual(["b1", "g1"])
        expect(agenda.items.map((i) => [i.subject.id, i.ruleId, i.date])).toEqual([
          ["x1", "member.applicationTalk.deadline", "2026-03-10"],
          ["x3", "member.applicationTalk.deadline", "2026-03-10"]
        ])
        expect(agenda.flags.map((f) => [f.subject.id, f.finding.ruleId])).toEqual([["m9", "member.lostContact.suspension"]])
      })
    )
  )

  it.effect("the higher organizer reads the school's agenda: b2's overdue talk comes first; evidence raises the six-month flag", () =>
    run(
      Effect.gen(function* () {
        const agenda = yield* reportService.branchAgenda(ctxFor(organizer), {
          organizationId: "school",
          horizonMonths: 0,
          evidence: { m1: { lastDuesPaidMonth: "2025-06" } }
        })
        expect(agenda.items.map((i) => [i.subject.id, i.overdue, i.severity])).toEqual([["x2", true, "violation"]])
        expect(agenda.items[0]?.message.zh).toContain("member.applicationTalk.deadline")
        expect(agenda.flags.map((f) => [f.subject.id, f.finding.ruleId])).toEqual([
          ["m1", "member.lapse.sixMonths"],
          ["m9", "member.lostContact.suspension"]
        ])
      })
    )
  )

  it.effect("a group leader reads the group's agenda: the members placed in the group, filed under the branch", () =>
    run(
      Effect.gen(function* () {
        const agenda = yield* reportService.branchAgenda(ctxFor(actor("m3", ["groupLeader", "g1"])), { organizationId: "g1" })
        expect(agenda.items.map((i) => i.subject.id)).toEqual(["x3"])
        expect(agenda.flags).toEqual([])
      })
    )
  )

  it.effect("the county viewer is Forbidden (the agenda names people), and nothing is written by anyone", () =>
    run(
      Effect.gen(function* () {
        const before = yield* auditCount
        const error = yield* Effect.flip(reportService.branchAgenda(ctxFor(viewer), { organizationId: "b1" }))
        expect(error).toMatchObject({ _tag: "ZhibuForbidden", action: "organization.read" })
        yield* reportService.branchAgenda(ctxFor(organizer), { organizationId: "school" })
        expect(yield* auditCount).toBe(before)
      })
    )
  )

  it.effect("the secretary of b1 gets NotFound on b2, as for an unknown organization; a negative horizon is InvalidInput", () =>
    run(
      Effect.gen(function* () {
        const invisible = yield* Effect.flip(reportService.branchAgenda(ctxFor(secretary), { organizationId: "b2" }))
        expect(invisible._tag).toBe("ZhibuNotFound")
        expectAnswerAlike(invisible, "b2", yield* Effect.flip(reportService.branchAgenda(ctxFor(secretary), { organizationId: "nowhere" })), "nowhere")
        expect((yield* Effect.flip(reportService.branchAgenda(ctxFor(organizer), { organizationId: "nowhere" })))._tag).toBe("ZhibuNotFound")
        const bad = yield* Effect.flip(reportService.branchAgenda(ctxFor(organizer), { organizationId: "b1", horizonMonths: -1 }))
        expect(bad).toMatchObject({ _tag: "ZhibuInvalidInput", operation: "report.branchAgenda" })
      })
    )
  )
})
