import type { CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { derivedId } from "../tenant/derived-id.js"
import type { StudyCredit } from "./records.js"
import { leaderAnnualHoursRule, memberAnnualHoursRule, sessionHoursRule } from "./rules-hours.js"

/**
 * 场次 — an organizational-life session as study credits need it: the meeting's id, the kinds it
 * counts as, its date and organization. A `meeting` record fits (see `studyService.creditMeeting`),
 * and so does any other source of sessions.
 */
export interface StudySession {
  readonly id: string
  readonly kinds: ReadonlyArray<string>
  readonly date: CivilDate
  readonly organizationId: string
  readonly title?: string | undefined
}

/** One member's attendance at a session (the `attendance` record's shape). */
export interface SessionAttendee {
  readonly memberId: string
  readonly status: "present" | "leave" | "absent"
}

/** The id of a member's credit for a session: one per session and member. */
export const sessionCreditId = (sessionId: string, memberId: string): string => derivedId(sessionId, memberId)

/** The tenths a session earns under `study.session.hours`: the largest figure of its kinds, once. */
export const sessionTenths = (session: StudySession, profile: RuleProfile): { readonly tenths: number; readonly rule: ResolvedRule } => {
  const rule = ruleAt(profile, sessionHoursRule, session.date)
  const tenths = Math.max(0, ...session.kinds.map((k) => rule.parameters.byKind[k] ?? 0))
  return { tenths, rule }
}

/**
 * 组织生活学时 — the credits a session gives: one per member present (each member once, however often
 * listed), none for a session whose kinds earn nothing. `organizationOf` places each member's credit
 * in their branch.
 */
export const sessionCredits = (
  tenantId: string,
  session: StudySession,
  attendance: ReadonlyArray<SessionAttendee>,
  organizationOf: (memberId: string) => string,
  profile: RuleProfile
): ReadonlyArray<Omit<StudyCredit, "version">> => {
  const { tenths } = sessionTenths(session, profile)
  if (tenths === 0) return []
  const present = [...new Set(attendance.filter((a) => a.status === "present").map((a) => a.memberId))]
  return present.map((memberId) => ({
    tenantId: tenantId as StudyCredit["tenantId"],
    id: sessionCreditId(session.id, memberId),
    memberId: memberId as StudyCredit["memberId"],
    organizationId: organizationOf(memberId) as StudyCredit["organizationId"],
    year: Number(session.date.slice(0, 4)),
    on: session.date,
    source: "session" as const,
    sessionId: session.id,
    tenths,
    centralized: false,
    title: session.title ?? session.kinds.join("+")
  }))
}

/** Credited or planned totals of one member: tenths, and how many count as centralized training. */
export interface StudyTotals {
  readonly tenths: number
  readonly centralized: number
}

const none: StudyTotals = { tenths: 0, centralized: 0 }

/** 学时情况 — one member's year against the target. */
export interface StudyStatus {
  readonly memberId: string
  readonly leader: boolean
  readonly target: StudyTotals
  readonly credited: StudyTotals
  readonly planned: StudyTotals
  /** Tenths still missing (0 when the hours are met). */
  readonly gap: number
  /** True when the planned items would close every gap (hours and centralized trainings). */
  readonly plannedClosesGap: boolean
  /** Excused under rules.md 7.6: shown, never counted as failing. */
  readonly excused: boolean
  readonly status: "met" | "behind" | "excused"
  /** The target's rule (`study.member.annualHours` or `study.leader.annualHours`). */
  readonly rule: ResolvedRule
}

/**
 * 学时差距 — each member's year: the target (56 学时 and a centralized training for the secretary and
 * committee members, 32 for everyone else), what is credited and planned, the gap, and whether the
 * plans close it. An excused member is `excused`, never `behind`.
 */
export const studyStatus = (
  people: ReadonlyArray<{ readonly memberId: string; readonly leader: boolean }>,
  credited: ReadonlyMap<string, StudyTotals>,
  planned: ReadonlyMap<string, StudyTotals>,
  excused: ReadonlySet<string>,
  profile: RuleProfile,
  on: CivilDate
): ReadonlyArray<StudyStatus> => {
  const memberRule = ruleAt(profile, memberAnnualHoursRule, on)
  const leaderRule = ruleAt(profile, leaderAnnualHoursRule, on)
  // One target per rule, shared by every member it applies to (a province has 250,000 on the roll).
  const memberTarget: StudyTotals = { tenths: memberRule.parameters.tenths, centralized: memberRule.parameters.centralizedTrainings }
  const leaderTarget: StudyTotals = { tenths: leaderRule.parameters.tenths, centralized: leaderRule.parameters.centralizedTrainings }
  return people.map(({ memberId, leader }) => {
    const rule = leader ? leaderRule : memberRule
    const target = leader ? leaderTarget : memberTarget
    const c = credited.get(memberId) ?? none
    const p = planned.get(memberId) ?? none
    const gap = Math.max(0, target.tenths - c.tenths)
    const met = gap === 0 && c.centralized >= target.centralized
    const isExcused = excused.has(memberId)
    return {
      memberId,
      leader,
      target,
      credited: c,
      planned: p,
      gap,
      plannedClosesGap: c.tenths + p.tenths >= target.tenths && c.centralized + p.centralized >= target.centralized,
      excused: isExcused,
      status: isExcused ? "excused" : met ? "met" : "behind",
      rule
    }
  })
}
