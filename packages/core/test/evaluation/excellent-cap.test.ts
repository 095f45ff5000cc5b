import { describe, expect, it } from "@effect/vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import { checkExcellentShare, type EvaluationGrade, maximumExcellent } from "../../src/evaluation/excellent-cap.js"
import { nationalBaseline } from "../../src/national-profile.js"

const on = civilDate("2026-12-20")
const grades = (excellent: number, total: number): ReadonlyArray<EvaluationGrade> =>
  Array.from({ length: total }, (_, i) => (i < excellent ? "excellent" : "qualified"))
const subject = { kind: "organization", id: "b1" } as const

describe("meeting.democraticEvaluation.excellentCap (优秀 generally ≤ 1/3)", () => {
  it("30 evaluated: 10 excellent is within the cap, 11 raises a warning citing the rule", () => {
    expect(maximumExcellent(30, nationalBaseline, on)).toBe(10)
    expect(checkExcellentShare(grades(10, 30), subject, nationalBaseline, on)).toEqual([])
    const [warning] = checkExcellentShare(grades(11, 30), subject, nationalBaseline, on)
    expect(warning?.severity).toBe("warning")
    expect(warning?.message.zh).toContain("规则 meeting.democraticEvaluation.excellentCap")
  })
  it("rounds down: 10 evaluated allow 3 excellent, not 4", () => {
    expect(checkExcellentShare(grades(3, 10), subject, nationalBaseline, on)).toEqual([])
    expect(checkExcellentShare(grades(4, 10), subject, nationalBaseline, on)).toHaveLength(1)
  })
})
