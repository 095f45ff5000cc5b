import * as Schema from "effect/Schema"
import { BasisPoints, Fen, RoundingRule } from "../money/money.js"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"

/** How much a member pays each month (rules.md §5.1–5.7, 5.10). Amounts are fen, rates basis points. */

const from = regulations.DF2008.effectiveFrom
const fen = (n: number) => n as Fen

/**
 * 扣除项目 — what may be taken off regular monthly pay before the rate applies: 个人所得税, the
 * individual shares of 社会保险 and 住房公积金, 职业年金/企业年金, 改革性补贴, 奖励性绩效 and irregular bonuses.
 */
export const Deduction = Schema.Literal(
  "incomeTax",
  "socialInsurance",
  "housingFund",
  "annuity",
  "reformAllowances",
  "incentivePerformance",
  "irregularBonus"
)
export type Deduction = typeof Deduction.Type

/** Parameters of the base rule: the deductions the profile takes off the base. */
export const BaseDeductionsParameters = Schema.Struct({ deducted: Schema.Array(Deduction) })
export type BaseDeductionsParameters = typeof BaseDeductionsParameters.Type

/**
 * 计算基数 — rules.md 5.1–5.2: the base is the fixed, regular part of monthly pay after tax. Which
 * items come off it differs between sources (the 中组部 Q&A takes off all seven; some local answers
 * only 个人所得税), so the deductions are a parameter a profile sets.
 */
export const baseDeductionsRule = defineRule({
  id: "dues.base.deductions",
  title: {
    zh: "党费计算基数为每月工资收入中相对固定、经常性的部分（税后），扣除项目由规则配置确定",
    en: "The dues base is the fixed, regular part of monthly pay after tax; which items are deducted is set by the profile"
  },
  strength: "default",
  parameters: BaseDeductionsParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: {
        deducted: ["incomeTax", "socialInsurance", "housingFund", "annuity", "reformAllowances", "incentivePerformance", "irregularBonus"]
      },
      source: { regulation: "DF2008", article: "第一条" },
      confidence: "likely"
    }
  ]
})

/** One bracket: bases up to `upTo` fen (inclusive; `null`: no upper bound) pay `rate` on the whole base. */
export const Bracket = Schema.Struct({ upTo: Schema.NullOr(Fen), rate: BasisPoints })
export type Bracket = typeof Bracket.Type

/** Brackets in ascending order of `upTo`, the last one open (`upTo: null`). */
export const BracketParameters = Schema.Struct({
  brackets: Schema.Array(Bracket).pipe(
    Schema.filter(
      (bs) =>
        (bs.length > 0 &&
          bs.at(-1)!.upTo === null &&
          bs.slice(0, -1).every((b, i) => b.upTo !== null && (i === 0 || b.upTo > bs[i - 1]!.upTo!) && b.rate <= bs[i + 1]!.rate)) ||
        "brackets must ascend, rates must not fall, and the last bracket must be open (upTo: null)"
    )
  )
})
export type BracketParameters = typeof BracketParameters.Type

/**
 * 在职党员 — rules.md 5.3–5.4: ≤3000 元 0.5%, 3000–5000 元 1%, 5000–10000 元 1.5%, above 2%, the rate
 * on the whole base; upper bounds inclusive (3000.00 pays 0.5%, 3000.01 pays 1%). Annual-salary and
 * irregular earners use the same brackets on their own base.
 */
export const employedBracketsRule = defineRule({
  id: "dues.employed.brackets",
  title: {
    zh: "在职党员按月工资收入（税后）交纳党费：3000元以下（含）0.5%，3000元以上至5000元（含）1%，5000元以上至10000元（含）1.5%，10000元以上2%",
    en: "Employed members pay on monthly pay after tax: up to 3000 yuan 0.5%, to 5000 yuan 1%, to 10000 yuan 1.5%, above 2% (upper bounds inclusive)"
  },
  strength: "hard",
  parameters: BracketParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: {
        brackets: [
          { upTo: fen(300_000), rate: 50 },
          { upTo: fen(500_000), rate: 100 },
          { upTo: fen(1_000_000), rate: 150 },
          { upTo: null, rate: 200 }
        ]
      },
      source: { regulation: "DF2008", article: "第二条" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the retiree brackets: the brackets, and what the base is (sources differ, rules.md 5.5). */
export const RetireeBracketParameters = Schema.Struct({
  ...BracketParameters.fields,
  base: Schema.Literal("totalPension", "basicPension")
})
export type RetireeBracketParameters = typeof RetireeBracketParameters.Type

/**
 * 离退休党员 — rules.md 5.5: ≤5000 元 0.5%, above 1%, on the pension actually received. The rates are
 * certain; whether the base is the total or only the basic pension is not (a profile parameter).
 */
export const retireeBracketsRule = defineRule({
  id: "dues.retiree.brackets",
  title: {
    zh: "离退休党员以实际领取的离退休费为基数：5000元以下（含）0.5%，5000元以上1%",
    en: "Retired members pay on the pension received: up to 5000 yuan 0.5%, above 1% (upper bound inclusive)"
  },
  strength: "hard",
  parameters: RetireeBracketParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: {
        brackets: [
          { upTo: fen(500_000), rate: 50 },
          { upTo: null, rate: 100 }
        ],
        base: "totalPension"
      },
      source: { regulation: "DF2008" },
      confidence: "certain"
    }
  ]
})

/** The categories that pay a fixed amount a month. */
export const FixedCategory = Schema.Literal("student", "unemployed", "relief", "subsistenceAllowance")
export type FixedCategory = typeof FixedCategory.Type

/** Parameters of the fixed-amount rule. */
export const FixedAmountParameters = Schema.Struct({ amount: Fen, categories: Schema.Array(FixedCategory) })
export type FixedAmountParameters = typeof FixedAmountParameters.Type

/** 学生、下岗失业、依靠救济、低保 — rules.md 5.6: 0.2 元 a month. */
export const fixedAmountRule = defineRule({
  id: "dues.fixed.amount",
  title: {
    zh: "学生党员、下岗失业党员、依靠救济或领取最低生活保障金的党员每月交纳党费0.2元",
    en: "Students, laid-off or unemployed members, and members on relief or the minimum living allowance pay 0.2 yuan a month"
  },
  strength: "hard",
  parameters: FixedAmountParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: { amount: fen(20), categories: ["student", "unemployed", "relief", "subsistenceAllowance"] },
      source: { regulation: "DF2008", article: "第六条" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the farmers' rule: the national range and the amount the province set within it. */
export const FarmerRangeParameters = Schema.Struct({ min: Fen, max: Fen, amount: Fen }).pipe(
  Schema.filter((p) => (p.min <= p.amount && p.amount <= p.max) || "the farmers' amount must lie within min…max")
)
export type FarmerRangeParameters = typeof FarmerRangeParameters.Type

/** 农民党员 — rules.md 5.6: 0.2–1 元 a month, the figure set by each province (default 0.2 元). */
export const farmerRangeRule = defineRule({
  id: "dues.farmer.range",
  title: {
    zh: "农民党员每月交纳党费0.2元至1元，具体数额由省级党委组织部门确定",
    en: "Farmer members pay 0.2 to 1 yuan a month; each province sets the figure"
  },
  strength: "default",
  parameters: FarmerRangeParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: { min: fen(20), max: fen(100), amount: fen(20) },
      source: { regulation: "DF2008", article: "第六条" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the rounding rule. */
export const AmountRoundingParameters = Schema.Struct({ rounding: RoundingRule })
export type AmountRoundingParameters = typeof AmountRoundingParameters.Type

/**
 * 取整 — no source says how a monthly amount with a fraction of a fen is rounded; zhibu rounds half up
 * to the fen by default, and a profile may choose the 角 or 元, or rounding down or up.
 */
export const amountRoundingRule = defineRule({
  id: "dues.amount.rounding",
  title: {
    zh: "月交党费金额按规则配置取整（默认四舍五入到分）",
    en: "The monthly amount is rounded as the profile says (by default half up to the fen)"
  },
  strength: "default",
  parameters: AmountRoundingParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: { rounding: { unit: "fen", mode: "halfUp" } },
      source: { regulation: "DF2008" },
      confidence: "unsure"
    }
  ]
})

/** Parameters of the hardship rule: who must have decided before a reduction or exemption is recorded. */
export const HardshipApprovalParameters = Schema.Struct({
  branchDiscussion: Schema.Boolean,
  approvedBy: Schema.Literal("higherCommittee")
})
export type HardshipApprovalParameters = typeof HardshipApprovalParameters.Type

/** 困难党员 — rules.md 5.7: pays less or is exempt after the branch discusses it and the next-higher 党委 approves. */
export const hardshipApprovalRule = defineRule({
  id: "dues.hardship.approval",
  title: {
    zh: "生活困难的党员经支部党员大会讨论、报上一级党委批准，可少交或免交党费",
    en: "A member in hardship may pay less or nothing after the branch discusses it and the next-higher committee approves"
  },
  strength: "hard",
  parameters: HardshipApprovalParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: { branchDiscussion: true, approvedBy: "higherCommittee" },
      source: { regulation: "DF2008" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the voluntary-payment rule: one-off payments of at least `threshold` go in full to the Centre. */
export const VoluntaryCentreParameters = Schema.Struct({ threshold: Fen })
export type VoluntaryCentreParameters = typeof VoluntaryCentreParameters.Type

/** 自愿多交 — rules.md 5.10: unlimited; a one-off voluntary payment of 1000 元 or more goes in full to the Centre. */
export const voluntaryCentreRule = defineRule({
  id: "dues.voluntary.centre",
  title: {
    zh: "党员自愿多交党费不限；一次性自愿交纳1000元以上（含）的党费全部上缴中央",
    en: "Voluntary extra dues are unlimited; a one-off voluntary payment of 1000 yuan or more goes in full to the Centre"
  },
  strength: "hard",
  parameters: VoluntaryCentreParameters,
  versions: [
    {
      effectiveFrom: from,
      parameters: { threshold: fen(100_000) },
      source: { regulation: "DF2008", article: "第十一条" },
      confidence: "certain"
    }
  ]
})
