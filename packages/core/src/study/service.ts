import * as Effect from "effect/Effect"
import type { CivilDate } from "../calendar/civil-date.js"
import { attendanceKind, meetingKind } from "../meeting/kinds.js"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import { loadFileFor } from "../member/member-service-support.js"
import type { Organization } from "../org/organization.js"
import type { CommandContext } from "../service/context.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, createRecord, loadOrganizationFor } from "../service/support.js"
import { createWrite, Store } from "../store/port.js"
import { StudyRejected } from "./errors.js"
import { studyCreditKind, studyExcusalKind, studyPlanKind } from "./kinds.js"
import { type SessionAttendee, sessionCredits, type StudySession, type StudyStatus, studyStatus, type StudyTotals } from "./ledger.js"
import type { StudyCredit } from "./records.js"
import {
  BranchStudyInput,
  CreditMeetingInput,
  CreditSessionInput,
  MemberStudyInput,
  PlanStudyInput,
  RecordCreditInput,
  RecordExcusalInput
} from "./service-inputs.js"

/** The branch whose roll a member of `organization` is on (a 党小组's members are filed under its branch). */
const rollOf = (organization: Organization): string => (organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id)

const isOnRoll = (m: Member): boolean => m.status === "active" && (m.stage === "probationary" || m.stage === "full")

/** Secretary, deputies and committee members: their target is `study.leader.annualHours`. */
const leadersOf = (organization: Organization): ReadonlySet<string> =>
  new Set([...(organization.leadership.secretaryId === null ? [] : [organization.leadership.secretaryId]), ...organization.leadership.deputySecretaryIds, ...organization.leadership.committeeMemberIds])

/** Credits a session: members not on the roll are refused; members already credited for it are skipped. */
const credit = (ctx: CommandContext, session: StudySession, attendance: ReadonlyArray<SessionAttendee>) =>
  Effect.gen(function* () {
    const { organization } = yield* loadOrganizationFor(ctx, session.organizationId, "study.record")
    const store = yield* Store
    const roll = yield* store.list(memberKind, ctx.tenantId, { organizationId: rollOf(organization) })
    const onRoll = new Map(roll.filter(isOnRoll).map((m) => [m.id as string, m]))
    const strangers = attendance.filter((a) => a.status === "present" && !onRoll.has(a.memberId)).map((a) => a.memberId)
    if (strangers.length > 0)
      return yield* new StudyRejected({
        subjectId: session.id,
        text: { zh: `${strangers.join("、")} 不在本支部党员名册中`, en: `${strangers.join(", ")} are not on the branch's roll` },
        missing: `member ${strangers[0]}`
      })
    const already = new Set((yield* store.list(studyCreditKind, ctx.tenantId, { sessionId: session.id })).map((c) => c.memberId as string))
    const credits = sessionCredits(ctx.tenantId, session, attendance, (id) => onRoll.get(id)!.organizationId, ctx.profile).filter((c) => !already.has(c.memberId))
    const written = credits.length === 0 ? [] : yield* store.write(ctx.tenantId, credits.map((c) => createWrite(studyCreditKind, c)), auditOf(ctx, "study.record"))
    return { credited: written as ReadonlyArray<StudyCredit>, alreadyCredited: [...already].sort() }
  })

const totalsBy = (rows: ReadonlyArray<{ readonly group: { readonly memberId: string }; readonly sums: { readonly tenths: number; readonly centralized: number } }>) =>
  new Map<string, StudyTotals>(rows.map((r) => [r.group.memberId, { tenths: r.sums.tenths, centralized: r.sums.centralized }]))

/**
 * 学时服务 — one ledger per member, credited from attended sessions (once per session), trainings,
 * party-school courses and other recognized study; targets, gaps and plans per branch. Hours are
 * tenths of a 学时. Methods decode their input, authorize (`study.record`, `study.read`) and write
 * nothing when refused.
 */
export const studyService = {
  /** 组织生活计学时 — credits the members present at a session, each once (`study.record`). */
  creditSession: serviceMethod("study.creditSession", CreditSessionInput, (ctx, input) => credit(ctx, input.session, input.attendance)),

  /** 会议计学时 — credits a stored meeting from its stored attendance (`study.record`). */
  creditMeeting: serviceMethod("study.creditMeeting", CreditMeetingInput, (ctx, input) =>
    Effect.gen(function* () {
      const store = yield* Store
      const meeting = yield* store.get(meetingKind, ctx.tenantId, input.meetingId)
      const attendance = yield* store.list(attendanceKind, ctx.tenantId, { meetingId: meeting.id })
      return yield* credit(
        ctx,
        { id: meeting.id, kinds: meeting.kinds, date: meeting.date, organizationId: meeting.organizationId, title: meeting.topic },
        attendance
      )
    })
  ),

  /** 培训、党校、认定学习 — hours for one member (`study.record`). */
  recordCredit: serviceMethod("study.recordCredit", RecordCreditInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "study.record")
      const { id, on, source, tenths, centralized, title } = input
      return yield* createRecord(
        ctx,
        studyCreditKind,
        { tenantId: ctx.tenantId, id, memberId: member.id, organizationId: member.organizationId, year: Number(on.slice(0, 4)), on, source, sessionId: null, tenths, centralized, title },
        "study.record"
      )
    })
  ),

  /** 学习计划 — an item planned for one member (`study.record`). */
  plan: serviceMethod("study.plan", PlanStudyInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "study.record")
      const { id, plannedOn, tenths, centralized, title } = input
      return yield* createRecord(
        ctx,
        studyPlanKind,
        { tenantId: ctx.tenantId, id, memberId: member.id, organizationId: member.organizationId, year: Number(plannedOn.slice(0, 4)), plannedOn, tenths, centralized, title },
        "study.record"
      )
    })
  ),

  /** 免于学时要求 — the branch's decision that a member is excused for a year (`study.record`). */
  recordExcusal: serviceMethod("study.recordExcusal", RecordExcusalInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "study.record")
      return yield* createRecord(ctx, studyExcusalKind, { ...input, tenantId: ctx.tenantId, memberId: member.id, organizationId: member.organizationId }, "study.record")
    })
  ),

  /** 个人学时台账 — one member's credits of the year and their status (`study.read`; a member reads their own). */
  memberLedger: serviceMethod("study.memberLedger", MemberStudyInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member, organizations } = yield* loadFileFor(ctx, input.memberId, "study.read")
      const store = yield* Store
      const filter = { memberId: member.id, year: input.year }
      const credits = yield* store.list(studyCreditKind, ctx.tenantId, filter)
      const plans = yield* store.list(studyPlanKind, ctx.tenantId, filter)
      const excusals = yield* store.list(studyExcusalKind, ctx.tenantId, filter)
      const sum = (rows: ReadonlyArray<{ readonly tenths: number; readonly centralized: boolean }>): StudyTotals => ({
        tenths: rows.reduce((t, r) => t + r.tenths, 0),
        centralized: rows.filter((r) => r.centralized).length
      })
      const branch = organizations.find((o) => o.id === member.organizationId)
      const [status] = studyStatus(
        [{ memberId: member.id, leader: branch !== undefined && leadersOf(branch).has(member.id) }],
        new Map([[member.id as string, sum(credits)]]),
        new Map([[member.id as string, sum(plans)]]),
        new Set(excusals.map((e) => e.memberId as string)),
        ctx.profile,
        `${input.year}-12-31` as CivilDate
      )
      return { credits, plans, status: status! }
    })
  ),

  /**
   * 支部学时情况 — every member on the branch's roll: target, credited, planned, gap, excused. Credits
   * and plans come from two grouped aggregates (`study.read`).
   */
  branchStatus: serviceMethod("study.branchStatus", BranchStudyInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization, organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "study.read")
      const store = yield* Store
      const branchId = rollOf(organization)
      const branch = organizations.find((o) => o.id === branchId) ?? organization
      const roll = (yield* store.list(memberKind, ctx.tenantId, { organizationId: branchId })).filter(isOnRoll)
      const filter = { organizationId: branchId, year: input.year }
      const credited = yield* store.aggregate(studyCreditKind, ctx.tenantId, { groupBy: ["memberId"], filter, sum: ["tenths", "centralized"] })
      const planned = yield* store.aggregate(studyPlanKind, ctx.tenantId, { groupBy: ["memberId"], filter, sum: ["tenths", "centralized"] })
      const excusals = yield* store.list(studyExcusalKind, ctx.tenantId, filter)
      const leaders = leadersOf(branch)
      const lines: ReadonlyArray<StudyStatus> = studyStatus(
        roll.map((m) => ({ memberId: m.id, leader: leaders.has(m.id) })),
        totalsBy(credited),
        totalsBy(planned),
        new Set(excusals.map((e) => e.memberId as string)),
        ctx.profile,
        `${input.year}-12-31` as CivilDate
      )
      return { organizationId: branchId, year: input.year, members: lines, behind: lines.filter((l) => l.status === "behind").length }
    })
  )
} as const
