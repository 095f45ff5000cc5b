import { type CivilDate, addDays, dayOfWeek } from "./civil-date.js"

/**
 * 工作日历 — which days are working days. China moves working days around public holidays
 * (调休), so weekdays alone are not enough: pass a calendar built from published holiday data
 * (the examples use `chinese-days`). The core ships only {@link weekdayCalendar}.
 */
export interface WorkdayCalendar {
  readonly isWorkday: (date: CivilDate) => boolean
  /** The years the calendar has real holiday data for; outside them it is guessing. */
  readonly coveredYears?: { readonly from: number; readonly to: number }
}

/** Monday to Friday are working days. Ignores public holidays: use only where none can fall. */
export const weekdayCalendar: WorkdayCalendar = { isWorkday: (d) => dayOfWeek(d) <= 5 }

/** Counts the working days from `from` to `to`, both inclusive. */
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
