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
import { subtreeIds } from "../org/tree.js"
import { createWrite, Store } from "../store/port.js"
import { mobileAttachmentKind } from "../transfer/kinds.js"
import { hostOn } from "../transfer/mobile.js"
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
  RecordExcusalInput,
  SubtreeStudyInput
} from "./service-inputs.js"

/** The branch whose roll a member of `organization` is on (a 党小组's members are filed under its branch). */
const rollOf = (organization: Organization): string => (organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id)

const isOnRoll = (m: Member): boolean => m.status === "active" && (m.stage === "probationary" || m.stage === "full")

/** Secretary, deputies and committee members: their target is `study.leader.annualHours`. */
const leadersOf = (organization: Organization): ReadonlySet<string> =>
  new Set([...(organization.leadership.secretaryId === null ? [] : [organization.leadership.secretaryId]), ...organization.leadership.deputySecretaryIds, ...organization.leadership.committeeMemberIds])

/**
 * The mobile members (流动党员) among `guests` attached to `hostId` on `on`: on the roll of their own
 * branch, they study at the host and are credited in their own ledger.
 */
const visitorsOf = (ctx: CommandContext, hostId: string, guests: ReadonlyArray<string>, on: CivilDate) =>
  Effect.gen(function* () {
    if (guests.length === 0) return new Map<string, Member>()
    const store = yield* Store
    const attachments = yield* store.list(mobileAttachmentKind, ctx.tenantId, { hostOrganizationId: hostId })
    const attached = guests.filter((id) => hostOn(attachments, id, on)?.host.organizationId === hostId)
    const files = yield* Effect.forEach(attached, (id) => store.get(memberKind, ctx.tenantId, id))
    return new Map(files.filter(isOnRoll).map((m) => [m.id as string, m]))
  })

/**
 * Credits a session: members not on the roll are refused, except mobile members attached to the
 * branch on the session's day, who are credited in their own branch's ledger; members already
 * credited for it are skipped.
 */
const credit = (ctx: CommandContext, session: StudySession, attendance: ReadonlyArray<SessionAttendee>) =>
  Effect.gen(function* () {
    const { organization } = yield* loadOrganizationFor(ctx, session.organizationId, "study.record")
    const store = yield* Store
    const roll = yield* store.list(memberKind, ctx.tenantId, { organizationId: rollOf(organization) })
    const onRoll = new Map(roll.filter(isOnRoll).map((m) => [m.id as string, m]))
    const guests = [...new Set(attendance.filter((a) => a.status === "present" && !onRoll.has(a.memberId)).map((a) => a.memberId))]
    for (const [id, m] of yield* visitorsOf(ctx, rollOf(organization), guests, session.date)) onRoll.set(id, m)
    const strangers = guests.filter((id) => !onRoll.has(id))
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
  /**
   * 组织生活计学时 — credits the members present at a session, each once (`study.record`); a mobile
   * member attached to the branch that day is credited in their own branch's ledger.
   */
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
  ),

  /**
   * 学时汇总 — for a school or county: per organization of the subtree, members on the roll, how many
   * met their target, are behind or excused, and the tenths credited; rolled up so each total is
   * the sum of its parts. Two grouped aggregates and the year's excusals, whatever the number
   * of branches; counts only, no member (`report.aggregate`).
   */
  subtreeStatus: serviceMethod("study.subtreeStatus", SubtreeStudyInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const ids = [...subtreeIds(input.organizationId, organizations)]
      const store = yield* Store
      const roll = yield* store.aggregate(memberKind, ctx.tenantId, { groupBy: ["organizationId"], filter: { organizationId: ids, status: "active", stage: ["probationary", "full"] } })
      const perMember = yield* store.aggregate(studyCreditKind, ctx.tenantId, { groupBy: ["organizationId", "memberId"], filter: { organizationId: ids, year: input.year }, sum: ["tenths", "centralized"] })
      const excusals = yield* store.list(studyExcusalKind, ctx.tenantId, { organizationId: ids, year: input.year })
      const byId = new Map(organizations.map((o) => [o.id as string, o]))
      const excused = new Set(excusals.map((e) => e.memberId as string))
      const own = new Map<string, SubtreeFigures>()
      const at = (id: string) => own.get(id) ?? { members: 0, met: 0, behind: 0, excused: 0, creditedTenths: 0 }
      for (const r of roll) own.set(r.group.organizationId, { ...at(r.group.organizationId), members: r.count })
      const byOrganization = new Map<string, Array<{ readonly memberId: string; readonly leader: boolean }>>()
      for (const r of perMember) {
        const org = byId.get(r.group.organizationId)
        const list = byOrganization.get(r.group.organizationId) ?? []
        list.push({ memberId: r.group.memberId, leader: org !== undefined && leadersOf(org).has(r.group.memberId) })
        byOrganization.set(r.group.organizationId, list)
      }
      const credited = totalsBy(perMember)
      for (const [orgId, people] of byOrganization) {
        const lines = studyStatus(people, credited, new Map(), excused, ctx.profile, `${input.year}-12-31` as CivilDate)
        const f = at(orgId)
        own.set(orgId, { ...f, met: lines.filter((l) => l.status === "met").length, creditedTenths: lines.reduce((t, l) => t + l.credited.tenths, 0) })
      }
      for (const e of excusals) own.set(e.organizationId, { ...at(e.organizationId), excused: at(e.organizationId).excused + 1 })
      for (const [id, f] of own) own.set(id, { ...f, behind: Math.max(0, f.members - f.met - f.excused) })
      const children = new Map<string, Array<string>>()
      for (const id of ids) {
        const parent = byId.get(id)?.parentId
        if (id === input.organizationId || parent == null) continue
        const siblings = children.get(parent)
        if (siblings === undefined) children.set(parent, [id])
        else siblings.push(id)
      }
      const total = (id: string): SubtreeFigures =>
        (children.get(id) ?? []).map(total).reduce(
          (a, b) => ({ members: a.members + b.members, met: a.met + b.met, behind: a.behind + b.behind, excused: a.excused + b.excused, creditedTenths: a.creditedTenths + b.creditedTenths }),
          at(id)
        )
      return { organizationId: input.organizationId, year: input.year, organizations: ids.map((id) => ({ organizationId: id, ...total(id) })) }
    })
  )
} as const

/** One organization's study figures in {@link studyService.subtreeStatus} (its own and everything below it). */
export interface SubtreeFigures {
  readonly members: number
  readonly met: number
  readonly behind: number
  readonly excused: number
  readonly creditedTenths: number
}
