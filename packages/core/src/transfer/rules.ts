import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import { letterValidityRule, pocketMemberSignalRule, receiptDeadlineRule } from "./rules-letter.js"
import { mobileHostRule } from "./rules-mobile.js"
import { probationPostponementRule, probationRecognitionRule } from "./rules-probation.js"

export * from "./rules-letter.js"
export * from "./rules-mobile.js"
export * from "./rules-probation.js"

/** Every transfer rule (letters, receipts, pocket members, transferred-in probation, mobile members). */
export const transferRules: ReadonlyArray<RuleDefinition<any>> = [
  letterValidityRule,
  receiptDeadlineRule,
  pocketMemberSignalRule,
  probationPostponementRule,
  probationRecognitionRule,
  mobileHostRule
]

/** 组织关系转接与流动党员 — the transfer domain as a profile composes it. */
export const transferRuleDomain: RuleDomain = {
  id: "transfer",
  title: { zh: "组织关系转接与流动党员", en: "Transfers and mobile members" },
  rules: transferRules,
  localKinds: []
}
