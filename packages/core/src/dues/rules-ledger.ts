import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"

/** When amounts are fixed and change, and how dues are paid (rules.md §5.8, 5.9, 5.11–5.13). */

const from = regulations.DF2008.effectiveFrom

/** Parameters of the yearly fixing: the month in which each year's amounts are fixed. */
export const AssessmentAnnualParameters = Schema.Struct({ month: Schema.Int.pipe(Schema.between(1, 12)) })
export type AssessmentAnnualParameters = typeof AssessmentAnnualParameters.Type

/**
 * 年度核定 — rules.md 5.13: the monthly amounts are fixed at the start of the year and generally not
 * changed during it (from a 中央和国家机关工委 summary; the underlying document was not identified).
 */
export const assessmentAnnualRule = defineRule({
  id: "dues.assessment.annual",
  title: {
    zh: "党员每月交纳党费的数额一般每年核定一次，年内一般不作调整",
    en: "Each member's monthly amount is generally fixed once a year and not changed during it"
  },
  strength: "default",
  parameters: AssessmentAnnualParameters,
  versions: [{ effectiveFrom: from, parameters: { month: 1 }, source: { regulation: "DF2008" }, confidence: "likely" }]
})

/** Parameters of the pay-change rule: from when a new base applies. */
export const PayChangeEffectiveParameters = Schema.Struct({ takesEffect: Schema.Literal("monthFirstPaid", "nextYear") })
export type PayChangeEffectiveParameters = typeof PayChangeEffectiveParameters.Type

/**
 * 工资变动 — rules.md 5.9: a new base applies from the month the new pay is first received. This
 * conflicts with the yearly fixing (5.13): a profile that follows 5.13 sets `nextYear`.
 */
export const payChangeEffectiveRule = defineRule({
  id: "dues.payChange.effective",
  title: {
    zh: "党员工资收入发生变化后，从按新工资标准领取工资的当月起按新的工资收入交纳党费",
    en: "After a pay change, dues follow the new pay from the month it is first received"
  },
  strength: "default",
  parameters: PayChangeEffectiveParameters,
  versions: [{ effectiveFrom: from, parameters: { takesEffect: "monthFirstPaid" }, source: { regulation: "DF2008", article: "第十条" }, confidence: "certain" }]
})

/** Parameters of the probationary start: the branch meeting's month, or the month after it. */
export const ProbationaryStartParameters = Schema.Struct({ from: Schema.Literal("admissionMeetingMonth", "followingMonth") })
export type ProbationaryStartParameters = typeof ProbationaryStartParameters.Type

/**
 * 预备党员交纳党费 — rules.md 5.8: from the date the 支部大会 admits the member (from secondary
 * sources, hence `likely`); some units start from the following month, a profile parameter.
 */
export const probationaryStartRule = defineRule({
  id: "dues.probationary.start",
  title: {
    zh: "预备党员从支部大会通过其为预备党员之日起交纳党费",
    en: "A probationary member pays dues from the branch meeting that admits them"
  },
  strength: "default",
  parameters: ProbationaryStartParameters,
  versions: [{ effectiveFrom: from, parameters: { from: "admissionMeetingMonth" }, source: { regulation: "DF2008" }, confidence: "likely" }]
})

/** 交纳方式 — monthly; quarterly; paid by a relative or another member. */
export const PaymentMethod = Schema.Literal("monthly", "quarterly", "byAnother")
export type PaymentMethod = typeof PaymentMethod.Type

/** Parameters of the payment rule: the methods that need the branch's consent. */
export const PaymentMethodsParameters = Schema.Struct({ needConsent: Schema.Array(PaymentMethod) })
export type PaymentMethodsParameters = typeof PaymentMethodsParameters.Type

/**
 * 交纳方式 — rules.md 5.11: monthly, on the member's own initiative; in special cases, with the
 * branch's consent, quarterly or through a relative or another member.
 */
export const paymentMethodsRule = defineRule({
  id: "dues.payment.methods",
  title: {
    zh: "党员应按月交纳党费；特殊情况经党支部同意，可按季度交纳或委托他人代交",
    en: "Dues are paid monthly; in special cases, with the branch's consent, quarterly or through another person"
  },
  strength: "hard",
  parameters: PaymentMethodsParameters,
  versions: [{ effectiveFrom: from, parameters: { needConsent: ["quarterly", "byAnother"] }, source: { regulation: "DF2008" }, confidence: "certain" }],
  atLeastAsStrict: (c, b) => b.needConsent.every((m) => c.needConsent.includes(m))
})

/** Parameters of paying at the host: whether a mobile member's dues may be paid to the host organization. */
export const PaymentAtHostParameters = Schema.Struct({ allowed: Schema.Boolean })
export type PaymentAtHostParameters = typeof PaymentAtHostParameters.Type

/**
 * 流动党员在流入地交纳党费 — rules.md 5.11: dues are paid to the branch holding the organizational
 * relation; a mobile member (流动党员) may pay at the host organization with the activity certificate,
 * while the attachment is in force. The month is settled once, in the home ledger.
 */
export const paymentAtHostRule = defineRule({
  id: "dues.payment.atHost",
  title: {
    zh: "党费交到组织关系所在党支部；流动党员可凭活动证在流入地党组织交纳",
    en: "Dues are paid to the branch holding the relation; a mobile member may pay at the host organization"
  },
  strength: "default",
  parameters: PaymentAtHostParameters,
  versions: [{ effectiveFrom: from, parameters: { allowed: true }, source: { regulation: "DF2008" }, confidence: "likely" }]
})

/** Parameters of the back-payment rule: the most past months one payment may cover. */
export const PaymentBackPaymentParameters = Schema.Struct({ maxMonths: Schema.Int.pipe(Schema.between(0, 24)) })
export type PaymentBackPaymentParameters = typeof PaymentBackPaymentParameters.Type

/** 补交 — rules.md 5.11: with the branch's consent, generally at most six months at once. */
export const paymentBackPaymentRule = defineRule({
  id: "dues.payment.backPayment",
  title: { zh: "补交党费一般不超过6个月", en: "A back payment generally covers at most six months" },
  strength: "hard",
  parameters: PaymentBackPaymentParameters,
  versions: [{ effectiveFrom: from, parameters: { maxMonths: 6 }, source: { regulation: "DF2008" }, confidence: "certain" }],
  atLeastAsStrict: (c, b) => c.maxMonths <= b.maxMonths
})

/** Parameters of the prepayment rule: the most future months (beyond the current month or quarter) one payment may cover. */
export const PaymentPrepaymentParameters = Schema.Struct({ maxMonths: Schema.Int.pipe(Schema.between(0, 12)) })
export type PaymentPrepaymentParameters = typeof PaymentPrepaymentParameters.Type

/**
 * 预交 — rules.md 5.12: no national rule was found; one local answer allows up to six months, some
 * units forbid it. By default none (beyond the current month, or quarter for quarterly payers).
 */
export const paymentPrepaymentRule = defineRule({
  id: "dues.payment.prepayment",
  title: {
    zh: "预交党费的月数由规则配置确定（默认不预交）",
    en: "How many months may be paid in advance is set by the profile (by default none)"
  },
  strength: "default",
  parameters: PaymentPrepaymentParameters,
  versions: [{ effectiveFrom: from, parameters: { maxMonths: 0 }, source: { regulation: "DF2008" }, confidence: "unsure" }]
})

/** Parameters of the publication rule: how many times a year collection and use are published to members. */
export const PublicationYearlyParameters = Schema.Struct({ timesPerYear: Schema.Int.pipe(Schema.between(1, 12)) })
export type PublicationYearlyParameters = typeof PublicationYearlyParameters.Type

/** 党费公示 — rules.md 5.13: collection and use are published to members once a year. */
export const publicationYearlyRule = defineRule({
  id: "dues.publication.yearly",
  title: { zh: "党费收缴、使用情况每年向党员公布一次", en: "Dues collection and use are published to members once a year" },
  strength: "default",
  parameters: PublicationYearlyParameters,
  versions: [{ effectiveFrom: from, parameters: { timesPerYear: 1 }, source: { regulation: "DF2008" }, confidence: "likely" }]
})
