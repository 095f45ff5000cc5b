import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { fromParts } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import { loadFileFor } from "../member/member-service-support.js"
import { maskMember } from "../member/personal-data.js"
import { lastOrganizationalLifeOf, memberSignals } from "../member/signals.js"
import { leadershipRecordKind } from "../org/history-leadership.js"
import { subtreeIds } from "../org/tree.js"
import type { Finding } from "../profile/finding.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, loadOrganizationFor, todayOf } from "../service/support.js"
import { createWrite, Store } from "../store/port.js"
import { type BranchCompliance, complianceCountKeys, complianceSpan, subtreeCompliance } from "./compliance.js"
import { branchesOf, loadUnits, readHeld, viewPeriod } from "./compliance-read.js"
import { MeetingRejected } from "./errors.js"
import { guestFilesOn, loadMeetingFor, priorDiscussions } from "./meeting-reads.js"
import { expectedMeetings } from "./expected-meetings.js"
import { majorMatterFindings } from "./governance.js"
import { attendanceKind, meetingKind } from "./kinds.js"
import type { AttendanceRecord, Meeting } from "./meeting.js"
import {
  ComplianceInput,
  GetMeetingInput,
  ListMeetingsInput,
  MemberAttendanceInput,
  MemberSignalsInput,
  ParticipationInput,
  RecordMeetingInput,
  SilentBranchesInput,
  VotingMembersInput,
  YearPlanInput
} from "./meeting-service-inputs.js"
import { participationFrom, silentBranchFindings, silentWindowStart } from "./participation.js"
import { yearPlan } from "./plan.js"
import { applyPlanMoves } from "./plan-move.js"
import { ledOrganizationOn } from "./led-on.js"
import { checkMeeting } from "./record-check.js"
import { filingBranchId, votingMembersOn } from "./roster.js"

/** A meeting with its attendance rows, and flags raised on it (三重一大 decisions without prior discussion). */
export interface MeetingRecord {
  readonly meeting: Meeting
  readonly attendance: ReadonlyArray<AttendanceRecord>
  readonly findings: ReadonlyArray<Finding>
}

/** 合规报告 — the window asked about, each branch's compliance, and every finding. */
export interface ComplianceReport {
  readonly organizationId: string
  readonly from: string
  readonly to: string
  readonly asOf: string
  readonly branches: ReadonlyArray<BranchCompliance>
  readonly findings: ReadonlyArray<Finding>
}

/**
 * 会议服务 — meetings and organizational life. Every method is `(ctx, input) => Effect` needing the
 * `Store`: the input is decoded at the boundary (`InvalidInput`), the actor is authorized (an
 * organization or meeting the actor may not see is `NotFound`), the rules apply, and a refused
 * command writes nothing. Reads over a subtree are grouped aggregates, never a query per branch.
 */
export const meetingService = {
  /**
   * 记录会议 — checks the meeting against the roster and the rules (`checkMeeting`), with the chair and
   * the committee of the meeting's date from the leadership history (`ledOrganizationOn`), and writes it with
   * one attendance row per member due, atomically (`meeting.record`). Flags 三重一大 decisions made
   * without a prior 党组织会议 discussion.
   */
  recordMeeting: serviceMethod("meeting.recordMeeting", RecordMeetingInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "meeting.record")
      const branchId = filingBranchId(organization)
      const branch = organizations.find((o) => o.id === branchId) ?? organization
      const store = yield* Store
      const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: branchId })
      // The chair and the committee are those who led on the meeting's date (the leadership history).
      const ids = [...new Set([branch.id, organization.id])]
      const history = yield* store.list(leadershipRecordKind, ctx.tenantId, { organizationId: ids })
      const guests = yield* guestFilesOn(ctx, organization.id, input.date)
      const checked = yield* checkMeeting(input, {
        tenantId: ctx.tenantId,
        organization: ledOrganizationOn(organization, history, input.date),
        branch: ledOrganizationOn(branch, history, input.date),
        members,
        profile: ctx.profile,
        today: todayOf(ctx),
        guests
      })
      const written = yield* store.write(
        ctx.tenantId,
        [createWrite(meetingKind, checked.meeting), ...checked.attendance.map((a) => createWrite(attendanceKind, a))],
        auditOf(ctx, "meeting.record")
      )
      const meeting = written[0] as Meeting
      const findings = majorMatterFindings(meeting, yield* priorDiscussions(ctx, meeting), ctx.profile)
      return { meeting, attendance: written.slice(1) as unknown as ReadonlyArray<AttendanceRecord>, findings } satisfies MeetingRecord
    })
  ),

  /** 会议记录 — one meeting with its attendance and flags (`meeting.read`). */
  get: serviceMethod("meeting.get", GetMeetingInput, (ctx, input) =>
    Effect.gen(function* () {
      const { meeting } = yield* loadMeetingFor(ctx, input.meetingId)
      const store = yield* Store
      const attendance = yield* store.list(attendanceKind, ctx.tenantId, { meetingId: meeting.id })
      const findings = majorMatterFindings(meeting, yield* priorDiscussions(ctx, meeting), ctx.profile)
      return { meeting, attendance, findings } satisfies MeetingRecord
    })
  ),

  /** 会议列表 — a branch's meetings (its groups' included) or a group's, from `from` to `to`, by date then id (`meeting.read`). */
  list: serviceMethod("meeting.list", ListMeetingsInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "meeting.read")
      const store = yield* Store
      const date = { gte: input.from, lte: input.to }
      const filter = organization.kind === "partyGroup" ? { organizationId: organization.id, date } : { branchId: organization.id, date }
      const meetings = yield* store.list(meetingKind, ctx.tenantId, filter)
      return [...meetings].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1))
    })
  ),

  /**
   * 合规检查 — compliance of a branch, or of every branch of a subtree, for the view's period around
   * `on` (default today) or an explicit `from`–`to` (`report.aggregate`: counts only). A few
   * aggregate statements for the whole subtree.
   */
  compliance: serviceMethod("meeting.compliance", ComplianceInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const asOf = todayOf(ctx)
      const around = viewPeriod(input.view, input.on ?? asOf, input.schoolCalendar)
      const from = input.from ?? Option.getOrUndefined(around)?.start
      const to = input.to ?? Option.getOrUndefined(around)?.end
      if (from === undefined || to === undefined || from > to) {
        return yield* new MeetingRejected({
          meetingId: "-",
          text: { zh: "无法确定检查期间：学期视图须提供校历且日期在学期内", en: "no period to check: a semester view needs a school calendar and a date inside a term" },
          missing: "period"
        })
      }
      const root = organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id
      const ids = new Set(subtreeIds(root, organizations))
      const branches = branchesOf(organizations.filter((o) => ids.has(o.id)))
      const options = { profile: ctx.profile, from, to, asOf, ...(input.schoolCalendar === undefined ? {} : { schoolCalendar: input.schoolCalendar }) }
      const weekly = expectedMeetings(ctx.profile, to).some((e) => e.cadence === "weekly")
      const semester = expectedMeetings(ctx.profile, to).some((e) => e.cadence === "semester")
      const span = complianceSpan(options)
      const held = yield* readHeld(ctx.tenantId, branches.map((b) => b.branch.id), span, {
        weekly,
        schoolCalendar: semester ? input.schoolCalendar : undefined,
        keys: complianceCountKeys(options)
      })
      const units = yield* loadUnits(ctx.tenantId, branches, ctx.profile, span)
      const results = subtreeCompliance(units, held, options)
      return { organizationId: organization.id, from, to, asOf, branches: results, findings: results.flatMap((r) => r.findings) } satisfies ComplianceReport
    })
  ),

  /** 参与率 — each member's attendance ratio in a branch from `from` to `to`: one aggregate (`meeting.read`). */
  participation: serviceMethod("meeting.participation", ParticipationInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "meeting.read")
      const store = yield* Store
      const date = { gte: input.from, lte: input.to }
      const filter = organization.kind === "partyGroup" ? { organizationId: organization.id, date } : { branchId: organization.id, date }
      const rows = yield* store.aggregate(attendanceKind, ctx.tenantId, { groupBy: ["memberId", "status"], filter })
      return participationFrom(rows as ReadonlyArray<{ group: { memberId: string; status: string }; count: number }>)
    })
  ),

  /** 停滞支部 — branches of the subtree without organizational life for the rule's days: one aggregate (`report.aggregate`). */
  silentBranches: serviceMethod("meeting.silentBranches", SilentBranchesInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const today = todayOf(ctx)
      const ids = new Set(subtreeIds(input.organizationId, organizations))
      const branches = branchesOf(organizations.filter((o) => ids.has(o.id))).map((b) => b.branch)
      const store = yield* Store
      const rows = yield* store.aggregate(meetingKind, ctx.tenantId, {
        groupBy: ["branchId"],
        filter: { branchId: branches.map((b) => b.id), date: { gte: silentWindowStart(ctx.profile, today), lte: today } }
      })
      return silentBranchFindings(branches, new Map(rows.map((r) => [String(r.group.branchId), r.count])), ctx.profile, today)
    })
  ),

  /** 党员提示 — a member's signals, the last organizational life taken from the attendance records (`member.read`). */
  memberSignals: serviceMethod("meeting.memberSignals", MemberSignalsInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "member.read")
      const store = yield* Store
      const rows = yield* store.list(attendanceKind, ctx.tenantId, { memberId: member.id })
      const last = lastOrganizationalLifeOf(rows)
      return memberSignals(member, last === undefined ? {} : { lastOrganizationalLifeOn: last }, ctx.profile, todayOf(ctx))
    })
  ),

  /**
   * 党员出勤记录 — a member's attendance rows from `from` to `to`, wherever the member was due: at home,
   * and as a guest at a host organization while attached to it (`homeBranchId` set), so the home
   * branch sees the organizational life its mobile members keep elsewhere (`member.read` on the
   * member's file). By date, then meeting id.
   */
  memberAttendance: serviceMethod("meeting.memberAttendance", MemberAttendanceInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "member.read")
      const store = yield* Store
      const rows = yield* store.list(attendanceKind, ctx.tenantId, { memberId: member.id, date: { gte: input.from, lte: input.to } })
      return [...rows].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0))
    })
  ),

  /** 有表决权的党员 — the voting members of a branch or group on a date (`meeting.read`). */
  votingMembers: serviceMethod("meeting.votingMembers", VotingMembersInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization } = yield* loadOrganizationFor(ctx, input.organizationId, "meeting.read")
      const store = yield* Store
      const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: filingBranchId(organization) })
      // Personal data leaves the store masked (see `maskMember`).
      return votingMembersOn(members, organization, input.on, ctx.profile).map(maskMember)
    })
  ),

  /**
   * 年度计划 — the branch's year plan (deterministic), with the caller's moves applied in order; a move
   * that breaks a cadence is refused (`meeting.read`).
   */
  yearPlan: serviceMethod("meeting.yearPlan", YearPlanInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "meeting.read")
      const branchId = filingBranchId(organization)
      const branch = organizations.find((o) => o.id === branchId) ?? organization
      const year = { from: fromParts(input.year, 1, 1), to: fromParts(input.year, 12, 31) }
      const [unit] = yield* loadUnits(ctx.tenantId, branchesOf([branch, ...organizations.filter((o) => o.parentId === branch.id)]), ctx.profile, year)
      const store = yield* Store
      const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: branch.id })
      const plan = yearPlan({
        profile: ctx.profile,
        year: input.year,
        branch,
        groups: unit?.groups ?? [],
        fullMembersOn: unit?.fullMembersOn ?? (() => 0),
        ...(unit?.hasCommitteeOn === undefined ? {} : { hasCommitteeOn: unit.hasCommitteeOn }),
        members,
        today: todayOf(ctx),
        workdays: ctx.workdays,
        themeDay: { weekday: input.themeDayWeekday, week: input.themeDayWeek },
        ...(input.duesDay === undefined ? {} : { duesDay: input.duesDay }),
        ...(input.schoolCalendar === undefined ? {} : { schoolCalendar: input.schoolCalendar })
      })
      return yield* applyPlanMoves(plan, input.moves)
    })
  )
} as const
