import * as Schema from "effect/Schema"
import { type CivilDate, fromParts, toParts } from "../calendar/civil-date.js"

/** 月份 — a calendar month written `YYYY-MM` (a dues month, 党费所属月份). Compare with `<` on the strings. */
export const Month = Schema.String.pipe(
  Schema.pattern(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: () => "expected a month YYYY-MM" }),
  Schema.brand("Month"),
  Schema.annotations({ identifier: "Month" })
)
export type Month = typeof Month.Type

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** A month from its number since year 0 (`year × 12 + month − 1`). */
export const monthFromIndex = (index: number): Month => `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}` as Month

/** The month's number since year 0, for arithmetic: consecutive months differ by 1. */
export const monthIndex = (month: Month): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1

/** The month a date falls in. */
export const monthOf = (date: CivilDate): Month => date.slice(0, 7) as Month

/** The month `n` months after `month` (before, for negative `n`). */
export const addMonthsTo = (month: Month, n: number): Month => monthFromIndex(monthIndex(month) + n)

/** The first day of the month (how a month is stored as a date field, so it can be filtered by range). */
export const monthStart = (month: Month): CivilDate => `${month}-01` as CivilDate

/** The last day of the month. */
export const monthEnd = (month: Month): CivilDate => {
  const { year, month: m } = toParts(monthStart(month))
  return fromParts(year, m, 31)
}

/** The year of a month. */
export const yearOfMonth = (month: Month): number => Number(month.slice(0, 4))

/** The quarter label of a month (`2026-03` → `2026-Q1`), as `calendarPeriod` writes it. */
export const quarterOfMonth = (month: Month): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`

/** The first month of the month's quarter. */
export const quarterStartMonth = (month: Month): Month => monthFromIndex(monthIndex(month) - ((monthIndex(month) % 12) % 3))

/** Every month from `from` to `to`, both included (none when `to` is earlier). */
export const monthsFromTo = (from: Month, to: Month): ReadonlyArray<Month> => {
  const out: Array<Month> = []
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i))
  return out
}

/** A month you know is valid (code and tests). */
export const month = (label: string): Month => Schema.decodeSync(Month)(label)
