import * as Schema from "effect/Schema"
import type { Message } from "../i18n/message.js"

/**
 * 会议类型 — the national kinds of branch meeting and activity (三会一课 and the rest), plus the two
 * school leadership meetings whose quorum the rules fix. A profile may add local kinds
 * (`LocalMeetingKind`), whose ids must differ from these.
 */
export const MeetingKind = Schema.Literal(
  "generalAssembly",
  "committee",
  "partyGroup",
  "lecture",
  "themeDay",
  "orgLifeMeeting",
  "democraticEvaluation",
  "talks",
  "talksAmongCommittee",
  "talksCommitteeWithMembers",
  "talksAmongMembers",
  "partyOrganizationMeeting",
  "principalOfficeMeeting"
)
export type MeetingKind = typeof MeetingKind.Type

/** The national kinds, in the order a plan lists them. */
export const meetingKinds: ReadonlyArray<MeetingKind> = MeetingKind.literals

/** The Chinese and English names of each national kind. */
export const meetingKindNames: Readonly<Record<MeetingKind, Message>> = {
  generalAssembly: { zh: "支部党员大会", en: "branch general meeting" },
  committee: { zh: "支部委员会会议", en: "branch committee meeting" },
  partyGroup: { zh: "党小组会", en: "party group meeting" },
  lecture: { zh: "党课", en: "party lecture" },
  themeDay: { zh: "主题党日", en: "theme party day" },
  orgLifeMeeting: { zh: "组织生活会", en: "organizational-life meeting" },
  democraticEvaluation: { zh: "民主评议党员", en: "democratic evaluation of members" },
  talks: { zh: "谈心谈话", en: "heart-to-heart talks" },
  talksAmongCommittee: { zh: "谈心谈话（班子成员之间）", en: "heart-to-heart talks among committee members" },
  talksCommitteeWithMembers: { zh: "谈心谈话（班子成员与党员之间）", en: "heart-to-heart talks between committee members and members" },
  talksAmongMembers: { zh: "谈心谈话（党员之间）", en: "heart-to-heart talks among members" },
  partyOrganizationMeeting: { zh: "学校党组织会议", en: "school party organization meeting" },
  principalOfficeMeeting: { zh: "校长办公会议", en: "principal's office meeting" }
}

/**
 * 召开主体 — who holds a meeting: the whole branch, its committee (only a branch with a 支委会 has
 * one), or each of its party groups (only where groups are formed). A check skips a kind whose body
 * the branch lacks and repeats a `partyGroup` kind for every group.
 */
export const MeetingBody = Schema.Literal("branch", "committee", "partyGroup")
export type MeetingBody = typeof MeetingBody.Type

/** 授课人 — who must give a party lecture: anyone the branch arranges, or the branch secretary. */
export const LectureSpeaker = Schema.Literal("any", "secretary")
export type LectureSpeaker = typeof LectureSpeaker.Type
