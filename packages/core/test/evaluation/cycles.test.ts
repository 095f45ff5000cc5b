import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { rectificationItemKind } from "../../src/evaluation/kinds.js"
import { evaluationService } from "../../src/evaluation/service.js"
import { committee, ctxFor, failsUnchanged, NOW, run, secretary, seed } from "../dues/fixtures.js"

const issue = (id: string, raisedOn: string) => ({ id, organizationId: "b1", raisedOn, origin: "orgLifeMeeting" as const, issue: `问题 ${id}` })

describe("evaluationService: the rectification loop (evaluation.rectification.deadline)", () => {
  it.effect("issue → measure → re-check → closing evidence; overdue items are flagged and carried into the next year", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* evaluationService.raiseIssue(ctxFor(secretary), issue("r1", "2025-12-20"))
        yield* evaluationService.planMeasure(ctxFor(secretary), { id: "r1", expectedVersion: 1, measure: "建立台账", ownerId: "m1", deadline: "2026-03-31" })
        yield* evaluationService.raiseIssue(ctxFor(secretary), issue("r2", "2026-02-01"))
        yield* evaluationService.planMeasure(ctxFor(secretary), { id: "r2", expectedVersion: 1, measure: "补课", ownerId: "m2", deadline: "2026-11-20" })
        const early = yield* failsUnchanged([rectificationItemKind], evaluationService.closeIssue(ctxFor(secretary), { id: "r2", expectedVersion: 2, on: "2026-06-01", evidence: ["会议记录 2026-05"] }))
        expect(early._tag === "ZhibuEvaluationRejected" && early.missing).toBe("recheck")
        yield* evaluationService.recheck(ctxFor(secretary), { id: "r2", expectedVersion: 2, on: "2026-06-01", passed: true })
        const noEvidence = yield* failsUnchanged([rectificationItemKind], evaluationService.closeIssue(ctxFor(secretary), { id: "r2", expectedVersion: 3, on: "2026-06-02", evidence: [] }))
        expect(noEvidence._tag === "ZhibuEvaluationRejected" && noEvidence.missing).toBe("evidence")
        yield* evaluationService.closeIssue(ctxFor(secretary), { id: "r2", expectedVersion: 3, on: "2026-06-02", evidence: ["会议记录 2026-05"] })
        const ledger = yield* evaluationService.rectificationLedger(ctxFor(committee), { organizationId: "b1", year: 2026 })
        expect(ledger.items.map((i) => [i.item.id, i.status])).toEqual([["r2", "closed"]])
        expect(ledger.carried.map((i) => i.id)).toEqual(["r1"])
        expect(ledger.findings.map((f) => [f.subject.id, f.severity, f.due])).toEqual([["b1", "flag", "2026-03-31"]])
      })
    )
  )

  it.effect("the deadline is overdue from the day after it, not on it", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* evaluationService.raiseIssue(ctxFor(secretary), issue("r3", "2026-10-01"))
        yield* evaluationService.planMeasure(ctxFor(secretary), { id: "r3", expectedVersion: 1, measure: "整改", ownerId: "m1", deadline: "2026-11-20" })
        const onTheDay = yield* evaluationService.rectificationLedger(ctxFor(secretary), { organizationId: "b1", year: 2026 })
        expect(onTheDay.findings).toEqual([])
        const dayAfter = yield* evaluationService.rectificationLedger(ctxFor(secretary, new Date(NOW.getTime() + 86_400_000)), { organizationId: "b1", year: 2026 })
        expect(dayAfter.findings.length).toBe(1)
      })
    )
  )
})

describe("evaluationService: checklist, member-role feedback and workload", () => {
  it.effect("scores against the profile's checklist with evidence; an unknown item or a score above its maximum is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const { score, unscored } = yield* evaluationService.recordChecklist(ctxFor(secretary), {
          organizationId: "b1",
          year: 2026,
          scoredOn: "2026-11-01",
          items: [{ itemId: "teamBuilding", score: 18, evidence: ["支委会记录"] }, { itemId: "venue", score: 10, evidence: ["党员活动室照片"] }]
        })
        expect([score.total, score.maximum, unscored.length]).toEqual([28, 100, 4])
        const unknown = yield* Effect.flip(evaluationService.recordChecklist(ctxFor(secretary), { organizationId: "b1", year: 2026, expectedVersion: 1, scoredOn: "2026-11-02", items: [{ itemId: "parking", score: 1, evidence: ["x"] }] }))
        expect(unknown._tag === "ZhibuEvaluationRejected" && unknown.ruleId).toBe("evaluation.checklist.standards")
        const over = yield* Effect.flip(evaluationService.recordChecklist(ctxFor(secretary), { organizationId: "b1", year: 2026, expectedVersion: 1, scoredOn: "2026-11-02", items: [{ itemId: "venue", score: 11, evidence: ["x"] }] }))
        expect(over._tag).toBe("ZhibuEvaluationRejected")
        const updated = yield* evaluationService.recordChecklist(ctxFor(secretary), { organizationId: "b1", year: 2026, expectedVersion: 1, scoredOn: "2026-11-02", items: [{ itemId: "venue", score: 9, evidence: ["x"] }] })
        expect([updated.score.version, updated.score.total]).toEqual([2, 9])
      })
    )
  )

  it.effect("a pairing past its period without feedback is a warning until its outcome is recorded", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* evaluationService.recordRole(ctxFor(secretary), { id: "pair-1", memberId: "m2", kind: "pairing", cadence: "yearly", periodStart: "2025-09-01", periodEnd: "2026-07-15", partner: "青年教师 A", title: "师徒结对" })
        const open = yield* evaluationService.roleFeedbackStatus(ctxFor(secretary), { organizationId: "b1", from: "2025-01-01", to: "2026-12-31" })
        expect(open.findings.map((f) => [f.subject.id, f.ruleId])).toEqual([["m2", "evaluation.roleFeedback.cadences"]])
        yield* evaluationService.recordRoleOutcome(ctxFor(secretary), { id: "pair-1", expectedVersion: 1, rating: "fulfilled", reviewedOn: "2026-07-20" })
        const done = yield* evaluationService.roleFeedbackStatus(ctxFor(secretary), { organizationId: "b1", from: "2025-01-01", to: "2026-12-31" })
        expect(done.findings).toEqual([])
      })
    )
  )

  it.effect("workload minutes summed per person and term from one aggregate", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const entry = (id: string, personId: string, minutes: number, termId = "2026-2027-1") => ({ id, organizationId: "b1", personId, termId, on: "2026-10-10", minutes, activity: "整理党建台账" })
        yield* evaluationService.recordWorkload(ctxFor(secretary), entry("w1", "s1", 90))
        yield* evaluationService.recordWorkload(ctxFor(secretary), entry("w2", "s1", 30))
        yield* evaluationService.recordWorkload(ctxFor(secretary), entry("w3", "c1", 60))
        yield* evaluationService.recordWorkload(ctxFor(secretary), entry("w4", "c1", 45, "2025-2026-2"))
        const totals = yield* evaluationService.workloadTotals(ctxFor(secretary), { organizationId: "b1", termId: "2026-2027-1" })
        expect(totals.map((t) => [t.personId, t.minutes, t.hours])).toEqual([["c1", 60, 1], ["s1", 120, 2]])
      })
    )
  )
})
