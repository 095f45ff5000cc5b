import type { Message } from "../i18n/message.js"
import { type CivilDate, addDays, dayOfWeek } from "./civil-date.js"

/**
 * 工作日历 — which days are working days. China moves working days around public holidays
 * (调休), so weekdays alone are not enough: pass a calendar built from published holiday data
 * (the examples use `chinese-days`). The core ships only {@link weekdayCalendar}.
 */
export interface WorkdayCalendar {
  /** True when `date` is a working day (a weekday not a holiday, or a 调休 make-up day). */
  readonly isWorkday: (date: CivilDate) => boolean
  /**
   * The years the calendar has real holiday data for; outside them it is guessing, and the checked
   * counts ({@link countWorkdaysChecked}, {@link addWorkdaysChecked}) say so. A calendar without it
   * makes no claim and is taken at its word for every year.
   */
  readonly coveredYears?: { readonly from: number; readonly to: number }
  /** The calendar's name in messages, e.g. 中国法定工作日历 (default: 工作日历 / the working-day calendar). */
  readonly name?: Message
}

/** Monday to Friday are working days. Ignores public holidays: use only where none can fall. */
export const weekdayCalendar: WorkdayCalendar = { isWorkday: (d) => dayOfWeek(d) <= 5 }

const defaultName: Message = { zh: "工作日历", en: "the working-day calendar" }

/**
 * 节假日数据未覆盖 — a working-day count from `from` to `to` (both inclusive) that ran into `years`,
 * which the calendar has no holiday data for: its working days there are a guess, and the count may
 * be wrong. `message` names the calendar and the years it covers.
 */
export interface CalendarCoverageGap {
  readonly calendar: Message
  readonly coveredYears: { readonly from: number; readonly to: number }
  readonly years: ReadonlyArray<number>
  readonly from: CivilDate
  readonly to: CivilDate
  readonly message: Message
}

/** A working-day result, and the coverage gap when the count left the calendar's covered years. */
export interface CheckedWorkdays<A> {
  readonly value: A
  readonly outsideCoverage?: CalendarCoverageGap
}

const yearOf = (date: CivilDate): number => Number(date.slice(0, 4))

const spanYears = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`)

/**
 * The coverage gap of the days `from` to `to` (both inclusive), or `undefined` when every year of
 * the range is covered, when the range is empty, or when the calendar declares no `coveredYears`.
 */
export const coverageGap = (calendar: WorkdayCalendar, from: CivilDate, to: CivilDate): CalendarCoverageGap | undefined => {
  const covered = calendar.coveredYears
  if (covered === undefined || to < from) return undefined
  const years: Array<number> = []
  for (let year = yearOf(from); year <= yearOf(to); year++) if (year < covered.from || year > covered.to) years.push(year)
  if (years.length === 0) return undefined
  const name = calendar.name ?? defaultName
  const has = spanYears(covered.from, covered.to)
  return {
    calendar: name,
    coveredYears: { from: covered.from, to: covered.to },
    years,
    from,
    to,
    message: {
      zh: `${name.zh}只有${has}年的节假日安排，${from}至${to}涉及${years.join("、")}年，这些年份的工作日是推测的，计数可能有误；请更新节假日数据或补充该年的节假日安排`,
      en: `${name.en} has the holiday schedules of ${has} only; ${from} to ${to} runs into ${years.join(", ")}, where its working days are a guess and the count may be wrong: update the holiday data or supply that year's schedule`
    }
  }
}

/** Counts the working days from `from` to `to`, both inclusive. Does not check coverage: see {@link countWorkdaysChecked}. */
export const countWorkdays = (calendar: WorkdayCalendar, from: CivilDate, to: CivilDate): number => {
  let n = 0
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkday(d)) n++
  return n
}

/** No real calendar goes a whole year without a working day; one that does is broken. */
const MAX_DAYS_WITHOUT_WORKDAY = 366

/**
 * The date on which `count` working days starting at `from` (inclusive) are complete. Throws a
 * `RangeError` for a calendar with no working day in a whole year (a broken calendar, a defect).
 * Does not check coverage: see {@link addWorkdaysChecked}.
 */
export const addWorkdays = (calendar: WorkdayCalendar, from: CivilDate, count: number): CivilDate => {
  let d = from
  let n = calendar.isWorkday(d) ? 1 : 0
  let idle = 0
  while (n < count) {
    d = addDays(d, 1)
    if (calendar.isWorkday(d)) {
      n++
      idle = 0
    } else if (++idle > MAX_DAYS_WITHOUT_WORKDAY) {
      throw new RangeError(`addWorkdays: the calendar has no working day in the year after ${d}`)
    }
  }
  return d
}

/**
 * {@link countWorkdays}, with the coverage gap when `from`–`to` leaves the calendar's covered years:
 * the count is never taken silently from years without holiday data.
 */
export const countWorkdaysChecked = (calendar: WorkdayCalendar, from: CivilDate, to: CivilDate): CheckedWorkdays<number> => {
  const value = countWorkdays(calendar, from, to)
  const gap = coverageGap(calendar, from, to)
  return gap === undefined ? { value } : { value, outsideCoverage: gap }
}

/**
 * {@link addWorkdays}, with the coverage gap when the days from `from` to the result leave the
 * calendar's covered years.
 */
export const addWorkdaysChecked = (calendar: WorkdayCalendar, from: CivilDate, count: number): CheckedWorkdays<CivilDate> => {
  const value = addWorkdays(calendar, from, count)
  const gap = coverageGap(calendar, from, value)
  return gap === undefined ? { value } : { value, outsideCoverage: gap }
}
