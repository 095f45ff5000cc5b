import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { PersonId, TenantId } from "../tenant/ids.js"
import type { MobileAttachment } from "../transfer/mobile.js"
import { type ChairedMeeting, type ChairRole, mayChair } from "./chair.js"
import { MeetingRejected } from "./errors.js"
import { localMeetingKinds } from "./local-kind.js"
import { type AttendanceRecord, isNationalKind, type Meeting } from "./meeting.js"
import type { RecordMeetingInput } from "./meeting-service-inputs.js"
import { checkAssemblyResolutions, checkQuorum, decidesKeyMatters } from "./quorum-check.js"
import { type GuestEntry, rosterWithGuestsOn } from "./guests.js"
import { filingBranchId, type RosterEntry } from "./roster.js"

type Draft = typeof RecordMeetingInput.Type

/** What recording a meeting needs to know besides the input. */
export interface MeetingCheckContext {
  readonly tenantId: TenantId
  readonly organization: Organization
  /** The branch the organization belongs to (itself for a branch or a school body). */
  readonly branch: Organization
  /** The member files filed under the branch. */
  readonly members: ReadonlyArray<Member>
  readonly profile: RuleProfile
  readonly today: CivilDate
  /** Mobile members attached to the organization (`mobileAttachmentKind`) and their files: due as guests. */
  readonly guests?: { readonly attachments: ReadonlyArray<MobileAttachment>; readonly files: ReadonlyArray<Member> }
}

/** A checked meeting and its attendance rows, ready to be written (versions set by the store). */
export interface CheckedMeeting {
  readonly meeting: Omit<Meeting, "version">
  readonly attendance: ReadonlyArray<Omit<AttendanceRecord, "version">>
}

const governanceKinds: ReadonlyArray<string> = ["partyOrganizationMeeting", "principalOfficeMeeting"]

const reject = (meetingId: string, text: Message, missing?: string) =>
  Either.left(new MeetingRejected({ meetingId, text, ...(missing === undefined ? {} : { missing }) }))

const chairRole = (chairId: PersonId, org: Organization, branch: Organization): ChairRole => {
  if (org.kind === "partyGroup") return org.leadership.secretaryId === chairId ? "groupLeader" : "other"
  const l = branch.leadership
  if (l.secretaryId === chairId) return "secretary"
  if (l.deputySecretaryIds.includes(chairId)) return "deputySecretary"
  if (l.committeeMemberIds.includes(chairId)) return "committeeMember"
  return "other"
}

/** Kinds the profile knows on the date: every national kind, and local kinds in force. */
const unknownKinds = (kinds: ReadonlyArray<string>, profile: RuleProfile, on: CivilDate): ReadonlyArray<string> => {
  const local = new Set(localMeetingKinds(profile).filter((k) => k.effectiveFrom <= on).map((k) => k.id))
  return kinds.filter((k) => !isNationalKind(k) && !local.has(k))
}

/** Who is due: the committee members on the roster for a committee-only meeting, else the whole roster with its guests. */
const dueOf = (draft: Draft, ctx: MeetingCheckContext): ReadonlyArray<RosterEntry | GuestEntry> => {
  const roster = rosterWithGuestsOn(ctx.members, ctx.organization, draft.date, ctx.profile, ctx.guests)
  const committeeOnly = draft.kinds.every((k) => k === "committee")
  return committeeOnly ? roster.filter((e) => ctx.branch.leadership.committeeMemberIds.includes(e.member.id)) : roster
}

const checkAttendance = (draft: Draft, due: ReadonlyArray<RosterEntry | GuestEntry>): Either.Either<void, MeetingRejected> => {
  const dueIds = new Set(due.map((e) => e.member.id))
  const seen = new Set<string>()
  for (const a of draft.attendance) {
    if (seen.has(a.memberId)) return reject(draft.id, { zh: `出勤名单中${a.memberId}出现两次`, en: `member ${a.memberId} appears twice in the attendance` })
    seen.add(a.memberId)
    if (!dueIds.has(a.memberId)) {
      return reject(draft.id, {
        zh: `${a.memberId}在${draft.date}不是应到会党员（不在该组织当日名册中）`,
        en: `${a.memberId} is not due at this meeting: not on the organization's roster on ${draft.date}`
      })
    }
    if (a.status === "leave" && a.leaveReason === undefined) {
      return reject(draft.id, { zh: `${a.memberId}请假须注明原因`, en: `member ${a.memberId} is on leave: give the reason` }, `leaveReason ${a.memberId}`)
    }
  }
  const missing = due.find((e) => !seen.has(e.member.id))
  if (missing !== undefined) {
    return reject(
      draft.id,
      { zh: `出勤名单缺少应到会党员${missing.member.name}（${missing.member.id}）`, en: `the attendance lacks ${missing.member.id}, who was due at the meeting` },
      `member ${missing.member.id}`
    )
  }
  return Either.void
}

const checkChair = (draft: Draft, ctx: MeetingCheckContext): Either.Either<void, MeetingRejected> => {
  if (draft.chairId === null) return Either.void
  const role = chairRole(draft.chairId, ctx.organization, ctx.branch)
  for (const kind of draft.kinds) {
    if (kind !== "generalAssembly" && kind !== "committee" && kind !== "partyGroup") continue
    const { allowed, rule } = mayChair(kind as ChairedMeeting, role, draft.delegatedBySecretary, ctx.profile, draft.date)
    if (!allowed) {
      return Either.left(
        new MeetingRejected({
          meetingId: draft.id,
          ...refusedBy(rule, {
            zh: `${draft.chairId}不能主持该会议（${kind}）：须由${kind === "partyGroup" ? "党小组组长" : "支部书记或受其委托的副书记、委员"}主持`,
            en: `${draft.chairId} may not chair this ${kind} meeting: ${kind === "partyGroup" ? "the group leader chairs it" : "the secretary, or the deputy or a committee member the secretary asked, chairs it"}`
          })
        })
      )
    }
  }
  return Either.void
}

/** A school 党组织会议 or 校长办公会议: 班子 counts, quorum (⅔ for key matters), votes within those present. */
const checkGovernance = (draft: Draft, ctx: MeetingCheckContext): Either.Either<{ due: number; present: number }, MeetingRejected> => {
  if (draft.kinds.some((k) => !governanceKinds.includes(k))) {
    return reject(draft.id, { zh: "学校党组织会议、校长办公会议不能与支部会议合并记录", en: "a school governance meeting cannot also count as a branch meeting" })
  }
  if (draft.bodyCounts === undefined || draft.bodyCounts.present > draft.bodyCounts.due) {
    return reject(draft.id, { zh: "须填写班子成员应到、实到人数（实到不超过应到）", en: "give the governing body's due and present counts (present at most due)" }, "bodyCounts")
  }
  const { due, present } = draft.bodyCounts
  for (const body of draft.kinds as ReadonlyArray<"partyOrganizationMeeting" | "principalOfficeMeeting">) {
    const key = body === "partyOrganizationMeeting" && decidesKeyMatters(draft.resolutions, ctx.profile, draft.date)
    const q = checkQuorum(draft.id, body, due, present, key, ctx.profile, draft.date)
    if (Either.isLeft(q)) return Either.left(q.left)
  }
  const over = draft.resolutions.find((r) => r.votes.yes + r.votes.no + r.votes.abstain > present)
  if (over !== undefined) return reject(draft.id, { zh: `决议“${over.title}”票数多于实到人数`, en: `resolution "${over.title}" has more votes than members present` })
  return Either.right({ due, present })
}

/**
 * 会议记录检查 — checks a meeting as recorded and builds its records: the date is not after today;
 * every kind is national or a local kind in force; the attendance is exactly the roster due that day
 * with the mobile members attached that day as guests without a vote (for a committee-only meeting,
 * the committee members on it), each on-leave entry with its reason;
 * the chair may chair it; a 支委会 had its quorum; a 党员大会 that voted had its quorum and each passed
 * resolution its threshold; a school governance meeting had its quorum (⅔ for cadre matters).
 * The first problem found is the refusal.
 */
export const checkMeeting = (draft: Draft, ctx: MeetingCheckContext): Either.Either<CheckedMeeting, MeetingRejected> =>
  Either.gen(function* () {
    const { id, date, kinds } = draft
    if (date > ctx.today) {
      return yield* reject(id, { zh: `会议日期${date}晚于今天${ctx.today}：计划中的会议请放在年度计划中`, en: `the meeting date ${date} is after today (${ctx.today}): planned meetings belong in the year plan` })
    }
    const unknown = unknownKinds(kinds, ctx.profile, date)
    if (unknown.length > 0) return yield* reject(id, { zh: `规则配置中没有会议类型${unknown.join("、")}`, en: `the profile has no meeting kind ${unknown.join(", ")}` })
    const isGroup = ctx.organization.kind === "partyGroup"
    if (kinds.includes("partyGroup") !== isGroup) {
      return yield* reject(id, { zh: "党小组会只能记在党小组下，党小组只记录党小组会", en: "a party group meeting is recorded on a party group, and a party group records only party group meetings" })
    }
    const branchId = filingBranchId(ctx.organization)
    const base = {
      tenantId: ctx.tenantId,
      id,
      organizationId: ctx.organization.id,
      branchId,
      kinds,
      date,
      ...(draft.startTime === undefined ? {} : { startTime: draft.startTime }),
      ...(draft.endTime === undefined ? {} : { endTime: draft.endTime }),
      ...(draft.place === undefined ? {} : { place: draft.place }),
      chairId: draft.chairId,
      ...(draft.topic === undefined ? {} : { topic: draft.topic }),
      agenda: draft.agenda,
      ...(draft.minutesRef === undefined ? {} : { minutesRef: draft.minutesRef }),
      resolutions: draft.resolutions
    }
    if (kinds.some((k) => governanceKinds.includes(k))) {
      const body = yield* checkGovernance(draft, ctx)
      if (draft.attendance.length > 0) return yield* reject(id, { zh: "班子会议只记应到、实到人数", en: "a governance meeting records the body's counts, not member attendance" })
      return { meeting: { ...base, counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 }, bodyCounts: body }, attendance: [] }
    }
    if (kinds.includes("lecture") && (draft.lecturer === undefined || draft.topic === undefined)) {
      return yield* reject(id, { zh: "党课须记录授课人和题目", en: "a party lecture records its lecturer and topic" }, draft.lecturer === undefined ? "lecturer" : "topic")
    }
    const due = dueOf(draft, ctx)
    yield* checkAttendance(draft, due)
    yield* checkChair(draft, ctx)
    const status = new Map(draft.attendance.map((a) => [a.memberId, a] as const))
    const present = due.filter((e) => status.get(e.member.id)?.status === "present")
    const counts = {
      due: due.length,
      present: present.length,
      dueVoting: due.filter((e) => e.voting).length,
      presentVoting: present.filter((e) => e.voting).length
    }
    if (kinds.includes("committee")) {
      const committee = due.filter((e) => ctx.branch.leadership.committeeMemberIds.includes(e.member.id))
      const here = committee.filter((e) => status.get(e.member.id)?.status === "present").length
      yield* checkQuorum(id, "committee", committee.length, here, false, ctx.profile, date)
    }
    if (kinds.includes("generalAssembly") && draft.resolutions.length > 0) {
      yield* checkQuorum(id, "generalAssembly", counts.dueVoting, counts.presentVoting, false, ctx.profile, date)
      yield* checkAssemblyResolutions(id, draft.resolutions, counts.dueVoting, counts.presentVoting, ctx.profile, date)
    } else {
      const over = draft.resolutions.find((r) => r.votes.yes + r.votes.no + r.votes.abstain > counts.present)
      if (over !== undefined) return yield* reject(id, { zh: `决议“${over.title}”票数多于实到人数`, en: `resolution "${over.title}" has more votes than members present` })
    }
    const lecturer =
      draft.lecturer === undefined
        ? {}
        : { lecturer: { ...draft.lecturer, isSecretary: draft.lecturer.personId !== undefined && draft.lecturer.personId === ctx.branch.leadership.secretaryId } }
    const attendance = due.map((e, i) => {
      const a = status.get(e.member.id)!
      return {
        tenantId: ctx.tenantId,
        id: `${id}:${i + 1}`,
        meetingId: id,
        memberId: e.member.id,
        organizationId: ctx.organization.id,
        branchId,
        date,
        status: a.status,
        ...(a.leaveReason === undefined ? {} : { leaveReason: a.leaveReason }),
        voting: e.voting,
        ...("homeBranchId" in e ? { homeBranchId: e.homeBranchId } : {})
      }
    })
    const checked: CheckedMeeting = { meeting: { ...base, ...lecturer, counts }, attendance }
    return checked
  })
