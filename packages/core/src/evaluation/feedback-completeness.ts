import * as Either from "effect/Either"
import { addDays, type CivilDate, maxDate } from "../calendar/civil-date.js"
import type { Period } from "../calendar/period.js"
import { periodsOverlapping } from "../calendar/periods.js"
import type { SchoolCalendar } from "../calendar/school-calendar.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { RoleFeedback, RoleKind } from "./records.js"
import { type FeedbackCadence, roleFeedbackCadencesRule } from "./rules-standards.js"

/** The calendar cadence of each feedback cadence (a school semester, a calendar year). */
const cadenceOf = { weekly: "weekly", semester: "semester", yearly: "yearly" } as const

/** One member's feedback of one kind on one cadence: a track, started by its first record. */
export interface FeedbackTrack {
  readonly memberId: string
  readonly kind: RoleKind
  readonly cadence: FeedbackCadence
}

/** A track's periods without any record, over the window asked about. */
export interface MissingFeedback extends FeedbackTrack {
  readonly periods: ReadonlyArray<Period>
}

/** What {@link missingRoleFeedback} found. */
export interface FeedbackCompleteness {
  readonly missing: ReadonlyArray<MissingFeedback>
  /** Semester tracks not checked because no school calendar was given. */
  readonly unchecked: ReadonlyArray<FeedbackTrack>
  readonly findings: ReadonlyArray<Finding>
}

const thursdayOf = (week: Period): CivilDate => addDays(week.start, 3)
const inTerm = (calendar: SchoolCalendar | undefined, date: CivilDate): boolean => calendar === undefined || calendar.terms.some((t) => t.start <= date && date <= t.end)

const names = { commitment: { zh: "承诺", en: "commitment" }, pairing: { zh: "结对", en: "pairing" }, vanguardPost: { zh: "先锋岗", en: "vanguard post" } } as const
const every = { weekly: { zh: "每周", en: "weekly" }, semester: { zh: "每学期", en: "per-semester" }, yearly: { zh: "每年", en: "yearly" } } as const

/**
 * 反馈完整性 — seed 000, `evaluation.roleFeedback.cadences`: for each member's 承诺, 结对 or 先锋岗
 * kept on a cadence the profile lists, the periods of `[from, to]` that have ended by `today` with no
 * record of that member, kind and cadence covering them (a record covers the periods its
 * `[periodStart, periodEnd]` overlaps). A track is checked when one of its records reaches into the
 * window, from the period of its first record to the end of the window (so a window should end
 * where a role ends). Periods follow the meeting convention: an
 * ISO week belongs to the window when its Thursday does, and with a school calendar weeks whose
 * Thursday falls in a vacation are not expected; semesters need the school calendar (without one,
 * semester tracks are listed as unchecked); a year is the calendar year. One warning per track names
 * the missing periods. A record on file without its outcome is `roleFeedbackFindings`' concern.
 */
export const missingRoleFeedback = (
  records: ReadonlyArray<RoleFeedback>,
  window: { readonly from: CivilDate; readonly to: CivilDate; readonly schoolCalendar?: SchoolCalendar | undefined },
  profile: RuleProfile,
  today: CivilDate
): FeedbackCompleteness => {
  const rule = ruleAt(profile, roleFeedbackCadencesRule, window.to)
  const tracks = new Map<string, { track: FeedbackTrack; records: Array<RoleFeedback> }>()
  for (const r of records) {
    if (!rule.parameters.cadences.includes(r.cadence) || r.periodStart > window.to) continue
    const key = `${r.memberId}\u0000${r.kind}\u0000${r.cadence}`
    const entry = tracks.get(key) ?? { track: { memberId: r.memberId, kind: r.kind, cadence: r.cadence }, records: [] }
    entry.records.push(r)
    tracks.set(key, entry)
  }
  const missing: Array<MissingFeedback> = []
  const unchecked: Array<FeedbackTrack> = []
  const findings: Array<Finding> = []
  for (const { track, records: mine } of [...tracks.values()].sort((a, b) => (a.track.memberId + a.track.kind + a.track.cadence).localeCompare(b.track.memberId + b.track.kind + b.track.cadence))) {
    if (!mine.some((r) => r.periodEnd >= window.from)) continue
    const first = mine.reduce((d, r) => (r.periodStart < d ? r.periodStart : d), mine[0]!.periodStart)
    const from = maxDate(window.from, first)
    const periods = periodsOverlapping(cadenceOf[track.cadence], from, window.to, window.schoolCalendar)
    if (Either.isLeft(periods)) {
      unchecked.push(track)
      continue
    }
    const expected = periods.right.filter(
      (p) =>
        p.end < today &&
        (track.cadence !== "weekly" || (window.from <= thursdayOf(p) && thursdayOf(p) <= window.to && p.end >= first && inTerm(window.schoolCalendar, thursdayOf(p))))
    )
    const gaps = expected.filter((p) => !mine.some((r) => r.periodStart <= p.end && p.start <= r.periodEnd))
    if (gaps.length === 0) continue
    missing.push({ ...track, periods: gaps })
    const labels = gaps.map((p) => p.label).join(", ")
    findings.push(
      finding(rule, "warning", { kind: "member", id: track.memberId }, {
        zh: `${track.memberId} 的${every[track.cadence].zh}${names[track.kind].zh}反馈缺 ${gaps.length} 期：${labels}`,
        en: `${track.memberId}'s ${every[track.cadence].en} ${names[track.kind].en} feedback is missing for ${gaps.length} period(s): ${labels}`
      }, gaps.at(-1)!.end)
    )
  }
  return { missing, unchecked, findings }
}
