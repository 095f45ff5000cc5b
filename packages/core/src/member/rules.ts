import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import {
  activistAssessmentIntervalRule,
  activistContactsRule,
  activistDesignationRule,
  activistMinimumCultivationRule
} from "./rules-activist.js"
import {
  admissionApprovalDeadlineRule,
  admissionMeetingDeadlineRule,
  admissionVoteRule,
  oathDeadlineRule,
  admissionPreliminaryReviewRule
} from "./rules-admission.js"
import { applicationMinimumAgeRule, applicationTalkDeadlineRule, stepsOrderRule } from "./rules-application.js"
import {
  candidateApprovalRule,
  candidatePublicityRule,
  candidateTrainingRule,
  introducersCountRule,
  introducersEligibilityRule,
  politicalReviewRequiredRule
} from "./rules-candidate.js"
import {
  conversionApprovalDeadlineRule,
  conversionVoteRule,
  partyStandingStartRule,
  probationExtensionRule,
  probationLengthRule
} from "./rules-probation.js"
import {
  abroadSuspensionRule,
  lapseSixMonthsRule,
  lostContactSuspensionRule,
  votingRightsRule,
  statusRestorationRule
} from "./rules-status.js"

export * from "./rules-activist.js"
export * from "./rules-admission.js"
export * from "./rules-application.js"
export * from "./rules-candidate.js"
export * from "./rules-probation.js"
export * from "./rules-status.js"

/** Every member rule (recruitment, rights, lapse and suspension), in lifecycle order, for the national baseline. */
export const memberRules: ReadonlyArray<RuleDefinition<any>> = [
  applicationMinimumAgeRule,
  applicationTalkDeadlineRule,
  stepsOrderRule,
  activistDesignationRule,
  activistContactsRule,
  activistAssessmentIntervalRule,
  activistMinimumCultivationRule,
  candidateApprovalRule,
  candidatePublicityRule,
  introducersCountRule,
  introducersEligibilityRule,
  politicalReviewRequiredRule,
  candidateTrainingRule,
  admissionPreliminaryReviewRule,
  admissionMeetingDeadlineRule,
  admissionVoteRule,
  admissionApprovalDeadlineRule,
  oathDeadlineRule,
  probationLengthRule,
  probationExtensionRule,
  conversionVoteRule,
  conversionApprovalDeadlineRule,
  partyStandingStartRule,
  votingRightsRule,
  lapseSixMonthsRule,
  lostContactSuspensionRule,
  abroadSuspensionRule,
  statusRestorationRule
]

/** 发展党员与党员管理 — the member domain as a profile composes it. */
export const memberRuleDomain: RuleDomain = {
  id: "member",
  title: { zh: "发展党员与党员管理", en: "Recruitment and members" },
  rules: memberRules,
  localKinds: []
}
