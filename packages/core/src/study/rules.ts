import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import { excusalElderlyOrIllRule, leaderAnnualHoursRule, memberAnnualHoursRule, sessionHoursRule } from "./rules-hours.js"

export * from "./rules-hours.js"

/** Every national study rule (rules.md §7), in the order of rules.md. */
export const studyRules: ReadonlyArray<RuleDefinition<any>> = [
  memberAnnualHoursRule, // 7.1
  leaderAnnualHoursRule, // 7.2
  excusalElderlyOrIllRule, // 7.6
  sessionHoursRule // 7.7
]

/** 学时 — the study domain as a profile composes it. */
export const studyRuleDomain: RuleDomain = {
  id: "study",
  title: { zh: "学习培训学时", en: "Study hours" },
  rules: studyRules,
  localKinds: []
}
