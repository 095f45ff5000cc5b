import type { RuleDomain } from "../profile/domain.js"
import type { RuleDefinition } from "../profile/rule.js"
import { dissolutionMembersPlacedRule } from "./rules-change.js"
import { electionBallotsRule, electionCandidateMarginRule, electionQuorumRule, electionVotingRightsRule, electionWinningMajorityRule } from "./rules-election.js"
import {
  branchCommitteeSizeRule,
  branchMaximumMembersRule,
  branchMinimumFullMembersRule,
  branchSecretaryRule,
  committeeThresholdRule,
  generalBranchThresholdRule,
  jointBranchMaximumUnitsRule
} from "./rules-setup.js"
import { termElectionDueRule, termBoundsRule, termExtensionRule, termLengthRule, termReminderWindowRule } from "./rules-term.js"

export * from "./rules-change.js"
export * from "./rules-election.js"
export * from "./rules-setup.js"
export * from "./rules-term.js"

/** Every organization rule (setup, changes of the tree, terms, elections), for the national baseline. */
export const orgRules: ReadonlyArray<RuleDefinition<any>> = [
  branchMinimumFullMembersRule,
  branchMaximumMembersRule,
  branchCommitteeSizeRule,
  branchSecretaryRule,
  jointBranchMaximumUnitsRule,
  generalBranchThresholdRule,
  committeeThresholdRule,
  dissolutionMembersPlacedRule,
  termLengthRule,
  termBoundsRule,
  termElectionDueRule,
  termExtensionRule,
  termReminderWindowRule,
  electionQuorumRule,
  electionCandidateMarginRule,
  electionBallotsRule,
  electionWinningMajorityRule,
  electionVotingRightsRule
]

/** 组织设置、任期与选举 — the organization domain as a profile composes it. */
export const orgRuleDomain: RuleDomain = {
  id: "org",
  title: { zh: "组织设置、任期与选举", en: "Organizations, terms and elections" },
  rules: orgRules,
  localKinds: []
}
