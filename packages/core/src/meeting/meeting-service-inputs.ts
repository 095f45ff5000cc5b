import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { SchoolCalendar } from "../calendar/school-calendar.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { AttendanceStatus, ClockTime, MeetingId, MeetingKindId, Resolution } from "./meeting.js"

/** Inputs of the meeting service, decoded from `unknown` at the boundary. */

/** One member's attendance as the secretary records it. */
export const AttendanceInput = Schema.Struct({
  memberId: PersonId,
  status: AttendanceStatus,
  /** Required when `status` is `leave` (请假须说明原因). */
  leaveReason: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)))
})
export type AttendanceInput = typeof AttendanceInput.Encoded

/** 记录会议 — a held meeting with its attendance (exactly the roster due) and resolutions. */
export const RecordMeetingInput = Schema.Struct({
  id: MeetingId,
  organizationId: OrganizationId,
  kinds: Schema.NonEmptyArray(MeetingKindId),
  date: CivilDate,
  startTime: Schema.optional(ClockTime),
  endTime: Schema.optional(ClockTime),
  place: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  chairId: Schema.optionalWith(Schema.NullOr(PersonId), { default: () => null }),
  /** The secretary asked the deputy or a committee member to convene and chair (rules.md 1.4). */
  delegatedBySecretary: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  lecturer: Schema.optional(Schema.Struct({ personId: Schema.optional(PersonId), name: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)) })),
  topic: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
  agenda: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.maxLength(500))), { default: () => [] }),
  minutesRef: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
  attendance: Schema.optionalWith(Schema.Array(AttendanceInput), { default: () => [] }),
  /** For a school 党组织会议 or 校长办公会议: the 班子 members due and present. */
  bodyCounts: Schema.optional(Schema.Struct({ due: Schema.Int.pipe(Schema.nonNegative()), present: Schema.Int.pipe(Schema.nonNegative()) })),
  resolutions: Schema.optionalWith(Schema.Array(Resolution), { default: () => [] })
})
export type RecordMeetingInput = typeof RecordMeetingInput.Encoded

/** One meeting by id, with its attendance. */
export const GetMeetingInput = Schema.Struct({ meetingId: MeetingId })
export type GetMeetingInput = typeof GetMeetingInput.Encoded

/** The meetings of a branch (and its groups) from `from` to `to`, both inclusive. */
export const ListMeetingsInput = Schema.Struct({ organizationId: OrganizationId, from: CivilDate, to: CivilDate }).pipe(
  Schema.filter((i) => i.from <= i.to || "from must not be after to")
)
export type ListMeetingsInput = typeof ListMeetingsInput.Encoded

/** 合规视图 — a period view: a month, quarter, school semester or year, named by a date inside it. */
export const ComplianceView = Schema.Literal("month", "quarter", "semester", "year")
export type ComplianceView = typeof ComplianceView.Type

/**
 * Compliance of a branch or of every branch in a subtree, for the view's period around `on`
 * (or an explicit `from`–`to`). `semester` needs the school calendar.
 */
export const ComplianceInput = Schema.Struct({
  organizationId: OrganizationId,
  view: Schema.optionalWith(ComplianceView, { default: () => "quarter" as const }),
  on: Schema.optional(CivilDate),
  from: Schema.optional(CivilDate),
  to: Schema.optional(CivilDate),
  schoolCalendar: Schema.optional(SchoolCalendar)
})
export type ComplianceInput = typeof ComplianceInput.Encoded

/** 参与率 — the attendance ratio of each member of a branch from `from` to `to`. */
export const ParticipationInput = Schema.Struct({ organizationId: OrganizationId, from: CivilDate, to: CivilDate })
export type ParticipationInput = typeof ParticipationInput.Encoded

/** 停滞支部 — branches of a subtree with no organizational life for the rule's number of days. */
export const SilentBranchesInput = Schema.Struct({ organizationId: OrganizationId })
export type SilentBranchesInput = typeof SilentBranchesInput.Encoded

/** One member's signals, with the last organizational life taken from attendance records. */
export const MemberSignalsInput = Schema.Struct({ memberId: PersonId })
export type MemberSignalsInput = typeof MemberSignalsInput.Encoded

/** A member's attendance rows over a window, wherever the member was due (home and host). */
export const MemberAttendanceInput = Schema.Struct({ memberId: PersonId, from: CivilDate, to: CivilDate })
export type MemberAttendanceInput = typeof MemberAttendanceInput.Encoded

/** The voting members of a branch or group on a date. */
export const VotingMembersInput = Schema.Struct({ organizationId: OrganizationId, on: CivilDate })
export type VotingMembersInput = typeof VotingMembersInput.Encoded

/** A move of one planned item to another day. */
export const PlanMove = Schema.Struct({ itemId: Schema.String, to: CivilDate })
export type PlanMove = typeof PlanMove.Type

/**
 * 年度计划 — the year plan of a branch: the weekday of the 主题党日 (1 Monday … 7 Sunday, default
 * Friday) and which one of the month (1st…4th), the branch's fixed dues day of the month (1–28;
 * default the 主题党日's day), the school calendar, and moves applied in order.
 */
export const YearPlanInput = Schema.Struct({
  organizationId: OrganizationId,
  year: Schema.Int.pipe(Schema.between(1900, 2998)),
  themeDayWeekday: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 7)), { default: () => 5 }),
  themeDayWeek: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 4)), { default: () => 1 }),
  duesDay: Schema.optional(Schema.Int.pipe(Schema.between(1, 28))),
  schoolCalendar: Schema.optional(SchoolCalendar),
  moves: Schema.optionalWith(Schema.Array(PlanMove), { default: () => [] })
})
export type YearPlanInput = typeof YearPlanInput.Encoded
