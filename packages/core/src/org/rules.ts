import type { RuleDefinition } from "../profile/rule.js"
import { ballotsRule, candidateMarginRule, electionQuorumRule, votingRightsRule, winningMajorityRule } from "./election-rules.js"
import {
  branchCommitteeSizeRule,
  branchMaximumMembersRule,
  branchMinimumFullMembersRule,
  branchSecretaryRule,
  committeeThresholdRule,
  generalBranchThresholdRule,
  jointBranchMaximumUnitsRule
} from "./setup-rules.js"
import { electionDueRule, termBoundsRule, termExtensionRule, termLengthRule, termReminderWindowRule } from "./term-rules.js"

/** Every organization rule (setup, terms, elections), for the national baseline. */
export const orgRules: ReadonlyArray<RuleDefinition<any>> = [
  branchMinimumFullMembersRule,
  branchMaximumMembersRule,
  branchCommitteeSizeRule,
  branchSecretaryRule,
  jointBranchMaximumUnitsRule,
  generalBranchThresholdRule,
  committeeThresholdRule,
  termLengthRule,
  termBoundsRule,
  electionDueRule,
  termExtensionRule,
  termReminderWindowRule,
  electionQuorumRule,
  candidateMarginRule,
  ballotsRule,
  winningMajorityRule,
  votingRightsRule
]
