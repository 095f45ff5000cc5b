import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import {
  committeeMonthlyRule,
  democraticEvaluationYearlyRule,
  generalAssemblyQuarterlyRule,
  lectureCadenceRule,
  orgLifeMeetingYearlyRule,
  partyGroupMonthlyRule,
  lectureSecretaryYearlyRule,
  talksYearlyRule,
  themeDayMonthlyRule
} from "./rules-cadence.js"
import { meetingKindsSection } from "./local-kind.js"
import { convenerRule, democraticEvaluationExcellentCapRule } from "./rules-conduct.js"
import { majorMattersPriorDiscussionRule, silentBranchRule } from "./rules-governance.js"
import { committeeQuorumRule, generalAssemblyQuorumRule, partyOrganizationMeetingQuorumRule, principalOfficeMeetingQuorumRule } from "./rules-quorum.js"

export * from "./rules-cadence.js"
export * from "./rules-conduct.js"
export * from "./rules-governance.js"
export * from "./rules-quorum.js"

/** Every national meeting rule (rules.md §1 and §2), in the order of rules.md. */
export const meetingRules: ReadonlyArray<RuleDefinition<any>> = [
  generalAssemblyQuarterlyRule, // 1.1
  committeeMonthlyRule, // 1.2
  partyGroupMonthlyRule, // 1.3
  convenerRule, // 1.4
  lectureCadenceRule, // 1.5
  lectureSecretaryYearlyRule, // 1.6, 1.6b
  themeDayMonthlyRule, // 1.7
  orgLifeMeetingYearlyRule, // 1.8
  democraticEvaluationYearlyRule, // 1.9
  democraticEvaluationExcellentCapRule, // 1.10
  talksYearlyRule, // 1.11
  generalAssemblyQuorumRule, // 2.1
  committeeQuorumRule, // 2.3
  partyOrganizationMeetingQuorumRule, // 2.10
  principalOfficeMeetingQuorumRule, // 2.10
  majorMattersPriorDiscussionRule, // 2.10, 9.4
  silentBranchRule // zhibu's signal on 1.7
]

/** 会议与组织生活 — the meeting domain as a profile composes it: its rules and its local meeting kinds. */
export const meetingRuleDomain: RuleDomain = {
  id: "meeting",
  title: { zh: "会议与组织生活", en: "Meetings and organizational life" },
  rules: meetingRules,
  localKinds: [meetingKindsSection]
}
