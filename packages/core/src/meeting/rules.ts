import type { RuleDefinition } from "../profile/rule.js"
import {
  committeeCadence,
  democraticEvaluationCadence,
  generalAssemblyCadence,
  lectureCadence,
  orgLifeMeetingCadence,
  partyGroupCadence,
  secretaryLecture,
  talksCadence,
  themeDayCadence
} from "./cadence-rules.js"
import { convener, excellentCap } from "./conduct-rules.js"
import { committeeQuorum, generalAssemblyQuorum, partyOrganizationMeetingQuorum, principalOfficeMeetingQuorum } from "./quorum-rules.js"

/** Every national meeting rule (rules.md §1 and §2), in the order of rules.md. */
export const meetingRules: ReadonlyArray<RuleDefinition<any>> = [
  generalAssemblyCadence, // 1.1
  committeeCadence, // 1.2
  partyGroupCadence, // 1.3
  convener, // 1.4
  lectureCadence, // 1.5
  secretaryLecture, // 1.6, 1.6b
  themeDayCadence, // 1.7
  orgLifeMeetingCadence, // 1.8
  democraticEvaluationCadence, // 1.9
  excellentCap, // 1.10
  talksCadence, // 1.11
  generalAssemblyQuorum, // 2.1
  committeeQuorum, // 2.3
  partyOrganizationMeetingQuorum, // 2.10
  principalOfficeMeetingQuorum // 2.10
]
