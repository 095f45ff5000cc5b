import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { checklistScoreKind, democraticEvaluationKind, rectificationItemKind, roleFeedbackKind, secretaryReportKind, workloadEntryKind } from "../../src/evaluation/kinds.js"
import { evaluationService } from "../../src/evaluation/service.js"
import type { DemocraticStepInput, DemocraticGradesInput } from "../../src/evaluation/service-inputs.js"
import { committee, countyViewer, ctxFor, failsUnchanged, organizer, otherSecretary, run, secretary, seed } from "../dues/fixtures.js"

const kinds = [democraticEvaluationKind, secretaryReportKind, rectificationItemKind, checklistScoreKind, roleFeedbackKind, workloadEntryKind]
const b1 = { organizationId: "b1", year: 2026 }
const step = (expectedVersion: number, s: DemocraticStepInput["step"], date: string, by?: DemocraticStepInput["by"]): DemocraticStepInput => ({ ...b1, expectedVersion, step: s, date, ...(by === undefined ? {} : { by }) })
// b1's roll: m1, m2, m3 (full) and p1 (probationary); a1 is an applicant and is not evaluated.
const grades = (excellent: number): DemocraticGradesInput["grades"] =>
  ["m1", "m2", "m3", "p1"].map((memberId, i) => ({ memberId, grade: i < excellent ? "excellent" : i === 3 ? "basicallyQualified" : "qualified" }))

const rated = Effect.gen(function* () {
  yield* seed
  yield* evaluationService.openDemocratic(ctxFor(secretary), { ...b1, preparedOn: "2026-11-01" })
  yield* evaluationService.recordDemocraticStep(ctxFor(secretary), step(1, "selfAndMutual", "2026-11-05"))
  yield* evaluationService.recordDemocraticStep(ctxFor(secretary), step(2, "rating", "2026-11-10"))
})

describe("evaluationService: 民主评议 as a procedure", () => {
  it.effect("one per branch and year; grades, determination, notification; follow-up flagged", () =>
    run(
      Effect.gen(function* () {
        yield* rated
        const twice = yield* failsUnchanged(kinds, evaluationService.openDemocratic(ctxFor(secretary), { ...b1, preparedOn: "2026-11-02" }))
        expect(twice._tag).toMatch(/Conflict$/)
        yield* evaluationService.recordGrades(ctxFor(secretary), { ...b1, expectedVersion: 3, grades: grades(1) })
        yield* evaluationService.recordDemocraticStep(ctxFor(secretary), step(4, "determination", "2026-11-12", "committee"))
        const status = yield* evaluationService.democraticStatus(ctxFor(committee), b1)
        expect([status.counts, status.maximumExcellent]).toEqual([{ excellent: 1, qualified: 2, basicallyQualified: 1, unqualified: 0 }, 1])
        expect(status.findings.map((f) => [f.severity, f.ruleId])).toEqual([
          ["reminder", "evaluation.democratic.procedure"],
          ["flag", "evaluation.democratic.followUp"]
        ])
        yield* evaluationService.recordFollowUp(ctxFor(secretary), { ...b1, expectedVersion: 5, followUp: { memberId: "p1", talkOn: "2026-11-15", correctionUntil: "2027-11-12", decision: null } })
        const late = yield* failsUnchanged(kinds, evaluationService.recordFollowUp(ctxFor(secretary), { ...b1, expectedVersion: 6, followUp: { memberId: "p1", talkOn: "2026-11-15", correctionUntil: "2027-11-13", decision: null } }))
        expect(late._tag === "ZhibuEvaluationRejected" && late.ruleId).toBe("evaluation.democratic.followUp")
      })
    )
  )

  it.effect("a grade outside the four is InvalidInput; two 优秀 of four is refused by the cap; nothing stored changes", () =>
    run(
      Effect.gen(function* () {
        yield* rated
        const bad = yield* failsUnchanged(kinds, evaluationService.recordGrades(ctxFor(secretary), { ...b1, expectedVersion: 3, grades: [{ memberId: "m1", grade: "good" as "qualified" }] }))
        expect(bad._tag).toMatch(/InvalidInput$/)
        const capped = yield* failsUnchanged(kinds, evaluationService.recordGrades(ctxFor(secretary), { ...b1, expectedVersion: 3, grades: grades(2) }))
        expect(capped._tag === "ZhibuEvaluationRejected" && capped.ruleId).toBe("meeting.democraticEvaluation.excellentCap")
      })
    )
  )

  it.effect("a committee member reads but may not record; another branch's secretary cannot see it", () =>
    run(
      Effect.gen(function* () {
        yield* rated
        const forbidden = yield* failsUnchanged(kinds, evaluationService.recordGrades(ctxFor(committee), { ...b1, expectedVersion: 3, grades: grades(1) }))
        expect(forbidden._tag).toMatch(/Forbidden$/)
        const hidden = yield* Effect.flip(evaluationService.democraticStatus(ctxFor(otherSecretary), b1))
        expect(hidden._tag).toMatch(/NotFound$/)
      })
    )
  )

  it.effect("the county's grade totals are counts only and equal the sum of the branches", () =>
    run(
      Effect.gen(function* () {
        yield* rated
        yield* evaluationService.recordGrades(ctxFor(secretary), { ...b1, expectedVersion: 3, grades: grades(1) })
        yield* evaluationService.openDemocratic(ctxFor(otherSecretary), { organizationId: "b2", year: 2026, preparedOn: "2026-11-01" })
        yield* evaluationService.recordDemocraticStep(ctxFor(otherSecretary), { organizationId: "b2", year: 2026, expectedVersion: 1, step: "selfAndMutual", date: "2026-11-05" })
        yield* evaluationService.recordGrades(ctxFor(otherSecretary), { organizationId: "b2", year: 2026, expectedVersion: 2, grades: [{ memberId: "n1", grade: "qualified" }] })
        const totals = yield* evaluationService.gradeTotals(ctxFor(countyViewer), { organizationId: "county", year: 2026 })
        expect(totals.byOrganization.map((r) => [r.organizationId, r.evaluated])).toEqual([["b1", 4], ["b2", 1]])
        expect(totals.total).toEqual({ evaluated: 5, excellent: 1, qualified: 3, basicallyQualified: 1, unqualified: 0 })
        expect(JSON.stringify(totals)).not.toMatch(/m1|n1/)
      })
    )
  )
})

describe("evaluationService: 述职评议", () => {
  it.effect("a report to the higher organization with scores; the two-way profile also asks for the general meeting", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const before = yield* evaluationService.secretaryReports(ctxFor(secretary), b1)
        expect(before.findings.map((f) => [f.severity, f.ruleId])).toEqual([["reminder", "evaluation.secretaryReport.yearly"]])
        yield* evaluationService.recordSecretaryReport(ctxFor(organizer), {
          id: "sr-2026",
          ...b1,
          secretaryId: "s1",
          audience: "higherOrganization",
          reportedOn: "2026-07-01",
          scores: [{ scorer: "members", score: 90, scorers: 3 }, { scorer: "higherOrganization", score: 80, scorers: 1 }],
          rating: "good",
          followUps: [{ item: "补齐组织生活会整改台账", dueOn: "2026-12-31", ownerId: "s1" }]
        })
        const after = yield* evaluationService.secretaryReports(ctxFor(secretary), b1)
        expect([after.findings, after.reports[0]?.averageScore]).toEqual([[], 87.5])
      })
    )
  )
})
