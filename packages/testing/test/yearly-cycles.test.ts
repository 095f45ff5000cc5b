import { describe, expect, it } from "@effect/vitest"
import { democraticEvaluationKind, duesAssessmentKind, duesMonthKind, duesPaymentKind, rectificationItemKind, studyCreditKind, studyPlanKind } from "@zhibu/core/store"
import * as Schema from "effect/Schema"
import { planWorld } from "../src/generate/generate.js"
import { generateCycles } from "../src/generate/yearly-cycles.js"

const collect = (seed: number) => [...generateCycles(planWorld({ scale: "county", seed, year: 2025 }))]

describe("generateCycles: a year of dues, study and evaluation per branch", () => {
  const county = collect(3)
  const all = <K extends keyof (typeof county)[number]["cycles"]>(k: K) => county.flatMap((b) => b.cycles[k] as ReadonlyArray<unknown>)

  it("is deterministic in its seed", () => {
    const again = collect(3)
    expect(JSON.stringify(again.map((b) => b.cycles))).toBe(JSON.stringify(county.map((b) => b.cycles)))
  })

  it("every record decodes with its kind's Schema (the stored form)", () => {
    const check = (schema: Schema.Schema<any, any>, records: ReadonlyArray<unknown>) => {
      for (const r of records) Schema.decodeUnknownSync(schema)(Schema.encodeSync(schema)(r))
    }
    check(duesAssessmentKind.schema, all("duesAssessments"))
    check(duesMonthKind.schema, all("duesMonths"))
    check(duesPaymentKind.schema, all("duesPayments"))
    check(studyCreditKind.schema, all("studyCredits"))
    check(studyPlanKind.schema, all("studyPlans"))
    check(democraticEvaluationKind.schema, county.flatMap((b) => (b.cycles.evaluation === null ? [] : [b.cycles.evaluation])))
    check(rectificationItemKind.schema, all("rectificationItems"))
  })

  it("evaluation: the determination raises one rectification item per member graded 基本合格 or 不合格, as the service does", () => {
    const weak = county.flatMap((b) => (b.cycles.evaluation?.grades ?? []).filter((g) => g.grade === "basicallyQualified" || g.grade === "unqualified"))
    const items = all("rectificationItems") as ReadonlyArray<{ readonly ownerId: string; readonly origin: string }>
    expect(weak.length).toBeGreaterThan(0)
    expect(items.map((i) => i.ownerId).sort()).toEqual(weak.map((g) => g.memberId as string).sort())
    expect(new Set(items.map((i) => i.origin))).toEqual(new Set(["evaluation"]))
  })

  it("dues: every payment settles its month; some members are in arrears", () => {
    const months = county.flatMap((b) => b.cycles.duesMonths)
    const paid = months.reduce((t, m) => t + m.paid, 0)
    const collected = county.flatMap((b) => b.cycles.duesPayments).reduce((t, p) => t + p.amount, 0)
    expect(paid).toBe(collected)
    expect(months.some((m) => m.paid < m.due)).toBe(true)
    expect(new Set(months.map((m) => m.id)).size).toBe(months.length)
  })

  it("study: no session is credited twice to a member; evaluations respect the 优秀 cap", () => {
    const sessions = county.flatMap((b) => b.cycles.studyCredits).filter((c) => c.sessionId !== null)
    expect(new Set(sessions.map((c) => `${c.sessionId}|${c.memberId}`)).size).toBe(sessions.length)
    for (const { cycles } of county) {
      const e = cycles.evaluation
      if (e === null) continue
      expect(e.grades.filter((g) => g.grade === "excellent").length * 3).toBeLessThanOrEqual(e.grades.length)
      expect(e.steps.at(-1)?.step).toBe("notification")
    }
  })
})
