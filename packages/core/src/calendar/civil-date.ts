import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"
import { InvalidDate } from "./errors.js"

/*
 * The arithmetic below is on integers (days since 1970-01-01 by the proleptic Gregorian calendar) and
 * builds no `Date`: a province-year of rules calls it millions of times. Inputs a civil date never has
 * (years before 100, fractional or out-of-range months and days) take the `Date`-based path these
 * functions always had, so every answer is the same as before; property tests hold the two together.
 */

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** True for the years and months the integer arithmetic covers exactly (`Date.UTC` maps years 0–99 to 1900–1999). */
const plainYearMonth = (year: number, month: number): boolean =>
  Number.isInteger(year) && year >= 100 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12

const daysInMonth = (year: number, month: number): number =>
  plainYearMonth(year, month)
    ? month === 2 && isLeapYear(year)
      ? 29
      : MONTH_DAYS[month - 1]!
    : new Date(Date.UTC(year, month, 0)).getUTCDate()

/** `00`–`99`, so that the common case needs no `padStart`. */
const TWO_DIGITS: ReadonlyArray<string> = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)))

const pad2 = (n: number): string => TWO_DIGITS[n] ?? String(n).padStart(2, "0")

const pad4 = (n: number): string => (n >= 1000 ? String(n) : String(n).padStart(4, "0"))

/** Days from 1970-01-01 to the given day of the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`); linear in `day`. */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The digit at `i` of `s`, or -1 when it is not one of 0–9. */
const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/**
 * The year and month a string starts with (`YYYY-MM`) as one number `year * 100 + month`, or -1 when
 * it does not start with four digits, a dash and two digits (the month is not checked).
 */
const packedYm = (s: string): number => {
  if (s.charCodeAt(4) !== 45) return -1
  const y0 = digitAt(s, 0)
  const y1 = digitAt(s, 1)
  const y2 = digitAt(s, 2)
  const y3 = digitAt(s, 3)
  const m0 = digitAt(s, 5)
  const m1 = digitAt(s, 6)
  if ((y0 | y1 | y2 | y3 | m0 | m1) < 0) return -1
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 100 + m0 * 10 + m1
}

/**
 * The year, month and day of a `YYYY-MM-DD` string as one number `year * 10000 + month * 100 + day`,
 * or -1 when the string is not four digits, a dash, two digits, a dash and two digits.
 */
const packedYmd = (s: string): number => {
  if (s.length !== 10 || s.charCodeAt(7) !== 45) return -1
  const ym = packedYm(s)
  const d0 = digitAt(s, 8)
  const d1 = digitAt(s, 9)
  if ((ym | d0 | d1) < 0) return -1
  return ym * 100 + d0 * 10 + d1
}

const isValidYmd = (s: string): boolean => {
  const packed = packedYmd(s)
  if (packed < 0) return false
  const year = Math.floor(packed / 10_000)
  const month = Math.floor(packed / 100) % 100
  const day = packed % 100
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

const EPOCH_1900 = Date.UTC(1900, 0, 1)
const EPOCH_2999 = Date.UTC(2999, 11, 31)
const MS_PER_DAY = 86_400_000

/**
 * 公历日期 — a civil date in China time, written `YYYY-MM-DD`.
 *
 * A civil date has no time of day and no zone: it is the date printed on a meeting record or a
 * resolution. Years 1900–2999. Compare two dates with `<`/`>` on the strings or with {@link compareDates}.
 */
export type CivilDate = string & Brand.Brand<"CivilDate">

/** The Schema of a {@link CivilDate}: decodes a `YYYY-MM-DD` string that is a real calendar day (years 1900–2999). */
export const CivilDate: Schema.Schema<CivilDate, string> = Schema.String.pipe(
  Schema.filter(isValidYmd, { message: () => "expected a civil date YYYY-MM-DD (a real calendar day, years 1900–2999)" }),
  Schema.brand("CivilDate"),
  Schema.annotations({
    identifier: "CivilDate",
    ...expected({ zh: "YYYY-MM-DD 格式的真实日期（1900–2999 年）", en: "a real calendar date YYYY-MM-DD (years 1900–2999)" }),
    arbitrary: () => (fc) =>
      fc.integer({ min: EPOCH_1900 / MS_PER_DAY, max: EPOCH_2999 / MS_PER_DAY }).map((d) => fromEpochDay(d))
  })
)

/** Parses `YYYY-MM-DD`; a malformed or impossible date (2026-02-30) is an {@link InvalidDate}. */
export const parseCivilDate = (input: string): Either.Either<CivilDate, InvalidDate> =>
  isValidYmd(input) ? Either.right(input as CivilDate) : Either.left(new InvalidDate({ input }))

/** A civil date from a literal you know is valid; throws on an impossible date (use in code and tests, not on input). */
export const civilDate = (input: string): CivilDate => {
  if (!isValidYmd(input)) throw new InvalidDate({ input })
  return input as CivilDate
}

/** Builds a date from its parts, clamping the day to the month's last day (2025-02-31 → 2025-02-28). */
export function fromParts(year: number, month: number, day: number): CivilDate {
  const d = Math.min(day, daysInMonth(year, month))
  return `${pad4(year)}-${pad2(month)}-${pad2(d)}` as CivilDate
}

/** A civil date as numbers: the year, the month (1–12) and the day of the month (1–31). */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** The year, month and day of a date. */
export const toParts = (date: CivilDate): DateParts => {
  const packed = packedYmd(date)
  return packed >= 0
    ? { year: Math.floor(packed / 10_000), month: Math.floor(packed / 100) % 100, day: packed % 100 }
    : { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/** Days since 1970-01-01 (negative before). */
export const toEpochDay = (date: CivilDate): number => {
  const { year, month, day } = toParts(date)
  return plainYearMonth(year, month) && Number.isInteger(day) && Math.abs(day) <= 1_000_000 ? daysFromCivil(year, month, day) : Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/** The earliest and latest epoch days whose dates {@link fromEpochDay} builds by integer arithmetic (0100-01-01 to 9999-12-31). */
const PLAIN_FIRST_DAY = daysFromCivil(100, 1, 1)
const PLAIN_LAST_DAY = daysFromCivil(9999, 12, 31)

/** The date `epochDay` days after 1970-01-01 (before it when negative); the inverse of {@link toEpochDay}. */
export function fromEpochDay(epochDay: number): CivilDate {
  if (Number.isInteger(epochDay) && epochDay >= PLAIN_FIRST_DAY && epochDay <= PLAIN_LAST_DAY) {
    // H. Hinnant's `civil_from_days`.
    const z = epochDay + 719_468
    const era = Math.floor(z / 146_097)
    const doe = z - era * 146_097
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
    const mp = Math.floor((5 * doy + 2) / 153)
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1
    const month = mp < 10 ? mp + 3 : mp - 9
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return `${pad4(year)}-${pad2(month)}-${pad2(day)}` as CivilDate
  }
  const d = new Date(epochDay * MS_PER_DAY)
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The date `days` calendar days later (earlier when negative). */
export const addDays = (date: CivilDate, days: number): CivilDate => {
  const packed = packedYmd(date)
  if (packed >= 0 && Number.isInteger(days)) {
    // Within the same month (most steps of a few days): only the day changes.
    const year = Math.floor(packed / 10_000)
    const month = Math.floor(packed / 100) % 100
    const day = packed % 100
    const to = day + days
    if (plainYearMonth(year, month) && day >= 1 && to >= 1) {
      const last = daysInMonth(year, month)
      if (day <= last && to <= last) return `${date.slice(0, 8)}${pad2(to)}` as CivilDate
    }
  }
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * Calendar-month arithmetic with month-end clamping: 2024-01-31 + 1 month = 2024-02-29,
 * 2024-02-29 + 12 months = 2025-02-28. A month is never a count of days.
 */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const { year, month, day } = toParts(date)
  const index = year * 12 + (month - 1) + months
  return fromParts(Math.floor(index / 12), (index % 12) + 1, day)
}

/*
 * Dates as numbers `year * 10000 + month * 100 + day` (2026-01-31 → 20260131), for the hot comparisons
 * of a province's rules: two such numbers compare as their `YYYY-MM-DD` strings do, and building one
 * allocates nothing. Each returns -1 where the string functions above would take another path (a date
 * that is not plain, a year outside 1000–9999): the caller then compares the strings instead.
 */

/** A `YYYY-MM-DD` date as the number `year * 10000 + month * 100 + day`, or -1 when it is not written so. */
export const packedDate = (date: string): number => packedYmd(date)

/** {@link addMonths} as a packed date (see {@link packedDate}), or -1 when the answer must come from `addMonths` itself. */
export const packedAddMonths = (date: string, months: number): number => {
  const packed = packedYmd(date)
  if (packed < 0 || !Number.isInteger(months)) return -1
  const year = Math.floor(packed / 10_000)
  const month = Math.floor(packed / 100) % 100
  if (!plainYearMonth(year, month)) return -1
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  if (y < 1000 || y > 9999) return -1
  return y * 10_000 + m * 100 + Math.min(packed % 100, daysInMonth(y, m))
}

/**
 * The last day of the month `months` after the month `YYYY-MM` (0: that month's own last day) as a
 * packed date (see {@link packedDate}), or -1 when `month` is not four digits, a dash and a month 01–12
 * or the answer's year is outside 1000–9998 (the string path builds the month after it first).
 */
export const packedMonthEndAfter = (month: string, months: number): number => {
  if (month.length !== 7 || !Number.isInteger(months)) return -1
  const ym = packedYm(month)
  if (ym < 0) return -1
  const m = ym % 100
  if (m < 1 || m > 12) return -1
  const index = Math.floor(ym / 100) * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const last = (index % 12) + 1
  if (year < 1000 || year > 9998) return -1
  return year * 10_000 + last * 100 + daysInMonth(year, last)
}

/** Calendar-year arithmetic: `addMonths(date, 12 * years)`. A year is never 360 or 365 days. */
export const addYears = (date: CivilDate, years: number): CivilDate => addMonths(date, 12 * years)

/** Orders two dates: -1 when `a` is earlier, 1 when later, 0 when the same day (for `Array.sort`). */
export const compareDates = (a: CivilDate, b: CivilDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)
/** True when `a` is earlier than `b`. */
export const isBefore = (a: CivilDate, b: CivilDate): boolean => a < b
/** True when `a` is later than `b`. */
export const isAfter = (a: CivilDate, b: CivilDate): boolean => a > b
/** The earlier of two dates. */
export const minDate = (a: CivilDate, b: CivilDate): CivilDate => (a <= b ? a : b)
/** The later of two dates. */
export const maxDate = (a: CivilDate, b: CivilDate): CivilDate => (a >= b ? a : b)

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CivilDate, to: CivilDate): number => toEpochDay(to) - toEpochDay(from)

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const dayOfWeek = (date: CivilDate): number => {
  const epochDay = toEpochDay(date)
  if (Number.isInteger(epochDay) && Math.abs(epochDay) <= 100_000_000) return ((((epochDay + 3) % 7) + 7) % 7) + 1 // 1970-01-01 was a Thursday
  const wd = new Date(epochDay * MS_PER_DAY).getUTCDay()
  return wd === 0 ? 7 : wd
}

/**
 * 周岁 — full years of age on `on`. The birthday is reached on the same month and day; a
 * 29 February birthday is reached on 28 February in common years (month-end clamping).
 */
export const ageOn = (birthDate: CivilDate, on: CivilDate): number => {
  const years = toParts(on).year - toParts(birthDate).year
  return addYears(birthDate, years) <= on ? years : years - 1
}

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000

/**
 * The civil date in China at the instant `now`. The caller passes `now`; the library never reads a
 * clock. An invalid `Date` throws a `RangeError` (a defect, not an expected failure).
 */
export const chinaDate = (now: Date): CivilDate => {
  // An invalid Date is a programming error in the caller, not input to judge.
  if (Number.isNaN(now.getTime())) throw new RangeError("chinaDate: `now` is an invalid Date")
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS)
  return fromParts(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())
}

/** Whole calendar months from `from` to `to`, counting a month only once its day is reached (clamped). */
export const monthsBetween = (from: CivilDate, to: CivilDate): number => {
  const a = toParts(from)
  const b = toParts(to)
  let months = (b.year - a.year) * 12 + (b.month - a.month)
  if (months > 0 && addMonths(from, months) > to) months -= 1
  if (months < 0 && addMonths(from, months) < to) months += 1
  return months
}
