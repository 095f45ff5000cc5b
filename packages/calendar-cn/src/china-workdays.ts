import type { CivilDate, Message, WorkdayCalendar } from "@zhibu/core"
import { dayOfWeek } from "@zhibu/core/rules"
import chineseDays from "chinese-days"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { daysOf, HolidaySchedule, type HolidayScheduleInput, InvalidHolidaySchedule } from "./holiday-schedule.js"

// chinese-days is CommonJS without named exports: default import, then destructure (toolchain P13).
const { isWorkday: packageIsWorkday } = chineseDays

/**
 * The years for which `chinese-days` has the State Council's holiday schedule. Outside them it
 * judges a date as a plain weekday or weekend, which is wrong around holidays.
 */
export const packageCoveredYears = ((): { readonly from: number; readonly to: number } => {
  const years = new Set<number>()
  for (let year = 2004; year <= 2100; year++) {
    // A year is covered when it has at least one published public holiday.
    if (chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0) years.add(year)
    else if (years.size > 0) break
  }
  return { from: Math.min(...years), to: Math.max(...years) }
})()

/** 中国法定工作日历, with the years an application supplied. */
export interface ChinaWorkdayCalendar extends WorkdayCalendar {
  readonly coveredYears: { readonly from: number; readonly to: number }
  readonly name: Message
  /** The years whose schedule the application supplied (they win over `chinese-days`), ascending. */
  readonly suppliedYears: ReadonlyArray<number>
  /**
   * This calendar with more years' schedules (see {@link makeChinaWorkdays}); a year supplied
   * twice, here or before, is an {@link InvalidHolidaySchedule}.
   */
  readonly withYears: (schedules: ReadonlyArray<HolidayScheduleInput>) => Either.Either<ChinaWorkdayCalendar, InvalidHolidaySchedule>
}

/** Options of {@link makeChinaWorkdays}: holiday schedules for years the package data does not have yet. */
export interface ChinaWorkdaysOptions {
  /** Holiday schedules the application supplies, one per year (see `HolidaySchedule`). */
  readonly extraYears?: ReadonlyArray<HolidayScheduleInput>
}

const decodeSchedule = Schema.decodeUnknownEither(HolidaySchedule, { errors: "all" })

const nameOf = (supplied: ReadonlyArray<number>): Message =>
  supplied.length === 0
    ? { zh: "中国法定工作日历（chinese-days）", en: "the China working-day calendar (chinese-days)" }
    : {
        zh: `中国法定工作日历（chinese-days，补充${supplied.join("、")}年）`,
        en: `the China working-day calendar (chinese-days, with ${supplied.join(", ")} supplied)`
      }

interface YearDays {
  readonly off: ReadonlySet<CivilDate>
  readonly on: ReadonlySet<CivilDate>
}

/** The `year` of a schedule that may not decode, when it is a number. */
const yearOfInput = (input: unknown): number | undefined => {
  const year: unknown = typeof input === "object" && input !== null ? (input as { readonly year?: unknown }).year : undefined
  return typeof year === "number" ? year : undefined
}

const build = (inputs: ReadonlyArray<HolidayScheduleInput>): Either.Either<ChinaWorkdayCalendar, InvalidHolidaySchedule> => {
  const byYear = new Map<number, YearDays>()
  for (const input of inputs) {
    const decoded = decodeSchedule(input)
    const year = yearOfInput(input)
    if (Either.isLeft(decoded)) {
      return Either.left(new InvalidHolidaySchedule({ ...(year === undefined ? {} : { year }), reason: ParseResult.TreeFormatter.formatErrorSync(decoded.left) }))
    }
    const schedule = decoded.right
    if (byYear.has(schedule.year)) {
      return Either.left(new InvalidHolidaySchedule({ year: schedule.year, reason: `${schedule.year}年的安排提供了两次 / the schedule of ${schedule.year} is supplied twice` }))
    }
    byYear.set(schedule.year, { off: new Set(schedule.holidays.flatMap(daysOf)), on: new Set(schedule.makeUpWorkdays) })
  }
  const supplied = [...byYear.keys()].sort((a, b) => a - b)
  const from = Math.min(packageCoveredYears.from, ...supplied)
  const to = Math.max(packageCoveredYears.to, ...supplied)
  const missing: Array<number> = []
  for (let y = from; y <= to; y++) if (!byYear.has(y) && (y < packageCoveredYears.from || y > packageCoveredYears.to)) missing.push(y)
  if (missing.length > 0) {
    return Either.left(
      new InvalidHolidaySchedule({
        reason:
          `chinese-days 覆盖${packageCoveredYears.from}–${packageCoveredYears.to}年，补充的年份须与之相连，缺少${missing.join("、")}年 / ` +
          `chinese-days covers ${packageCoveredYears.from}–${packageCoveredYears.to}; supplied years must join it without a gap, and ${missing.join(", ")} is missing`
      })
    )
  }
  const isWorkday = (date: CivilDate): boolean => {
    const days = byYear.get(Number(date.slice(0, 4)))
    if (days === undefined) return packageIsWorkday(date)
    return days.on.has(date) || (!days.off.has(date) && dayOfWeek(date) <= 5)
  }
  const calendar: ChinaWorkdayCalendar = {
    isWorkday,
    coveredYears: { from, to },
    name: nameOf(supplied),
    suppliedYears: supplied,
    withYears: (schedules) => build([...inputs, ...schedules])
  }
  return Either.right(calendar)
}

/**
 * 中国法定工作日历 with holiday schedules the application supplies — for a year `chinese-days` does
 * not have yet (the State Council publishes the next year in November or December, and the package
 * follows some time later), or to correct one it has.
 *
 * - Each schedule is validated (`HolidaySchedule`); bad data is an {@link InvalidHolidaySchedule}.
 * - A supplied year **overrides** `chinese-days` for that whole year: its holidays are off, its
 *   make-up days are working days, and every other weekday is a working day. This way an update of
 *   `chinese-days` that adds the year changes nothing, and you can drop your data at leisure.
 * - Supplied years must join the package's years without a gap (2027, then 2028), so that
 *   `coveredYears` stays one range.
 */
export const makeChinaWorkdays = (options: ChinaWorkdaysOptions = {}): Either.Either<ChinaWorkdayCalendar, InvalidHolidaySchedule> =>
  build(options.extraYears ?? [])

/**
 * 中国法定工作日历 — working days in mainland China: weekends and public holidays are off, and
 * the make-up working days (调休上班) on weekends are working days. Data from `chinese-days`
 * (`coveredYears` tells which years it has); outside them working-day counts are flagged by the
 * checked counts of `@zhibu/core`. Upgrade `chinese-days` when the State Council publishes the next
 * year, or supply that year with {@link makeChinaWorkdays} / `chinaWorkdays.withYears`.
 */
export const chinaWorkdays: ChinaWorkdayCalendar = Either.getOrThrow(build([]))
