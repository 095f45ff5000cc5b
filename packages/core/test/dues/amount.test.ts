import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import { type DuesBasis, type DuesCategory, monthlyDues } from "../../src/dues/amount.js"
import { yuan } from "../../src/money/money.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"

const on = civilDate("2026-01-01")
const amountOf = (basis: DuesBasis, profile = nationalBaseline) => {
  const result = monthlyDues("p1", basis, profile, on)
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}
const employed = (monthly: string, category: DuesCategory = "employed") => amountOf({ category, income: { monthly: yuan(monthly), deductions: [] } })

describe("dues.employed.brackets (DF2008 第二条): every edge is inclusive", () => {
  it.each([
    ["0.00", 50, "0.00"],
    ["3000.00", 50, "15.00"],
    ["3000.01", 100, "30.00"],
    ["5000.00", 100, "50.00"],
    ["5000.01", 150, "75.00"],
    ["10000.00", 150, "150.00"],
    ["10000.01", 200, "200.00"]
  ] as const)("a base of %s 元 pays %i bp: %s 元 a month", (base, rate, amount) => {
    const a = employed(base)
    expect(a.rate).toBe(rate)
    expect(a.monthlyAmount).toBe(yuan(amount))
    expect(a.rules.map((r) => r.id)).toContain("dues.employed.brackets")
  })

  it("annual-salary and irregular earners use the same brackets (DF2008 第三、四条)", () => {
    expect(employed("3000.01", "annualSalary").monthlyAmount).toBe(yuan("30.00"))
    expect(employed("3000.01", "irregularIncome").monthlyAmount).toBe(yuan("30.00"))
  })
})

describe("dues.retiree.brackets: 0.5% up to 5000 元 inclusive, then 1%", () => {
  it.each([
    ["5000.00", "25.00"],
    ["5000.01", "50.00"]
  ] as const)("a pension of %s 元 pays %s 元", (pension, amount) => {
    expect(amountOf({ category: "retiree", income: { monthly: yuan(pension), deductions: [] } }).monthlyAmount).toBe(yuan(amount))
  })
})

describe("dues.base.deductions: the profile decides what comes off the base", () => {
  const income = { monthly: yuan("5200.00"), deductions: [{ item: "incomeTax" as const, amount: yuan("100.00") }, { item: "housingFund" as const, amount: yuan("150.00") }] }

  it("nationally all seven items come off: 5200 − 250 = 4950 元 pays 1%", () => {
    const a = amountOf({ category: "employed", income })
    expect([a.base, a.rate, a.monthlyAmount]).toEqual([yuan("4950.00"), 100, yuan("49.50")])
  })

  it("a profile deducting only 个人所得税 (南通 2009) leaves 5100 元: 1.5%", () => {
    const local = Either.getOrThrow(
      applyOverride(nationalBaseline, { id: "nt", name: { zh: "南通", en: "Nantong" }, document: "南通答复", effectiveFrom: "2020-01-01", rules: { "dues.base.deductions": { deducted: ["incomeTax"] } } })
    )
    const a = amountOf({ category: "employed", income }, local)
    expect([a.base, a.rate, a.monthlyAmount]).toEqual([yuan("5100.00"), 150, yuan("76.50")])
  })

  it("deductions above the income are refused, citing the rule", () => {
    const result = monthlyDues("p1", { category: "employed", income: { monthly: yuan("100.00"), deductions: [{ item: "incomeTax", amount: yuan("100.01") }] } }, nationalBaseline, on)
    expect(Either.isLeft(result) && [result.left._tag, result.left.ruleId]).toEqual(["ZhibuDuesRejected", "dues.base.deductions"])
  })

  it("a rate category without an income is refused, naming what is missing", () => {
    const result = monthlyDues("p1", { category: "employed" }, nationalBaseline, on)
    expect(Either.isLeft(result) && result.left.missing).toBe("income")
  })
})

describe("dues.amount.rounding: explicit, a profile parameter", () => {
  // 3333.33 元 × 1% = 33.3333 元
  const odd = { category: "employed" as const, income: { monthly: yuan("3333.33"), deductions: [] } }
  const withRounding = (rounding: object) =>
    Either.getOrThrow(applyOverride(nationalBaseline, { id: "r", name: { zh: "取整", en: "rounding" }, document: "取整", effectiveFrom: "2020-01-01", rules: { "dues.amount.rounding": { rounding } } }))

  it("half up to the fen by default", () => expect(amountOf(odd).monthlyAmount).toBe(yuan("33.33")))
  it("up to the 角", () => expect(amountOf(odd, withRounding({ unit: "jiao", mode: "up" })).monthlyAmount).toBe(yuan("33.40")))
  it("down to the 元", () => expect(amountOf(odd, withRounding({ unit: "yuan", mode: "down" })).monthlyAmount).toBe(yuan("33.00")))
  it("half up at exactly half a fen rounds up: 1000.50 元 × 0.5% = 5.0025 元 → 5.00; 1001.00 × 0.5% = 5.005 → 5.01", () => {
    expect(employed("1000.50").monthlyAmount).toBe(yuan("5.00"))
    expect(employed("1001.00").monthlyAmount).toBe(yuan("5.01"))
  })
})

describe("dues.fixed.amount and dues.farmer.range (DF2008 第六条)", () => {
  it.each(["student", "unemployed", "relief", "subsistenceAllowance"] as const)("%s pays 0.2 元", (category) => {
    expect(amountOf({ category }).monthlyAmount).toBe(yuan("0.20"))
  })
  it("farmers pay the province's figure, 0.2 元 by default, within 0.2–1 元", () => {
    expect(amountOf({ category: "farmer" }).monthlyAmount).toBe(yuan("0.20"))
    const province = (amount: number) =>
      applyOverride(nationalBaseline, { id: "p", name: { zh: "省", en: "province" }, document: "省规定", effectiveFrom: "2020-01-01", rules: { "dues.farmer.range": { amount } } })
    expect(amountOf({ category: "farmer" }, Either.getOrThrow(province(100))).monthlyAmount).toBe(yuan("1.00"))
    expect(Either.isLeft(province(101))).toBe(true)
  })
})

describe("dues.hardship.approval: reductions and exemptions need the recorded approval", () => {
  const income = { monthly: yuan("4000.00"), deductions: [] }
  const approval = { branchDiscussedOn: civilDate("2025-12-10"), approvedBy: "上级党委", approvedOn: civilDate("2025-12-20") }

  it("an exemption pays nothing and cites the rule", () => {
    const a = amountOf({ category: "employed", income, hardship: { kind: "exempt", ...approval } })
    expect([a.computed, a.monthlyAmount]).toEqual([yuan("40.00"), 0])
    expect(a.rules.at(-1)?.id).toBe("dues.hardship.approval")
  })

  it("a reduction pays the approved amount", () => {
    expect(amountOf({ category: "employed", income, hardship: { kind: "reduced", monthlyAmount: yuan("5.00"), ...approval } }).monthlyAmount).toBe(yuan("5.00"))
  })

  it.each([
    ["approved before the branch discussed it", { ...approval, approvedOn: civilDate("2025-12-01") }, "branchDiscussion"],
    ["approved after the month it applies from", { ...approval, approvedOn: civilDate("2026-01-02") }, "approval"]
  ] as const)("refused when %s", (_what, decision, missing) => {
    const result = monthlyDues("p1", { category: "employed", income, hardship: { kind: "exempt", ...decision } }, nationalBaseline, on)
    expect(Either.isLeft(result) && [result.left.ruleId, result.left.missing]).toEqual(["dues.hardship.approval", missing])
  })

  it("a 'reduction' that is not lower is refused", () => {
    const result = monthlyDues("p1", { category: "employed", income, hardship: { kind: "reduced", monthlyAmount: yuan("40.00"), ...approval } }, nationalBaseline, on)
    expect(Either.isLeft(result) && result.left.ruleId).toBe("dues.hardship.approval")
  })
})

describe("law: within a category, the amount is monotone in the base", () => {
  const base = fc.integer({ min: 0, max: 5_000_000 })
  it.each(["employed", "annualSalary", "irregularIncome", "retiree"] as const)("%s", (category) => {
    fc.assert(
      fc.property(base, base, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const amount = (monthly: number) => amountOf({ category, income: { monthly: monthly as never, deductions: [] } }).monthlyAmount
        return amount(lo) <= amount(hi)
      }),
      { numRuns: 500 }
    )
  })
})
