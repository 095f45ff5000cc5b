import * as Either from "effect/Either"
import {
  type AttendanceRecord,
  type CivilDate,
  checkMeeting,
  fullMembersOn,
  type Meeting,
  type Member,
  type Organization,
  type PlanItem,
  rosterOn,
  yearPlan
} from "../internal/core.js"
import { branchMembers } from "./members.js"
import { branchOrganizations } from "./organizations.js"
import { type Rng, rngFor } from "./prng.js"
import type { BranchPlan, PlanContext, WorldPlan } from "./world.js"

/**
 * 组织生活 — a branch's year of meetings and attendance, made from core's own rules: the branch's
 * year plan (`yearPlan`: every meeting the profile requires, on a suitable day, the same
 * obligations and composition the compliance check uses), each planned meeting recorded as held
 * through core's `checkMeeting` (the check `meetingService.recordMeeting` runs: attendance is
 * exactly the roster due that day, the chair may chair, a 支委会 has its quorum), so every record is
 * one the service would have written. Stored form (version 1). Draws from its own stream
 * (`rngFor(seed, "meetings", branch)`), so it changes nothing else the generator makes.
 *
 * A few planned meetings are left out on purpose (`missed`): the gaps the year's compliance must
 * show, and nothing else.
 */
export interface BranchMeetings {
  /** The meetings held, in date order (then plan order); ids `<branch>.m001`, … */
  readonly meetings: ReadonlyArray<Meeting>
  /** One row per member due at each meeting (`<meetingId>:<n>`, in roster order). */
  readonly attendance: ReadonlyArray<AttendanceRecord>
  /** Planned meetings not held: each is one compliance gap of the year. */
  readonly missed: ReadonlyArray<MissedMeeting>
}

/** A planned meeting left out: the gap compliance reports for it (organization, kind, period and rule). */
export interface MissedMeeting {
  readonly organizationId: string
  readonly kind: string
  /** The cadence period it would have satisfied (`2025-03`, `2025-Q2`, …). */
  readonly period: string
  readonly ruleId: string
  readonly plannedOn: CivilDate
}

/** Options of {@link branchMeetings}, {@link generateMeetings} and {@link meetingChunks}: how many branches leave a meeting out, and the day of the 主题党日. */
export interface MeetingOptions {
  /**
   * The share of branches that leave out one planned 支委会, 党小组会, 主题党日 or 党员大会 (default
   * 0.1); 0 gives a year with no gap anywhere.
   */
  readonly missRate?: number
  /** 主题党日 on the `week`-th `weekday` (1 Monday … 7 Sunday) of the month; default the first Friday. */
  readonly themeDay?: { readonly weekday: number; readonly week: number }
}

/** Kinds a missed meeting is drawn from: each counts for one obligation only, so one left out is exactly one gap. */
const missable: ReadonlyArray<string> = ["committee", "partyGroup", "themeDay", "generalAssembly"]

const leaveReasons = ["外出培训", "病假", "公务出差", "事假"] as const
const topics = ["学习贯彻党的二十大精神", "师德师风建设", "落实立德树人根本任务", "党章党规学习", "学习习近平新时代中国特色社会主义思想"] as const

type Draft = Parameters<typeof checkMeeting>[0]
type RosterEntry = ReturnType<typeof rosterOn>[number]

const pad3 = (n: number) => String(n).padStart(3, "0")
const stored = <A>(record: A): A & { readonly version: 1 } => ({ ...record, version: 1 as const })

/** Attendance as the secretary would record it: most present, some on leave with a reason, a few absent; a 支委会 keeps its quorum. */
const attendanceOf = (rng: Rng, due: ReadonlyArray<RosterEntry>, committeeOnly: boolean): Draft["attendance"] => {
  const drawn = due.map((e) => {
    const r = rng.next()
    return r < 0.9
      ? { memberId: e.member.id, status: "present" as const }
      : r < 0.97
        ? { memberId: e.member.id, status: "leave" as const, leaveReason: rng.pick(leaveReasons) }
        : { memberId: e.member.id, status: "absent" as const }
  })
  const present = drawn.filter((a) => a.status === "present").length
  // More than half of the committee present (rule meeting.committee.quorum); else all came.
  if (committeeOnly && present * 2 <= drawn.length) return due.map((e) => ({ memberId: e.member.id, status: "present" as const }))
  return drawn
}

/** The plan's meeting items, in date order (then id), and the one a branch may leave out. */
const plannedMeetings = (ctx: PlanContext, branch: Organization, groups: ReadonlyArray<Organization>, members: ReadonlyArray<Member>, options: MeetingOptions) => {
  const counted = new Map<string, number>()
  const plan = yearPlan({
    profile: ctx.profile,
    year: ctx.year,
    branch,
    groups,
    fullMembersOn: (date) => {
      const known = counted.get(date)
      if (known !== undefined) return known
      const n = fullMembersOn(members, branch, date, ctx.profile)
      counted.set(date, n)
      return n
    },
    today: ctx.asOf,
    workdays: ctx.workdays,
    themeDay: options.themeDay ?? { weekday: 5, week: 1 }
  })
  return plan.items.filter((i): i is PlanItem & { meetingKind: string } => i.type === "meeting" && i.meetingKind !== undefined && i.date <= ctx.asOf)
}

/** One branch's year of meetings and attendance (see {@link BranchMeetings}). */
export const branchMeetings = (
  ctx: PlanContext,
  b: BranchPlan,
  members: ReadonlyArray<Member>,
  options: MeetingOptions = {}
): BranchMeetings => {
  const rng = rngFor(ctx.seed, "meetings", b.index)
  const [branch, ...groups] = branchOrganizations(ctx, b) as [Organization, ...Array<Organization>]
  const byId = new Map<string, Organization>([branch, ...groups].map((o) => [o.id, o]))
  const items = plannedMeetings(ctx, branch, groups, members, options)
  const missRate = options.missRate ?? 0.1
  const candidates = items.filter((i) => missable.includes(i.meetingKind))
  const left = rng.chance(missRate) && candidates.length > 0 ? rng.pick(candidates) : undefined
  const committee = new Set<string>(branch.leadership.committeeMemberIds)
  const secretary = branch.leadership.secretaryId
  const meetings: Array<Meeting> = []
  const attendance: Array<AttendanceRecord> = []
  for (const item of items) {
    if (item === left) continue
    const organization = byId.get(item.organizationId)!
    const roster = rosterOn(members, organization, item.date, ctx.profile)
    const committeeOnly = item.meetingKind === "committee"
    const due = committeeOnly ? roster.filter((e) => committee.has(e.member.id)) : roster
    const lecture = item.meetingKind === "lecture"
    const speaker = !lecture ? undefined : item.speaker === "secretary" || due.length === 0 ? undefined : rng.pick(due).member
    const lecturer = !lecture
      ? undefined
      : speaker !== undefined
        ? { personId: speaker.id, name: speaker.name }
        : secretary !== null
          ? { personId: secretary, name: members.find((m) => m.id === secretary)?.name ?? "支部书记" }
          : { name: "上级党委宣讲员" }
    const draft: Draft = {
      id: `${b.id}.m${pad3(meetings.length + 1)}` as Draft["id"],
      organizationId: organization.id,
      kinds: [item.meetingKind] as unknown as Draft["kinds"],
      date: item.date,
      ...(item.startTime === undefined ? {} : { startTime: item.startTime }),
      ...(item.endTime === undefined ? {} : { endTime: item.endTime }),
      place: "学校党员活动室",
      chairId: organization.kind === "partyGroup" ? organization.leadership.secretaryId : secretary,
      delegatedBySecretary: false,
      ...(lecturer === undefined ? {} : { lecturer }),
      ...(lecture || item.meetingKind === "themeDay" ? { topic: rng.pick(topics) } : {}),
      agenda: [item.title.zh],
      attendance: attendanceOf(rng, due, committeeOnly),
      resolutions: []
    }
    const checked = checkMeeting(draft, { tenantId: branch.tenantId, organization, branch, members, profile: ctx.profile, today: ctx.asOf })
    if (Either.isLeft(checked)) throw new Error(`generated meeting ${draft.id} (${item.id}) was refused: ${checked.left.message}`)
    meetings.push(stored(checked.right.meeting))
    for (const a of checked.right.attendance) attendance.push(stored(a))
  }
  const missed: ReadonlyArray<MissedMeeting> =
    left === undefined ? [] : [{ organizationId: left.organizationId, kind: left.meetingKind, period: left.period!.label, ruleId: left.ruleId, plannedOn: left.date }]
  return { meetings, attendance, missed }
}

/** One branch with its records and its year of meetings. */
export interface GeneratedBranchMeetings extends BranchMeetings {
  readonly plan: BranchPlan
  /** The branch, then its party groups. */
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

/** The branches one at a time, each with its members and its year of meetings: memory stays that of one branch. */
export function* generateMeetings(plan: WorldPlan, options: MeetingOptions = {}): Generator<GeneratedBranchMeetings> {
  for (const b of plan.branches) {
    const members = branchMembers(plan, b)
    yield { plan: b, organizations: branchOrganizations(plan, b), members, ...branchMeetings(plan, b, members, options) }
  }
}

/** A chunk of whole branches' meetings: at most about `size` meeting and attendance records together. */
export interface MeetingChunk {
  /** The branches whose year this chunk holds, in plan order. */
  readonly branchIds: ReadonlyArray<string>
  readonly meetings: ReadonlyArray<Meeting>
  readonly attendance: ReadonlyArray<AttendanceRecord>
  readonly missed: ReadonlyArray<MissedMeeting>
}

/**
 * The year of meetings of every branch in chunks of whole branches, about `size` records each
 * (meetings and attendance together; default 50,000): a province — about 570,000 meetings and 8.9
 * million attendance rows (a 支委会 or 党小组会 is attended by its own members only) — streams through a
 * store or a computation without ever being in memory.
 */
export function* meetingChunks(plan: WorldPlan, size = 50_000, options: MeetingOptions = {}): Generator<MeetingChunk> {
  let chunk = { branchIds: [] as Array<string>, meetings: [] as Array<Meeting>, attendance: [] as Array<AttendanceRecord>, missed: [] as Array<MissedMeeting> }
  for (const b of plan.branches) {
    const year = branchMeetings(plan, b, branchMembers(plan, b), options)
    chunk.branchIds.push(b.id)
    chunk.meetings.push(...year.meetings)
    for (const a of year.attendance) chunk.attendance.push(a)
    chunk.missed.push(...year.missed)
    if (chunk.meetings.length + chunk.attendance.length >= size) {
      yield chunk
      chunk = { branchIds: [], meetings: [], attendance: [], missed: [] }
    }
  }
  if (chunk.branchIds.length > 0) yield chunk
}
