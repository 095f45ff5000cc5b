import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"
import { InvalidDate } from "./errors.js"

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

const isValidYmd = (s: string): boolean => {
  const m = PATTERN.exec(s)
  if (m === null) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
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
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}` as CivilDate
}

/** A civil date as numbers: the year, the month (1–12) and the day of the month (1–31). */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** The year, month and day of a date. */
export const toParts = (date: CivilDate): DateParts => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

/** Days since 1970-01-01 (negative before). */
export const toEpochDay = (date: CivilDate): number => {
  const { year, month, day } = toParts(date)
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/** The date `epochDay` days after 1970-01-01 (before it when negative); the inverse of {@link toEpochDay}. */
export function fromEpochDay(epochDay: number): CivilDate {
  const d = new Date(epochDay * MS_PER_DAY)
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** The date `days` calendar days later (earlier when negative). */
export const addDays = (date: CivilDate, days: number): CivilDate => fromEpochDay(toEpochDay(date) + days)

/**
 * Calendar-month arithmetic with month-end clamping: 2024-01-31 + 1 month = 2024-02-29,
 * 2024-02-29 + 12 months = 2025-02-28. A month is never a count of days.
 */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const { year, month, day } = toParts(date)
  const index = year * 12 + (month - 1) + months
  return fromParts(Math.floor(index / 12), (index % 12) + 1, day)
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
  const wd = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay()
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
