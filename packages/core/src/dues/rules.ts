import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import {
  amountRoundingRule,
  baseDeductionsRule,
  employedBracketsRule,
  farmerRangeRule,
  fixedAmountRule,
  hardshipApprovalRule,
  retireeBracketsRule,
  voluntaryCentreRule
} from "./rules-amount.js"
import {
  assessmentAnnualRule,
  paymentAtHostRule,
  paymentBackPaymentRule,
  paymentMethodsRule,
  paymentPrepaymentRule,
  payChangeEffectiveRule,
  probationaryStartRule,
  publicationYearlyRule
} from "./rules-ledger.js"

export * from "./rules-amount.js"
export * from "./rules-ledger.js"

/** Every national dues rule (rules.md §5), in the order of rules.md. */
export const duesRules: ReadonlyArray<RuleDefinition<any>> = [
  baseDeductionsRule, // 5.1, 5.2
  employedBracketsRule, // 5.3, 5.4
  retireeBracketsRule, // 5.5
  fixedAmountRule, // 5.6
  farmerRangeRule, // 5.6
  amountRoundingRule, // (no source: explicit)
  hardshipApprovalRule, // 5.7
  probationaryStartRule, // 5.8
  payChangeEffectiveRule, // 5.9
  voluntaryCentreRule, // 5.10
  paymentMethodsRule, // 5.11
  paymentAtHostRule, // 5.11
  paymentBackPaymentRule, // 5.11
  paymentPrepaymentRule, // 5.12
  assessmentAnnualRule, // 5.13
  publicationYearlyRule // 5.13
]

/** 党费 — the dues domain as a profile composes it. */
export const duesRuleDomain: RuleDomain = {
  id: "dues",
  title: { zh: "党费", en: "Party dues" },
  rules: duesRules,
  localKinds: []
}
