import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"
import { half, share } from "../vote/share.js"
import { shareAtLeastAsLarge, Threshold, thresholdAtLeastAsStrict } from "./threshold.js"

/**
 * Quorum and passing rules of meetings (rules.md §2: 2.1, 2.3, 2.10). All are hard: a profile may
 * raise a share but never lower it. Attendance rules say "半数以上"; whether exactly half counts is
 * open question Q1, so by default it does not (`inclusive: false`), and a profile may choose the
 * other reading by setting `inclusive: true` on the same share.
 */

const moreThanHalf: Threshold = { ...half, inclusive: false }
const twoThirdsOrMore: Threshold = { ...share(2, 3), inclusive: true }

/** Parameters of a rule with one attendance threshold. */
export const AttendanceParameters = Schema.Struct({ attendance: Threshold })
export type AttendanceParameters = typeof AttendanceParameters.Type

/**
 * Parameters of the 党员大会 vote: attendance and passing are both shares of the voting members who
 * should attend (应到会有表决权的党员), not of those present.
 */
export const GeneralAssemblyVoteParameters = Schema.Struct({
  attendance: Threshold,
  passing: Threshold,
  passingBase: Schema.Literal("expectedVoting")
})
export type GeneralAssemblyVoteParameters = typeof GeneralAssemblyVoteParameters.Type

/** Parameters of the school 党组织会议: ordinary quorum, and the quorum for cadre appointments and other key items. */
export const PartyOrganizationMeetingParameters = Schema.Struct({ attendance: Threshold, keyMattersAttendance: Threshold })
export type PartyOrganizationMeetingParameters = typeof PartyOrganizationMeetingParameters.Type

const attendanceAtLeast = (candidate: AttendanceParameters, baseline: AttendanceParameters) =>
  shareAtLeastAsLarge(candidate.attendance, baseline.attendance)

/** 党员大会表决 — rules.md 2.1. */
export const generalAssemblyQuorumRule = defineRule({
  id: "meeting.generalAssembly.quorum",
  title: {
    zh: "党员大会须有半数以上有表决权的党员到会方可表决，赞成票超过应到会有表决权党员的半数为通过",
    en: "A general-meeting vote needs half or more of the voting members present; it passes with yes votes from more than half of the voting members who should attend"
  },
  strength: "hard",
  parameters: GeneralAssemblyVoteParameters,
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: { attendance: moreThanHalf, passing: moreThanHalf, passingBase: "expectedVoting" },
      source: { regulation: "ZB2018", article: "第十一条" },
      confidence: "certain"
    }
  ],
  // "超过半数" for passing is explicit, so only attendance may be read inclusively.
  atLeastAsStrict: (c, b) => shareAtLeastAsLarge(c.attendance, b.attendance) && thresholdAtLeastAsStrict(c.passing, b.passing)
})

/** 支委会 quorum — rules.md 2.3. */
export const committeeQuorumRule = defineRule({
  id: "meeting.committee.quorum",
  title: { zh: "支委会须有半数以上委员到会方可召开", en: "A committee meeting needs half or more of the committee members present" },
  strength: "hard",
  parameters: AttendanceParameters,
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: { attendance: moreThanHalf },
      source: { regulation: "ZB2018", article: "第十二条" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: attendanceAtLeast
})

/** 学校党组织会议 — rules.md 2.10, chaired by the party secretary. */
export const partyOrganizationMeetingQuorumRule = defineRule({
  id: "meeting.partyOrganizationMeeting.quorum",
  title: {
    zh: "学校党组织会议须有半数以上班子成员到会方可召开，讨论决定干部任免等重要事项须有三分之二以上成员到会",
    en: "A school party organization meeting needs half or more of its members present, and two thirds or more for cadre appointments and other key items"
  },
  strength: "hard",
  parameters: PartyOrganizationMeetingParameters,
  versions: [
    {
      effectiveFrom: regulations.ZXX2022.effectiveFrom,
      parameters: { attendance: moreThanHalf, keyMattersAttendance: twoThirdsOrMore },
      source: { regulation: "ZXX2022", article: "三（五）（六）" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: (c, b) =>
    shareAtLeastAsLarge(c.attendance, b.attendance) && shareAtLeastAsLarge(c.keyMattersAttendance, b.keyMattersAttendance)
})

/** 校长办公会议 — rules.md 2.10, chaired by the principal. */
export const principalOfficeMeetingQuorumRule = defineRule({
  id: "meeting.principalOfficeMeeting.quorum",
  title: {
    zh: "校长办公会议须有半数以上行政班子成员到会方可召开",
    en: "A principal's office meeting needs half or more of the administrative team present"
  },
  strength: "hard",
  parameters: AttendanceParameters,
  versions: [
    {
      effectiveFrom: regulations.ZXX2022.effectiveFrom,
      parameters: { attendance: moreThanHalf },
      source: { regulation: "ZXX2022", article: "三（五）（六）" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: attendanceAtLeast
})
