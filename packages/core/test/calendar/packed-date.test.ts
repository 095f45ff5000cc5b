import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addDays, addMonths, type CivilDate, fromParts, packedAddMonths, packedDate, packedMonthEndAfter } from "../../src/calendar/civil-date.js"
import { dateArb } from "./arbitraries.js"

/*
 * Packed dates (`year * 10000 + month * 100 + day`) let the six-month signals compare a province's
 * dates without building strings (issue 12). These laws hold each packed function to the string
 * function it stands for: either -1 (the caller compares the strings) or the same date, and packed
 * dates order as their strings do.
 */

const pad = (n: number, width: number) => String(n).padStart(width, "0")
/** A `YYYY-MM-DD` string of any digits: valid dates, impossible ones, years 0000–9999, months and days 00–99. */
const shapedArb: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 }))
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
/** A `YYYY-MM` string of any digits, sometimes with a character replaced. */
const monthArb: fc.Arbitrary<string> = fc.oneof(
  fc.record({ year: fc.oneof(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 9999 })), month: fc.integer({ min: 0, max: 99 }) }).map(({ year, month }) => `${pad(year, 4)}-${pad(month, 2)}`),
  fc.string({ maxLength: 8 })
)
const monthsArb = fc.oneof(fc.integer({ min: -24, max: 24 }), fc.integer({ min: -120_000, max: 120_000 }), fc.double({ min: -40, max: 40 }))
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0)
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** The last day of the month `months` after `YYYY-MM`, as the six-month signals built it with strings. */
const monthEndAfterByStrings = (month: string, months: number): string =>
  addDays(addMonths(fromParts(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1), months + 1), -1)
const runs = { numRuns: 5_000 }

describe("packed dates stand for their strings (issue 12)", () => {
  it("law: two packed dates order as their strings do", () => {
    fc.assert(fc.property(shapedArb, shapedArb, (a, b) => sign(packedDate(a) - packedDate(b)) === compare(a, b)), runs)
  })

  it("law: packedAddMonths is -1 or addMonths' date, packed and written with a four-digit year", () => {
    fc.assert(
      fc.property(shapedArb, monthsArb, (s, months) => {
        const packed = packedAddMonths(s, months)
        const date = addMonths(s as CivilDate, months)
        return packed === -1 || (date.length === 10 && packedDate(date) === packed)
      }),
      runs
    )
  })

  it("law: packedMonthEndAfter is -1 or the month's last day as the strings give it", () => {
    fc.assert(
      fc.property(monthArb, monthsArb, (month, months) => {
        const packed = packedMonthEndAfter(month, months)
        if (packed === -1) return true
        const date = monthEndAfterByStrings(month, months)
        return date.length === 10 && packedDate(date) === packed
      }),
      runs
    )
  })

  it("law: on civil dates and whole months within a century, neither takes the string path", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        const month = date.slice(0, 7)
        return packedAddMonths(date, months) === packedDate(addMonths(date, months)) && packedMonthEndAfter(month, months) === packedDate(monthEndAfterByStrings(month, months))
      }),
      runs
    )
  })

  it("at the edges: month ends, leap days, the ends of the four-digit years, and what is not a date", () => {
    expect(packedAddMonths("2025-08-31", 6)).toBe(20260228)
    expect(packedAddMonths("2024-02-29", 12)).toBe(20250228)
    expect(packedMonthEndAfter("2025-01", 6)).toBe(20250731)
    expect(packedMonthEndAfter("2023-08", 6)).toBe(20240229)
    expect(packedAddMonths("9999-12-31", 1)).toBe(-1)
    expect(packedAddMonths("1000-01-31", -1)).toBe(-1)
    expect(packedMonthEndAfter("9998-12", 0)).toBe(99981231)
    expect(packedMonthEndAfter("9999-01", 0)).toBe(-1)
    expect(packedMonthEndAfter("2025-13", 0)).toBe(-1)
    expect(packedAddMonths("2025-13-01", 1)).toBe(-1)
    expect(packedDate("2025-1-01")).toBe(-1)
    expect(packedAddMonths("2025-01-01", 0.5)).toBe(-1)
  })
})
