import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { MeetingKind } from "./kind.js"

/**
 * 会议记录 id: 1–56 characters, so that each attendance row can be named `<meetingId>:<n>` within
 * the 64 characters every stored id may have.
 */
export const MeetingId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,55}$/, { message: () => "meeting id: 1–56 characters of letters, digits, '.', '_' or '-'" }),
  Schema.brand("MeetingId")
)
export type MeetingId = typeof MeetingId.Type

/** A kind a meeting counts as: a national {@link MeetingKind} or the id of a local kind of the profile. */
export const MeetingKindId = Schema.String.pipe(Schema.pattern(/^[a-z][a-zA-Z0-9]{0,30}$/))
export type MeetingKindId = typeof MeetingKindId.Type

/** True for the ids of the national kinds (anything else must be a local kind of the profile). */
export const isNationalKind = (id: string): id is MeetingKind => (MeetingKind.literals as ReadonlyArray<string>).includes(id)

/** `HH:MM`, China time (the time printed on the notice). */
export const ClockTime = Schema.String.pipe(Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/, { message: () => "expected a time HH:MM" }))

/**
 * 三重一大事项 — the kinds of major matter a school's party organization must discuss before the
 * principal's office meeting decides (the profile's list: rule `meeting.majorMatters.priorDiscussion`).
 */
export const MajorMatter = Schema.Literal(
  "developmentPlan",
  "cadreAppointment",
  "awardsAndPenalties",
  "professionalTitles",
  "buildingProject",
  "largeExpense",
  "other"
)
export type MajorMatter = typeof MajorMatter.Type

/** 表决情况 — yes, no and abstain counts of one resolution. */
export const VoteCounts = Schema.Struct({
  yes: Schema.Int.pipe(Schema.nonNegative()),
  no: Schema.Int.pipe(Schema.nonNegative()),
  abstain: Schema.Int.pipe(Schema.nonNegative())
})
export type VoteCounts = typeof VoteCounts.Type

/**
 * 决议 — one resolution with its votes and whether it passed. `matter` says which 三重一大 matter it
 * decides (school governance meetings); `priorDiscussionId` names the 党组织会议 that discussed it first.
 */
export const Resolution = Schema.Struct({
  title: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500)),
  votes: VoteCounts,
  passed: Schema.Boolean,
  matter: Schema.optional(MajorMatter),
  priorDiscussionId: Schema.optional(MeetingId)
})
export type Resolution = typeof Resolution.Type

/** 授课人 — a member (by id) or a guest lecturer (by name). */
export const Lecturer = Schema.Struct({
  personId: Schema.optional(PersonId),
  name: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  /** True when the lecturer was the branch secretary that day (set by the service from the leadership). */
  isSecretary: Schema.Boolean
})
export type Lecturer = typeof Lecturer.Type

/** 到会人数 — who should attend (应到) and who did (实到): all members, and those with a vote. */
export const AttendanceCounts = Schema.Struct({
  due: Schema.Int.pipe(Schema.nonNegative()),
  present: Schema.Int.pipe(Schema.nonNegative()),
  dueVoting: Schema.Int.pipe(Schema.nonNegative()),
  presentVoting: Schema.Int.pipe(Schema.nonNegative())
})
export type AttendanceCounts = typeof AttendanceCounts.Type

/**
 * 会议 — one held meeting or activity of a branch, a party group, or a school's party organization.
 * One event may count as several kinds (a 主题党日 held as a 党员大会 counts for both). `branchId` is
 * the branch it belongs to (the group's branch for a 党小组会; the organization itself otherwise), so
 * that a subtree's meetings are one filter. Attendance is stored per member in `attendance` records;
 * the counts here keep both denominators (rules.md §0.3).
 */
export const Meeting = Schema.Struct({
  tenantId: TenantId,
  id: MeetingId,
  version: Schema.Int.pipe(Schema.positive()),
  organizationId: OrganizationId,
  branchId: OrganizationId,
  kinds: Schema.NonEmptyArray(MeetingKindId),
  date: CivilDate,
  startTime: Schema.optional(ClockTime),
  endTime: Schema.optional(ClockTime),
  place: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  chairId: Schema.NullOr(PersonId),
  lecturer: Schema.optional(Lecturer),
  topic: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
  agenda: Schema.Array(Schema.String.pipe(Schema.maxLength(500))),
  minutesRef: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
  counts: AttendanceCounts,
  /** For a school 党组织会议 or 校长办公会议: the 班子 members due and present (not party rosters). */
  bodyCounts: Schema.optional(Schema.Struct({ due: Schema.Int.pipe(Schema.nonNegative()), present: Schema.Int.pipe(Schema.nonNegative()) })),
  resolutions: Schema.Array(Resolution)
}).pipe(
  Schema.filter((m) => new Set(m.kinds).size === m.kinds.length || "a meeting lists each kind once"),
  Schema.filter((m) => localKindsKey(m.kinds).length <= 64 || "the local kinds of one meeting take at most 64 characters together")
)
export type Meeting = typeof Meeting.Type

/** 出勤状态 — present, on leave (请假, with a reason), or absent. */
export const AttendanceStatus = Schema.Literal("present", "leave", "absent")
export type AttendanceStatus = typeof AttendanceStatus.Type

/**
 * 出勤记录 — one member due at one meeting: 12 million rows a year in a province, so it carries the
 * fields to group by (organization, branch, member, month, status) and nothing personal beyond the id.
 */
export const AttendanceRecord = Schema.Struct({
  tenantId: TenantId,
  id: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)),
  version: Schema.Int.pipe(Schema.positive()),
  meetingId: MeetingId,
  memberId: PersonId,
  organizationId: OrganizationId,
  branchId: OrganizationId,
  date: CivilDate,
  status: AttendanceStatus,
  leaveReason: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  /** Whether the member had a vote that day (full, active, not under 留党察看 or 留置); a guest has none. */
  voting: Schema.Boolean,
  /** 流动党员 — set when the member attended as a guest at a host organization: the member's home branch. */
  homeBranchId: Schema.optional(OrganizationId)
})
export type AttendanceRecord = typeof AttendanceRecord.Type

/** The local kinds of a meeting as one key: sorted ids joined with `.` (`""` when none). */
export function localKindsKey(kinds: ReadonlyArray<string>): string {
  return kinds
    .filter((k) => !isNationalKind(k))
    .sort()
    .join(".")
}
