import * as Either from "effect/Either"
import { addDays, type CivilDate, minDate } from "../calendar/civil-date.js"
import type { Period } from "../calendar/period.js"
import { periodsOverlapping } from "../calendar/periods.js"
import type { SchoolCalendar } from "../calendar/school-calendar.js"
import type { Message } from "../i18n/message.js"
import type { Organization } from "../org/organization.js"
import { branchCommitteeSizeRule } from "../org/rules-setup.js"
import { type Finding, finding } from "../profile/finding.js"
import { type RuleProfile, ruleAt } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { type ExpectedMeeting, expectedMeetings } from "./expected-meetings.js"
import type { HeldIndex } from "./held.js"

/** A branch as compliance sees it: its record, its party groups, and its full members on a date. */
export interface ComplianceUnit {
  readonly branch: Organization
  readonly groups: ReadonlyArray<Organization>
  /** 正式党员 count on a date (decides whether a 支委会 is required while the branch has no committee). */
  readonly fullMembersOn: (date: CivilDate) => number
  /**
   * Whether the branch had a committee on a date, from its leadership history (see `committeeOn`).
   * Absent: the branch's current committee fields, for every date.
   */
  readonly hasCommitteeOn?: (date: CivilDate) => boolean
}

/**
 * - `met`: held at least as often as required;
 * - `gap`: the period is over (it ended before `asOf`) and fewer were held;
 * - `open`: the period is not over yet and fewer have been held so far;
 * - `notRequired`: the organization did not exist then, the branch needed no committee, or (weekly
 *   local kinds) the week falls in a school vacation.
 */
export type PeriodState = "met" | "gap" | "open" | "notRequired"

/** One period of one obligation: the meetings required and held in it, and its {@link PeriodState}. */
export interface PeriodCompliance {
  readonly period: Period
  readonly required: number
  readonly held: number
  readonly state: PeriodState
}

/** One obligation of one organization (the branch, its committee, or one of its groups) over the window. */
export interface ObligationCompliance {
  readonly organizationId: string
  readonly kind: string
  readonly name: Message
  readonly cadence: ExpectedMeeting["cadence"]
  readonly speaker: ExpectedMeeting["speaker"]
  readonly rule: ResolvedRule
  readonly periods: ReadonlyArray<PeriodCompliance>
}

/** 组织生活合规 — one branch over a window: each obligation period by period, and a finding per gap. */
export interface BranchCompliance {
  readonly branchId: string
  readonly obligations: ReadonlyArray<ObligationCompliance>
  /** One finding per gap, naming its rule and source. */
  readonly findings: ReadonlyArray<Finding>
}

/** What {@link branchCompliance} judges against: the profile, the window `from`–`to`, today, and the school calendar when an obligation needs one. */
export interface ComplianceOptions {
  readonly profile: RuleProfile
  readonly from: CivilDate
  readonly to: CivilDate
  /** Today: periods ending before it are judged; later ones are `open` until met. */
  readonly asOf: CivilDate
  readonly schoolCalendar?: SchoolCalendar
}

const exists = (org: Organization, p: Period): boolean => org.foundedOn <= p.end && (org.dissolvedOn === null || org.dissolvedOn >= p.start)

const thursdayOf = (week: Period): CivilDate => addDays(week.start, 3)

const inTerm = (calendar: SchoolCalendar | undefined, date: CivilDate): boolean =>
  calendar === undefined || calendar.terms.some((t) => t.start <= date && date <= t.end)

/**
 * The periods of a cadence the window asks about. Weekly kinds follow one stated convention: a
 * week (ISO, Monday–Sunday) belongs to the window when its Thursday falls in it (the ISO rule that
 * also numbers weeks by year), so each week is counted in exactly one month, quarter and year.
 */
export const obligationPeriods = (
  expected: ExpectedMeeting,
  options: Pick<ComplianceOptions, "from" | "to" | "schoolCalendar">
): Either.Either<ReadonlyArray<Period>, unknown> =>
  Either.map(periodsOverlapping(expected.cadence, options.from, options.to, options.schoolCalendar), (periods) =>
    expected.cadence === "weekly" ? periods.filter((w) => options.from <= thursdayOf(w) && thursdayOf(w) <= options.to) : periods
  )

const countKey = (e: ExpectedMeeting): string => (e.kind === "lecture" && e.speaker === "secretary" ? "secretaryLecture" : e.kind)

/** One period of an obligation with what does not depend on the branch: the day composition is judged on, and whether it applies at all. */
interface PlannedPeriod {
  readonly period: Period
  /** The period's last day, or today if earlier: the day a branch's committee and full members are judged on. */
  readonly on: CivilDate
  /** False for a local kind not yet in force at the period's end, or a weekly period in a school vacation. */
  readonly applies: boolean
}

/** What a window asks of every branch under a profile: worked out once, shared by all branches. */
interface CompliancePlan {
  readonly committeeAt: number
  readonly obligations: ReadonlyArray<{
    readonly expected: ExpectedMeeting
    readonly countKey: string
    readonly severity: "violation" | "warning"
    readonly periods: ReadonlyArray<PlannedPeriod>
  }>
}

const planOfWindow = (options: ComplianceOptions): CompliancePlan => {
  const { profile, asOf } = options
  const obligations: Array<CompliancePlan["obligations"][number]> = []
  for (const e of expectedMeetings(profile, options.to)) {
    const periods = obligationPeriods(e, options)
    if (Either.isLeft(periods)) continue
    obligations.push({
      expected: e,
      countKey: countKey(e),
      severity: e.rule.strength === "hard" ? "violation" : "warning",
      periods: periods.right.map((p) => ({
        period: p,
        on: minDate(p.end, asOf),
        applies: !(e.origin === "local" && e.rule.effectiveFrom > p.end) && !(e.cadence === "weekly" && !inTerm(options.schoolCalendar, thursdayOf(p)))
      }))
    })
  }
  return { committeeAt: ruleAt(profile, branchCommitteeSizeRule, options.to).parameters.fullMembersForCommittee, obligations }
}

/**
 * Plans by profile, school calendar and window (profiles and calendars are immutable values): the
 * cadence periods, expected meetings and rule look-ups were recomputed for each of a province's
 * 10,000 branches (issue 12). A few windows are kept per profile and calendar.
 */
const plans = new WeakMap<RuleProfile, WeakMap<object, Map<string, CompliancePlan>>>()
const NO_CALENDAR = {}
const planOf = (options: ComplianceOptions): CompliancePlan => {
  let byCalendar = plans.get(options.profile)
  if (byCalendar === undefined) {
    byCalendar = new WeakMap()
    plans.set(options.profile, byCalendar)
  }
  const calendar = options.schoolCalendar ?? NO_CALENDAR
  let byWindow = byCalendar.get(calendar)
  if (byWindow === undefined) {
    byWindow = new Map()
    byCalendar.set(calendar, byWindow)
  }
  const key = `${options.from}|${options.to}|${options.asOf}`
  let plan = byWindow.get(key)
  if (plan === undefined) {
    if (byWindow.size >= 32) byWindow.clear()
    plan = planOfWindow(options)
    byWindow.set(key, plan)
  }
  return plan
}

const judge = (required: number, held: number, p: Period, asOf: CivilDate): PeriodState =>
  required === 0 ? "notRequired" : held >= required ? "met" : p.end < asOf ? "gap" : "open"

const gapText = (org: Organization, e: ExpectedMeeting, p: PeriodCompliance, isGroup: boolean): Message => {
  const who = isGroup ? { zh: `${org.name}：`, en: `${org.name}: ` } : { zh: "", en: "" }
  const by = e.speaker === "secretary" ? { zh: "（支部书记讲授）", en: " by the branch secretary" } : { zh: "", en: "" }
  return {
    zh: `${who.zh}${p.period.label}应召开${e.name.zh}${by.zh}${p.required}次，实际${p.held}次`,
    en: `${who.en}${e.name.en}${by.en} missing for ${p.period.label} (${p.held} of ${p.required} held)`
  }
}

/**
 * 组织生活合规 — for each branch, each meeting its profile requires over `[from, to]`: the periods of
 * the cadence, how many are required and held in each, and a finding per gap (a violation for a hard
 * rule, a warning for a default). The requirement follows the branch's composition: no 支委会 while it
 * has no committee and fewer full members than `org.branchCommittee.size` sets (7), both judged on the
 * period's last day (or today if earlier), the committee from the leadership history when the unit
 * has it (`hasCommitteeOn`): a committee elected on any day of a month owes that month's 支委会 (it
 * meets at its election to choose the secretary, rules.md 2.9), and a month whose last day finds no
 * committee and fewer than 7 full members owes none; group meetings are counted for each group that existed.
 * Obligations are those of the profile on `to`. Pure: the held counts come in as a {@link HeldIndex}.
 */
export const branchCompliance = (unit: ComplianceUnit, held: HeldIndex, options: ComplianceOptions): BranchCompliance => {
  const { branch } = unit
  const { asOf } = options
  const { committeeAt, obligations: planned } = planOf(options)
  const hasCommittee = branch.leadership.committeeMemberIds.length > 0
  const obligations: Array<ObligationCompliance> = []
  const findings: Array<Finding> = []
  for (const { expected: e, countKey: key, severity, periods } of planned) {
    const orgs = e.heldBy === "partyGroup" ? unit.groups : [branch]
    for (const org of orgs) {
      const statuses = periods.map(({ period: p, on, applies }): PeriodCompliance => {
        const needsCommittee =
          e.heldBy !== "committee" || (unit.hasCommitteeOn?.(on) ?? hasCommittee) || unit.fullMembersOn(on) >= committeeAt
        const required = exists(org, p) && exists(branch, p) && needsCommittee && applies ? 1 : 0
        const count = held.count(org.id, key, p)
        return { period: p, required, held: count, state: judge(required, count, p, asOf) }
      })
      obligations.push({ organizationId: org.id, kind: e.kind, name: e.name, cadence: e.cadence, speaker: e.speaker, rule: e.rule, periods: statuses })
      for (const s of statuses) {
        if (s.state === "gap") findings.push(finding(e.rule, severity, { kind: "organization", id: org.id }, gapText(org, e, s, org !== branch), s.period.end))
      }
    }
  }
  return { branchId: branch.id, obligations, findings }
}

/** Compliance of several branches: each branch's, in the order given (a subtree is its branches combined). */
export const subtreeCompliance = (
  units: ReadonlyArray<ComplianceUnit>,
  held: HeldIndex,
  options: ComplianceOptions
): ReadonlyArray<BranchCompliance> => units.map((u) => branchCompliance(u, held, options))

/**
 * The count keys the window's obligations ask the held counts about (a national kind,
 * `secretaryLecture` or a local kind id, once each): what `readHeld` needs summed, no more.
 */
export const complianceCountKeys = (options: ComplianceOptions): ReadonlyArray<string> => [...new Set(planOf(options).obligations.map((o) => o.countKey))]

/** The first and last day of every period the window asks about, under the profile on `to` (what to read). */
export const complianceSpan = (options: ComplianceOptions): { readonly from: CivilDate; readonly to: CivilDate } => {
  let from = options.from
  let to = options.to
  for (const e of expectedMeetings(options.profile, options.to)) {
    const periods = obligationPeriods(e, options)
    if (Either.isLeft(periods)) continue
    for (const p of periods.right) {
      if (p.start < from) from = p.start
      if (p.end > to) to = p.end
    }
  }
  return { from, to }
}
