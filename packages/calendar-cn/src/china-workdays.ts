import type { CivilDate, WorkdayCalendar } from "@zhibu/core"
import chineseDays from "chinese-days"

// chinese-days is CommonJS without named exports: default import, then destructure (toolchain P13).
const { isWorkday } = chineseDays

/**
 * The years for which the State Council's holiday schedule is in the data. Outside them a date is
 * judged as a plain weekday or weekend, which is wrong around holidays.
 */
const coveredYears = ((): { from: number; to: number } => {
  const years = new Set<number>()
  for (let year = 2004; year <= 2100; year++) {
    // A year is covered when it has at least one published public holiday.
    if (chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0) years.add(year)
    else if (years.size > 0) break
  }
  return { from: Math.min(...years), to: Math.max(...years) }
})()

/**
 * 中国法定工作日历 — working days in mainland China: weekends and public holidays are off, and
 * the make-up working days (调休上班) on weekends are working days. Data from `chinese-days`;
 * upgrade that package when the State Council publishes the next year (usually in November or
 * December), and check `coveredYears`.
 */
export const chinaWorkdays: WorkdayCalendar = {
  isWorkday: (date: CivilDate) => isWorkday(date),
  coveredYears
}
