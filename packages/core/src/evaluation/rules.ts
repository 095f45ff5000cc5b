import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import { democraticFollowUpRule, democraticProcedureRule, secretaryReportWindowsRule, secretaryReportYearlyRule } from "./rules-democratic.js"
import { checklistStandardsRule, rectificationAutomaticRule, rectificationDeadlineRule, roleFeedbackCadencesRule, workloadTeachingLoadRule } from "./rules-standards.js"

export * from "./rules-democratic.js"
export * from "./rules-standards.js"

/** Every evaluation rule: 民主评议 (rules.md 1.9, 6.6), 述职评议 (9.8), checklists, rectification (1.8), feedback and workload (§10). */
export const evaluationRules: ReadonlyArray<RuleDefinition<any>> = [
  democraticProcedureRule, // 1.9
  democraticFollowUpRule, // 1.10, 6.6
  rectificationDeadlineRule, // 1.8
  rectificationAutomaticRule, // 1.8, 1.10
  secretaryReportYearlyRule, // 9.8
  secretaryReportWindowsRule, // seed 004
  checklistStandardsRule, // seed 001
  roleFeedbackCadencesRule, // §10, seed 000
  workloadTeachingLoadRule // seed 004
]

/** 评议与考核 — the evaluation domain as a profile composes it. */
export const evaluationRuleDomain: RuleDomain = {
  id: "evaluation",
  title: { zh: "评议、考核与整改", en: "Evaluation, review and rectification" },
  rules: evaluationRules,
  localKinds: []
}
