import type { CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { committeeQuorumRule, generalAssemblyQuorumRule, partyOrganizationMeetingQuorumRule, principalOfficeMeetingQuorumRule } from "./rules-quorum.js"
import * as Share from "../vote/share.js"
import { meetsThreshold, type Threshold } from "./threshold.js"

/** The bodies whose meetings have a quorum rule. */
export type QuorumBody = "generalAssembly" | "committee" | "partyOrganizationMeeting" | "principalOfficeMeeting"

/**
 * 到会情况 — who should attend (应到) and who did (实到). For a 党员大会 both count voting members
 * only (预备党员 have no vote). `keyMatters`: a school 党组织会议 deciding cadre appointments or other
 * key items, which needs two thirds.
 */
export interface Attendance {
  readonly due: number
  readonly present: number
  readonly keyMatters?: boolean
}

/** Whether a meeting could decide, the least attendance that would have been enough, and the rule. */
export interface MeetingQuorumResult {
  readonly met: boolean
  readonly minimumPresent: number
  readonly rule: ResolvedRule
}

/** The least count out of `of` that reaches the threshold (may exceed `of` when `of` is 0). */
export const minimumReaching = (threshold: Threshold, of: number): number =>
  threshold.inclusive ? Share.leastReaching(threshold, of) : Share.leastExceeding(threshold, of)

const attendanceRule = (body: QuorumBody, profile: RuleProfile, on: CivilDate): { rule: ResolvedRule; threshold: (keyMatters: boolean) => Threshold } => {
  switch (body) {
    case "generalAssembly": {
      const rule = ruleAt(profile, generalAssemblyQuorumRule, on)
      return { rule, threshold: () => rule.parameters.attendance }
    }
    case "committee": {
      const rule = ruleAt(profile, committeeQuorumRule, on)
      return { rule, threshold: () => rule.parameters.attendance }
    }
    case "partyOrganizationMeeting": {
      const rule = ruleAt(profile, partyOrganizationMeetingQuorumRule, on)
      return { rule, threshold: (key) => (key ? rule.parameters.keyMattersAttendance : rule.parameters.attendance) }
    }
    case "principalOfficeMeeting": {
      const rule = ruleAt(profile, principalOfficeMeetingQuorumRule, on)
      return { rule, threshold: () => rule.parameters.attendance }
    }
  }
}

/**
 * 会议法定人数 — whether a meeting held on `on` had its quorum (rules.md 2.1, 2.3, 2.10), under the
 * profile's reading of "半数以上" (open question Q1: exactly half is not enough by default).
 */
export const meetingQuorum = (body: QuorumBody, attendance: Attendance, profile: RuleProfile, on: CivilDate): MeetingQuorumResult => {
  const { rule, threshold } = attendanceRule(body, profile, on)
  const share = threshold(attendance.keyMatters === true)
  return { met: meetsThreshold(share, attendance.present, attendance.due), minimumPresent: minimumReaching(share, attendance.due), rule }
}

/** 党员大会表决 — the counts of one vote: voting members who should attend, those present, and yes votes. */
export interface AssemblyVote {
  readonly dueVoting: number
  readonly presentVoting: number
  readonly yes: number
}

/** The outcome of a 党员大会 vote: quorum, passing, and the least yes votes that would pass. */
export interface AssemblyVoteResult {
  readonly quorumMet: boolean
  readonly passed: boolean
  readonly yesNeeded: number
  readonly rule: ResolvedRule
}

/**
 * 党员大会表决结果 — rules.md 2.1: the vote may be held only with the quorum, and passes when the yes
 * votes exceed half of the voting members who should attend (应到会, not those present).
 */
export const generalAssemblyVote = (vote: AssemblyVote, profile: RuleProfile, on: CivilDate): AssemblyVoteResult => {
  const rule = ruleAt(profile, generalAssemblyQuorumRule, on)
  const quorumMet = meetsThreshold(rule.parameters.attendance, vote.presentVoting, vote.dueVoting)
  const passing = meetsThreshold(rule.parameters.passing, vote.yes, vote.dueVoting)
  return { quorumMet, passed: quorumMet && passing, yesNeeded: minimumReaching(rule.parameters.passing, vote.dueVoting), rule }
}
