import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { type CivilDate, civilDate } from "../../src/calendar/civil-date.js"
import { evaluationFindings, gradeCounts, recordEvaluationFollowUp, recordEvaluationGrades, recordEvaluationStep } from "../../src/evaluation/democratic.js"
import type { EvaluationGrade } from "../../src/evaluation/excellent-cap.js"
import type { DemocraticEvaluation, GradeRecord } from "../../src/evaluation/records.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { mostNotExceeding, share } from "../../src/vote/share.js"

const d = civilDate
const open: DemocraticEvaluation = {
  tenantId: "t1" as DemocraticEvaluation["tenantId"],
  id: "b1.2026",
  version: 1,
  organizationId: "b1" as DemocraticEvaluation["organizationId"],
  year: 2026,
  steps: [{ step: "preparation", date: d("2026-12-01") }],
  grades: [],
  followUps: []
}
const ok = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (x) => new Error(String(x)))
const graded = (grades: ReadonlyArray<EvaluationGrade>): ReadonlyArray<GradeRecord> =>
  grades.map((grade, i) => ({ memberId: `m${i}` as GradeRecord["memberId"], grade, atHost: false }))
const roll = (n: number) => new Set(Array.from({ length: n }, (_, i) => `m${i}`))
const mutual = ok(recordEvaluationStep(open, { step: "selfAndMutual", date: d("2026-12-05") }, nationalBaseline))

describe("evaluation.democratic.procedure (JG2019 第十八条)", () => {
  it("steps run in order; a skipped step names the one missing", () => {
    const skipped = recordEvaluationStep(open, { step: "rating", date: d("2026-12-05") }, nationalBaseline)
    expect(Either.isLeft(skipped) && [skipped.left.ruleId, skipped.left.missing]).toEqual(["evaluation.democratic.procedure", "selfAndMutual"])
  })

  it("a step dated before the previous one is refused with the first allowed date", () => {
    const early = recordEvaluationStep(open, { step: "selfAndMutual", date: d("2026-11-30") }, nationalBaseline)
    expect(Either.isLeft(early) && early.left.allowedFrom).toBe("2026-12-01")
  })

  it("the determination needs the grades and the body (支委会 or 党员大会)", () => {
    const rated = ok(recordEvaluationStep(mutual, { step: "rating", date: d("2026-12-06") }, nationalBaseline))
    const noGrades = recordEvaluationStep(rated, { step: "determination", date: d("2026-12-10"), by: "committee" }, nationalBaseline)
    expect(Either.isLeft(noGrades) && noGrades.left.missing).toBe("grades")
    const withGrades = ok(recordEvaluationGrades(rated, graded(["excellent", "qualified", "qualified"]), roll(3), nationalBaseline, d("2026-12-06")))
    const noBody = recordEvaluationStep(withGrades, { step: "determination", date: d("2026-12-10") }, nationalBaseline)
    expect(Either.isLeft(noBody) && noBody.left.missing).toBe("by")
    expect(ok(recordEvaluationStep(withGrades, { step: "determination", date: d("2026-12-10"), by: "generalAssembly" }, nationalBaseline)).steps.length).toBe(4)
  })
})

describe("meeting.democraticEvaluation.excellentCap: at most ⅓ 优秀, refused beyond", () => {
  it.each([
    [3, 1, true],
    [3, 2, false],
    [10, 3, true],
    [10, 4, false],
    [2, 0, true],
    [2, 1, false]
  ] as const)("%i evaluated, %i excellent: recorded %s", (n, excellent, allowed) => {
    const grades = graded(Array.from({ length: n }, (_, i) => (i < excellent ? "excellent" : "qualified")))
    const result = recordEvaluationGrades(mutual, grades, roll(n), nationalBaseline, d("2026-12-06"))
    expect(Either.isRight(result)).toBe(allowed)
    if (Either.isLeft(result)) expect(result.left.ruleId).toBe("meeting.democraticEvaluation.excellentCap")
  })

  it("every member on the roll is graded once, and only they (a mobile member is marked atHost)", () => {
    const missing = recordEvaluationGrades(mutual, graded(["qualified"]), roll(2), nationalBaseline, d("2026-12-06"))
    expect(Either.isLeft(missing) && missing.left.missing).toBe("member m1")
    const stranger = recordEvaluationGrades(mutual, [...graded(["qualified", "qualified"]), { memberId: "x9" as GradeRecord["memberId"], grade: "qualified", atHost: false }], roll(2), nationalBaseline, d("2026-12-06"))
    expect(Either.isLeft(stranger)).toBe(true)
    const mobile = recordEvaluationGrades(mutual, [...graded(["qualified", "qualified"]), { memberId: "x9" as GradeRecord["memberId"], grade: "qualified", atHost: true }], roll(2), nationalBaseline, d("2026-12-06"))
    expect(Either.isRight(mobile)).toBe(true)
  })

  it("law: the 优秀 share never exceeds the cap once recorded", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("excellent", "qualified", "basicallyQualified", "unqualified" as const), { minLength: 1, maxLength: 60 }), (grades) => {
        const result = recordEvaluationGrades(mutual, graded(grades), roll(grades.length), nationalBaseline, d("2026-12-06"))
        if (Either.isLeft(result)) return gradeCounts(graded(grades)).excellent > mostNotExceeding(share(1, 3), grades.length)
        return gradeCounts(result.right.grades).excellent * 3 <= result.right.grades.length
      }),
      { numRuns: 300 }
    )
  })
})

describe("evaluation.democratic.followUp (JG2019 第三十条): 限期改正 at most one year", () => {
  const determined = (() => {
    const rated = ok(recordEvaluationStep(mutual, { step: "rating", date: d("2026-12-06") }, nationalBaseline))
    const withGrades = ok(recordEvaluationGrades(rated, graded(["qualified", "basicallyQualified", "unqualified"]), roll(3), nationalBaseline, d("2026-12-06")))
    return ok(recordEvaluationStep(withGrades, { step: "determination", date: d("2026-12-10"), by: "committee" }, nationalBaseline))
  })()
  const followUp = (memberId: string, correctionUntil: string | null) => ({ memberId: memberId as GradeRecord["memberId"], talkOn: d("2026-12-15"), correctionUntil: correctionUntil as CivilDate | null, decision: null })

  it("基本合格 and 不合格 start a follow-up; each is a flag for the branch's decision", () => {
    expect(determined.followUps.map((f) => f.memberId)).toEqual(["m1", "m2"])
    const flags = evaluationFindings(determined, nationalBaseline, d("2026-12-20")).filter((f) => f.severity === "flag")
    expect(flags.map((f) => [f.subject.id, f.ruleId])).toEqual([["m1", "evaluation.democratic.followUp"], ["m2", "evaluation.democratic.followUp"]])
  })

  it("the deadline may be exactly one year after the determination, not a day more", () => {
    expect(Either.isRight(recordEvaluationFollowUp(determined, followUp("m1", "2027-12-10"), nationalBaseline))).toBe(true)
    const late = recordEvaluationFollowUp(determined, followUp("m1", "2027-12-11"), nationalBaseline)
    expect(Either.isLeft(late) && [late.left.ruleId, late.left.allowedUntil]).toEqual(["evaluation.democratic.followUp", "2027-12-10"])
  })

  it("a member graded 合格 has no follow-up; a passed deadline without a decision is flagged as such", () => {
    expect(Either.isLeft(recordEvaluationFollowUp(determined, followUp("m0", "2027-06-01"), nationalBaseline))).toBe(true)
    const withDeadline = ok(recordEvaluationFollowUp(determined, followUp("m1", "2027-06-01"), nationalBaseline))
    const [flag] = evaluationFindings(withDeadline, nationalBaseline, d("2027-06-02")).filter((f) => f.subject.id === "m1")
    expect([flag?.due, flag?.message.en]).toEqual(["2027-06-01", expect.stringContaining("ended on 2027-06-01")])
  })
})
