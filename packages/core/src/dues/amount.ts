import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { applyRate, type BasisPoints, Fen, remainingFen, sumFen } from "../money/money.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { DuesRejected } from "./errors.js"
import {
  amountRoundingRule,
  baseDeductionsRule,
  type Bracket,
  Deduction,
  employedBracketsRule,
  farmerRangeRule,
  FixedCategory,
  fixedAmountRule,
  hardshipApprovalRule,
  retireeBracketsRule
} from "./rules-amount.js"

/**
 * 党费类别 — which rule sets the amount: 在职 (`employed`; `annualSalary` 年薪制 and `irregularIncome`
 * 无固定工资 use the same brackets on their own base), 离退休 (`retiree`), 农民 (`farmer`), and the
 * fixed-amount categories (students, unemployed, relief, 低保).
 */
export const DuesCategory = Schema.Literal("employed", "annualSalary", "irregularIncome", "retiree", "farmer", ...FixedCategory.literals)
export type DuesCategory = typeof DuesCategory.Type

/** Categories whose amount is a rate on a base (and so need an income). */
export const rateCategories: ReadonlyArray<DuesCategory> = ["employed", "annualSalary", "irregularIncome", "retiree"]

/**
 * 收入 — personal data: the monthly income in fen (regular pay; for 年薪制 the month's actual pay; for
 * irregular earners the previous quarter's monthly average; for retirees the pension), and the
 * deductions on the payslip. Which deductions come off is the profile's `dues.base.deductions`.
 */
export const Income = Schema.Struct({
  monthly: Fen,
  deductions: Schema.optionalWith(Schema.Array(Schema.Struct({ item: Deduction, amount: Fen })), { default: () => [] })
})
export type Income = typeof Income.Type

/** The recorded decision behind a reduction or exemption: the branch discussed it, the higher committee approved it. */
const Approval = {
  branchDiscussedOn: CivilDate,
  approvedBy: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  approvedOn: CivilDate
}

/** 困难党员少交或免交 — a reduction to `monthlyAmount`, or an exemption, with its approval. */
export const Hardship = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("reduced"), monthlyAmount: Fen, ...Approval }),
  Schema.Struct({ kind: Schema.Literal("exempt"), ...Approval })
)
export type Hardship = typeof Hardship.Type

/** What a monthly amount is computed from. */
export interface DuesBasis {
  readonly category: DuesCategory
  readonly income?: Income | undefined
  readonly hardship?: Hardship | undefined
}

/** 月交党费 — the monthly amount and how it was reached, with every rule it applied. */
export interface DuesAmount {
  readonly category: DuesCategory
  /** The base after the profile's deductions (rate categories only): personal data. */
  readonly base: Fen | null
  readonly rate: BasisPoints | null
  /** The amount the rules give before any hardship reduction. */
  readonly computed: Fen
  /** What the member pays each month. */
  readonly monthlyAmount: Fen
  readonly rules: ReadonlyArray<ResolvedRule>
}

/** The bracket a base falls in: the first whose `upTo` it does not exceed (upper bounds inclusive). */
export const bracketFor = (brackets: ReadonlyArray<Bracket>, base: Fen): Bracket =>
  brackets.find((b) => b.upTo === null || base <= b.upTo) ?? brackets.at(-1)!

/** The base: the income less the deductions the profile takes off (others are ignored). */
export const duesBase = (income: Income, deducted: ReadonlyArray<Deduction>): number =>
  income.monthly - sumFen(income.deductions.filter((d) => deducted.includes(d.item)).map((d) => d.amount))

/**
 * 党费数额 — rules.md §5.1–5.7: the monthly amount for a category and income on `on`, under the
 * profile. Refused (as `DuesRejected`) when a rate category has no income, when the deductions
 * exceed the income, or when a hardship decision is out of order or is not a reduction.
 */
export const monthlyDues = (memberId: string, basis: DuesBasis, profile: RuleProfile, on: CivilDate): Either.Either<DuesAmount, DuesRejected> => {
  const refuse = (rule: ResolvedRule, zh: string, en: string, missing?: string) =>
    Either.left(new DuesRejected({ memberId, what: "assessment", ...refusedBy(rule, { zh, en }, missing === undefined ? {} : { missing }) }))
  const { category } = basis
  let base: Fen | null = null
  let rate: BasisPoints | null = null
  let computed: Fen
  const rules: Array<ResolvedRule> = []
  if (rateCategories.includes(category)) {
    const deductions = ruleAt(profile, baseDeductionsRule, on)
    if (basis.income === undefined) return refuse(deductions, `${category} 类党员须提供月收入`, `a ${category} member needs a monthly income`, "income")
    const raw = category === "retiree" ? basis.income.monthly : duesBase(basis.income, deductions.parameters.deducted)
    if (raw < 0) return refuse(deductions, "扣除项目合计超过月收入", "the deductions exceed the monthly income")
    base = raw as Fen
    const brackets = category === "retiree" ? ruleAt(profile, retireeBracketsRule, on) : ruleAt(profile, employedBracketsRule, on)
    const rounding = ruleAt(profile, amountRoundingRule, on)
    rate = bracketFor(brackets.parameters.brackets, base).rate
    computed = applyRate(base, rate, rounding.parameters.rounding)
    rules.push(deductions, brackets, rounding)
  } else if (category === "farmer") {
    const farmer = ruleAt(profile, farmerRangeRule, on)
    computed = farmer.parameters.amount
    rules.push(farmer)
  } else {
    const fixed = ruleAt(profile, fixedAmountRule, on)
    computed = fixed.parameters.amount
    rules.push(fixed)
  }
  const hardship = basis.hardship
  if (hardship === undefined) return Either.right({ category, base, rate, computed, monthlyAmount: computed, rules })
  const approval = ruleAt(profile, hardshipApprovalRule, on)
  if (hardship.approvedOn < hardship.branchDiscussedOn)
    return refuse(approval, "上级党委批准日期早于支部讨论日期", "the higher committee's approval predates the branch's discussion", "branchDiscussion")
  if (hardship.approvedOn > on) return refuse(approval, "少交或免交须先经上级党委批准", "a reduction or exemption needs the higher committee's approval first", "approval")
  const monthlyAmount = hardship.kind === "exempt" ? (0 as Fen) : hardship.monthlyAmount
  if (hardship.kind === "reduced" && remainingFen(computed, monthlyAmount) === 0)
    return refuse(approval, "少交的数额应低于按规定应交的数额", "a reduced amount must be below the amount the rules give")
  return Either.right({ category, base, rate, computed, monthlyAmount, rules: [...rules, approval] })
}
