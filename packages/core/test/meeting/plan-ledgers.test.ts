import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { civilDate } from "../../src/calendar/civil-date.js"
import { yearPlan, type YearPlanOptions } from "../../src/meeting/plan.js"
import { movePlanItem } from "../../src/meeting/plan-move.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { planOptions } from "./fixtures.js"

const options = planOptions

const ofType = (o: YearPlanOptions, type: "dues" | "study") => yearPlan(o).items.filter((i) => i.type === type)

describe("yearPlan: dues months (rules.md 5.11, 5.13)", () => {
  it("plans each month's collection on the 主题党日's day by default, citing dues.payment.methods; May moves off the holiday", () => {
    const months = ofType(options(), "dues").filter((i) => i.id.match(/\/dues\/\d{4}-\d{2}$/))
    expect(months).toHaveLength(12)
    expect(months.map((i) => i.period?.label)).toEqual(Array.from({ length: 12 }, (_, k) => `2026-${String(k + 1).padStart(2, "0")}`))
    expect(months.slice(0, 5).map((i) => i.date)).toEqual(["2026-01-02", "2026-02-06", "2026-03-06", "2026-04-03", "2026-05-06"])
    expect(months[0]).toMatchObject({ id: "b1/dues/2026-01", ruleId: "dues.payment.methods", title: { zh: "收缴2026年1月党费" } })
    expect(months.every((i) => i.startTime === undefined)).toBe(true)
  })

  it("a fixed dues day of the month moves to the nearest working day inside the month (the 28th of February 2026 is a Saturday → the 27th)", () => {
    const months = ofType(options({ duesDay: 28 }), "dues").filter((i) => i.id.match(/\/dues\/\d{4}-\d{2}$/))
    expect(months[1]!.date).toBe("2026-02-27")
    expect(months[2]!.date).toBe("2026-03-30")
    expect(months.every((i) => i.date.slice(0, 7) === i.period!.label)).toBe(true)
  })

  it("fixes the year's amounts in January (dues.assessment.annual) and publishes once, on December's last working day (dues.publication.yearly)", () => {
    const items = ofType(options(), "dues")
    expect(items.find((i) => i.id === "b1/dues/assessment/2026")).toMatchObject({ date: "2026-01-01", ruleId: "dues.assessment.annual" })
    const publications = items.filter((i) => i.id.includes("/publication/"))
    expect(publications).toEqual([expect.objectContaining({ id: "b1/dues/publication/2026-12", date: "2026-12-31", ruleId: "dues.publication.yearly" })])
  })

  it("an override publishing twice a year and fixing amounts in March changes the items", () => {
    const profile = Either.getOrThrow(
      applyOverride(nationalBaseline, {
        id: "twice",
        name: { zh: "两次公布", en: "published twice" },
        document: "test",
        effectiveFrom: "2020-01-01",
        rules: { "dues.publication.yearly": { timesPerYear: 2 }, "dues.assessment.annual": { month: 3 } }
      })
    )
    const items = ofType(options({ profile }), "dues")
    expect(items.filter((i) => i.id.includes("/publication/")).map((i) => i.date)).toEqual(["2026-06-30", "2026-12-31"])
    expect(items.find((i) => i.id.includes("/assessment/"))?.date).toBe("2026-03-02")
  })
})

describe("yearPlan: study checkpoints (rules.md 7.1, 7.2)", () => {
  it("one checkpoint at the end of each quarter with a quarter of the yearly targets so far (study.member.annualHours 32, study.leader.annualHours 56)", () => {
    const items = ofType(options(), "study")
    expect(items.map((i) => [i.id, i.date])).toEqual([
      ["b1/study/2026-Q1", "2026-03-31"],
      ["b1/study/2026-Q2", "2026-06-30"],
      ["b1/study/2026-Q3", "2026-09-30"],
      ["b1/study/2026-Q4", "2026-12-31"]
    ])
    expect(items[0]!.title.zh).toBe("学时检查：党员累计应不少于8学时（全年32），书记、支委不少于14学时（全年56）")
    expect(items[3]!.title.zh).toContain("不少于32学时（全年32）")
    expect(items[3]!.title.zh).toContain("不少于56学时（全年56）")
    expect(items.every((i) => i.ruleId === "study.member.annualHours")).toBe(true)
  })

  it("rounds a share up to a tenth of a 学时: a 33-hour target gives 8.3 (8.25 rounded up), then 16.5", () => {
    const profile = Either.getOrThrow(
      applyOverride(nationalBaseline, {
        id: "thirty",
        name: { zh: "30学时", en: "30 hours" },
        document: "test",
        effectiveFrom: "2020-01-01",
        rules: { "study.member.annualHours": { tenths: 330, centralizedTrainings: 0 } }
      })
    )
    const titles = ofType(options({ profile }), "study").map((i) => i.title.en)
    expect(titles[0]).toContain("at least 8.3 hours so far for every member (33 a year)")
    expect(titles[1]).toContain("at least 16.5 hours")
  })
})

describe("yearPlan with dues and study items", () => {
  it("stays deterministic and in date-then-id order", () => {
    const a = yearPlan(options({ duesDay: 15 }))
    expect(a).toEqual(yearPlan(options({ duesDay: 15 })))
    const keys = a.items.map((i) => `${i.date} ${i.id}`)
    expect(keys).toEqual([...keys].sort())
  })

  it("a dues or study item is a deadline, not a meeting: moving it is refused", () => {
    const plan = yearPlan(options())
    expect(Either.isLeft(movePlanItem(plan, "b1/dues/2026-03", civilDate("2026-03-10")))).toBe(true)
    expect(Either.isLeft(movePlanItem(plan, "b1/study/2026-Q1", civilDate("2026-03-10")))).toBe(true)
  })
})
