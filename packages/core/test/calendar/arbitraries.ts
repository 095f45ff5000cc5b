import * as fc from "fast-check"
import { type CivilDate, civilDate, fromEpochDay, toEpochDay } from "../../src/calendar/civil-date.js"

/** Epoch days of the dates the generators draw from: a year inside each end of the supported range. */
export const MIN_DAY = toEpochDay(civilDate("1901-01-01"))
export const MAX_DAY = toEpochDay(civilDate("2998-12-31"))

/** A civil date in 1901–2998 (fast-check 4). */
export const dateArb: fc.Arbitrary<CivilDate> = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(fromEpochDay)

/** Two dates in order. */
export const orderedPairArb: fc.Arbitrary<readonly [CivilDate, CivilDate]> = fc
  .tuple(dateArb, dateArb)
  .map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const)))

/** A date with day-of-month ≤ 28, built directly (no filtering). */
export const earlyDayDateArb: fc.Arbitrary<CivilDate> = fc
  .record({ year: fc.integer({ min: 1960, max: 2938 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => civilDate(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`))

/** A month offset of up to 50 years either way; pair it with {@link midDateArb} to stay in 1900–2999. */
export const monthsArb = fc.integer({ min: -600, max: 600 })

/** A civil date in 1960–2938, so that ±50 years stays inside the supported range. */
export const midDateArb: fc.Arbitrary<CivilDate> = fc
  .integer({ min: toEpochDay(civilDate("1960-01-01")), max: toEpochDay(civilDate("2938-12-31")) })
  .map(fromEpochDay)
