import { addDays, type CivilDate, dayOfWeek, daysBetween, maxDate, minDate, toParts } from "../calendar/civil-date.js"
import type { Period } from "../calendar/period.js"
import type { SchoolCalendar } from "../calendar/school-calendar.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import type { ExpectedMeeting } from "./expected-meetings.js"
import { talkPairs } from "./talks.js"

/** Where a plan may put meetings: working days, and (with a school calendar) term days. */
export interface PlanCalendar {
  readonly workdays: WorkdayCalendar
  readonly schoolCalendar?: SchoolCalendar
  /** 主题党日 on the `week`-th `weekday` (1 Monday … 7 Sunday) of the month. */
  readonly themeDay: { readonly weekday: number; readonly week: number }
}

/** True when `date` is in a school vacation (never without a school calendar). */
export const inVacation = (calendar: PlanCalendar, date: CivilDate): boolean =>
  calendar.schoolCalendar !== undefined && !calendar.schoolCalendar.terms.some((t) => t.start <= date && date <= t.end)

/** A day fit for a meeting: a working day (holidays and 调休 known to the calendar) outside vacations. */
export const suitable = (calendar: PlanCalendar, date: CivilDate): boolean => calendar.workdays.isWorkday(date) && !inVacation(calendar, date)

/** The `week`-th `weekday` on or after `start` (the first Friday of a month, …). */
export const nthWeekday = (start: CivilDate, weekday: number, week: number): CivilDate =>
  addDays(start, ((weekday - dayOfWeek(start) + 7) % 7) + 7 * (week - 1))

/** Where in its period a kind prefers to fall, as a fraction of the period (the plan spreads kinds apart). */
const preferredShare: Readonly<Record<string, number>> = {
  committee: 0.05,
  partyGroup: 0.3,
  generalAssembly: 0.45,
  lecture: 0.55
}

/**
 * The preferred day of an obligation in `range` (the period clipped to the year):
 * - 主题党日: the configured weekday of the month (first Friday by default);
 * - 组织生活会 with a default quarter, 民主评议 and 谈心谈话: in that quarter — the talks first, ten days
 *   apart by pair type (JG2019 第十七条: talks prepare the meeting, rules.md 1.8), then the meeting
 *   (45 days in), then the evaluation (50 days in; rules.md 1.9: it may follow or be combined with it);
 * - the secretary's yearly lecture: in the second quarter (inside a term in most school years);
 * - anything else: at a fixed share of the period by kind, so that kinds of one month do not collide.
 */
export const preferredDay = (e: ExpectedMeeting, period: Period, range: { from: CivilDate; to: CivilDate }, calendar: PlanCalendar): CivilDate => {
  const length = daysBetween(range.from, range.to)
  const at = (share: number) => addDays(range.from, Math.floor(length * share))
  const year = toParts(range.from).year
  const quarterStart = (q: number) => `${year}-${String(3 * (q - 1) + 1).padStart(2, "0")}-01` as CivilDate
  if (e.kind === "themeDay" && e.cadence !== "weekly") return nthWeekday(range.from, calendar.themeDay.weekday, calendar.themeDay.week)
  if (e.cadence === "yearly" && e.quarter !== undefined) return addDays(quarterStart(e.quarter), 45)
  if (e.cadence === "yearly" && e.kind === "democraticEvaluation") return addDays(quarterStart(4), 50)
  const pair = (talkPairs as ReadonlyArray<string>).indexOf(e.kind)
  if (e.cadence === "yearly" && pair >= 0) return addDays(quarterStart(4), 10 + 10 * pair)
  if (e.cadence === "yearly" && e.speaker === "secretary") return addDays(quarterStart(2), 20)
  if (e.cadence === "weekly") return addDays(period.start, 2)
  if (e.cadence === "semester") return addDays(range.from, Math.min(14, length))
  return at(preferredShare[e.kind] ?? 0.65)
}

/**
 * The day a planned meeting falls on: the preferred day if suitable, else the nearest suitable day
 * after it in the range, else before it; with no suitable day in the range (a month all vacation), the
 * nearest working day, else the preferred day itself. Never leaves the range, so the cadence holds.
 */
export const chooseDay = (preferred: CivilDate, range: { from: CivilDate; to: CivilDate }, calendar: PlanCalendar): CivilDate => {
  const start = minDate(maxDate(preferred, range.from), range.to)
  for (const ok of [(d: CivilDate) => suitable(calendar, d), (d: CivilDate) => calendar.workdays.isWorkday(d)]) {
    for (let d = start; d <= range.to; d = addDays(d, 1)) if (ok(d)) return d
    for (let d = addDays(start, -1); d >= range.from; d = addDays(d, -1)) if (ok(d)) return d
  }
  return start
}
