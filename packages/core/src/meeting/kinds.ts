import { calendarPeriod } from "../calendar/period.js"
import { defineRecordKind, field } from "../store/record-kind.js"
import type { MeetingKind } from "./kind.js"
import { AttendanceRecord, localKindsKey, Meeting } from "./meeting.js"
import { countsAsTalkPair, type TalkPair } from "./talks.js"

const has = (kind: MeetingKind) => field.int((m: Meeting) => (m.kinds.includes(kind) ? 1 : 0))
const talkPair = (pair: TalkPair) => field.int((m: Meeting) => (countsAsTalkPair(m.kinds, pair) ? 1 : 0))

/** `YYYY-MM` of a date: the month a record is grouped by. */
const monthOf = (date: string): string => date.slice(0, 7)

/**
 * 会议记录 — the stored meetings (migration 0003). Besides the organization, branch and date, each
 * national kind is an `int` field (1 when the meeting counts as it), so that one grouped aggregate
 * counts every kind per organization and month (or ISO week) however the kinds are combined; local
 * kinds are one key (`localKinds`, sorted ids joined by `.`). `secretaryLecture` is 1 for a 党课
 * given by the branch secretary (rule `meeting.lecture.secretaryYearly`). The three 谈心谈话 pair
 * types (migration 0007) are 1 for a meeting of that type or a plain `talks` (rule `meeting.talks.yearly`).
 */
export const meetingKind = defineRecordKind({
  name: "meeting",
  table: "zhibu_meeting",
  schema: Meeting,
  fields: {
    organizationId: field.key((m: Meeting) => m.organizationId),
    branchId: field.key((m: Meeting) => m.branchId),
    date: field.date((m: Meeting) => m.date),
    month: field.key((m: Meeting) => monthOf(m.date)),
    week: field.key((m: Meeting) => calendarPeriod("weekly", m.date).label),
    localKinds: field.keyOrNull((m: Meeting) => localKindsKey(m.kinds) || null),
    generalAssembly: has("generalAssembly"),
    committee: has("committee"),
    partyGroup: has("partyGroup"),
    lecture: has("lecture"),
    themeDay: has("themeDay"),
    orgLifeMeeting: has("orgLifeMeeting"),
    democraticEvaluation: has("democraticEvaluation"),
    talks: has("talks"),
    talksAmongCommittee: talkPair("talksAmongCommittee"),
    talksCommitteeWithMembers: talkPair("talksCommitteeWithMembers"),
    talksAmongMembers: talkPair("talksAmongMembers"),
    partyOrganizationMeeting: has("partyOrganizationMeeting"),
    principalOfficeMeeting: has("principalOfficeMeeting"),
    secretaryLecture: field.int((m: Meeting) => (m.kinds.includes("lecture") && m.lecturer?.isSecretary === true ? 1 : 0)),
    topic: field.text((m: Meeting) => m.topic ?? "", 255)
  },
  organizationField: "organizationId",
  indexes: [["branchId", "date"], ["organizationId", "date"], ["branchId", "month"]]
})

/**
 * 出勤记录 — the stored attendance rows (migration 0003): one per member due at a meeting, grouped
 * by organization × month × status for compliance and participation, and listed per member for the
 * six-month signal. `voting` is 1 for a member with a vote that day.
 */
export const attendanceKind = defineRecordKind({
  name: "attendance",
  table: "zhibu_attendance",
  schema: AttendanceRecord,
  fields: {
    meetingId: field.key((a: AttendanceRecord) => a.meetingId),
    memberId: field.key((a: AttendanceRecord) => a.memberId),
    organizationId: field.key((a: AttendanceRecord) => a.organizationId),
    branchId: field.key((a: AttendanceRecord) => a.branchId),
    date: field.date((a: AttendanceRecord) => a.date),
    month: field.key((a: AttendanceRecord) => monthOf(a.date)),
    status: field.key((a: AttendanceRecord) => a.status),
    voting: field.int((a: AttendanceRecord) => (a.voting ? 1 : 0))
  },
  organizationField: "organizationId",
  indexes: [["meetingId"], ["memberId", "date"], ["branchId", "month", "status"]]
})
