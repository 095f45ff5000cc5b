import * as Schema from "effect/Schema"
import { Cadence } from "./cadence.js"
import { addDays, addMonths, CivilDate, dayOfWeek, daysBetween, fromParts, toParts } from "./civil-date.js"

/**
 * 周期 — one period of a cadence: an ISO week, a month, a quarter, a half-year, a school semester
 * or a calendar year. `start` and `end` are both inclusive.
 *
 * Labels: `2026-W07` (ISO week, Monday to Sunday, numbered by the year of its Thursday),
 * `2026-02`, `2026-Q1`, `2026-H1` (January–June) / `2026-H2`, `2026`; a semester is labelled with
 * its term id from the school calendar.
 */
export const Period = Schema.Struct({
  cadence: Cadence,
  start: CivilDate,
  end: CivilDate,
  label: Schema.String
})
export type Period = typeof Period.Type

/** The cadences whose periods follow from the civil calendar alone (all but `semester`). */
export type CalendarCadence = Exclude<Cadence, "semester">

/** A period of a calendar cadence. */
export type CalendarPeriod = Period & { readonly cadence: CalendarCadence }

/** The calendar cadences, shortest first. */
export const calendarCadences: ReadonlyArray<CalendarCadence> = ["weekly", "monthly", "quarterly", "halfYearly", "yearly"]

/** Narrows a cadence to one whose periods need no school calendar. */
export const isCalendarCadence = (cadence: Cadence): cadence is CalendarCadence => cadence !== "semester"

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** Months per period for the month-based cadences. */
const monthsPer = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 } as const

const isoWeek = (date: CivilDate): CalendarPeriod => {
  const start = addDays(date, 1 - dayOfWeek(date))
  // ISO 8601: a week belongs to the year that holds its Thursday.
  const thursday = addDays(start, 3)
  const weekYear = toParts(thursday).year
  const week = Math.floor(daysBetween(fromParts(weekYear, 1, 1), thursday) / 7) + 1
  return { cadence: "weekly", start, end: addDays(start, 6), label: `${weekYear}-W${pad2(week)}` }
}

const monthBased = (cadence: Exclude<CalendarCadence, "weekly">, date: CivilDate): CalendarPeriod => {
  const { year, month } = toParts(date)
  const size = monthsPer[cadence]
  const index = Math.floor((month - 1) / size) // which period of the year, from 0
  const start = fromParts(year, index * size + 1, 1)
  const end = addDays(addMonths(start, size), -1)
  const label =
    cadence === "monthly"
      ? `${year}-${pad2(month)}`
      : cadence === "quarterly"
        ? `${year}-Q${index + 1}`
        : cadence === "halfYearly"
          ? `${year}-H${index + 1}`
          : `${year}`
  return { cadence, start, end, label }
}

/**
 * The period of `cadence` that contains `date`. Every date lies in exactly one period of each
 * calendar cadence. (For `semester` use `semesterOf` or `periodContaining`, which need a school calendar.)
 */
export const calendarPeriod = (cadence: CalendarCadence, date: CivilDate): CalendarPeriod =>
  cadence === "weekly" ? isoWeek(date) : monthBased(cadence, date)

/** The period right after `period` (starting the day after its end). */
export const nextCalendarPeriod = (period: CalendarPeriod): CalendarPeriod =>
  calendarPeriod(period.cadence, addDays(period.end, 1))

/** The period right before `period` (ending the day before its start). */
export const previousCalendarPeriod = (period: CalendarPeriod): CalendarPeriod =>
  calendarPeriod(period.cadence, addDays(period.start, -1))

/**
 * The periods of `cadence` that overlap `[from, to]` (both inclusive), in order. The first contains
 * `from` and the last contains `to`; empty when `to` is before `from`.
 */
export const calendarPeriodsOverlapping = (
  cadence: CalendarCadence,
  from: CivilDate,
  to: CivilDate
): ReadonlyArray<CalendarPeriod> => {
  const periods: Array<CalendarPeriod> = []
  for (let p = calendarPeriod(cadence, from); from <= to && p.start <= to; p = calendarPeriod(cadence, addDays(p.end, 1))) {
    periods.push(p)
  }
  return periods
}
