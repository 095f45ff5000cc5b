import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import {
  addDays,
  addMonths,
  type CivilDate,
  dayOfWeek,
  fromEpochDay,
  fromParts,
  parseCivilDate,
  toEpochDay,
  toParts
} from "../../src/calendar/civil-date.js"

/*
 * The civil-date functions compute on integers without building a `Date` (issue 12: a province-year
 * of rules calls them millions of times). These laws hold them to the `Date`-based functions they
 * replaced, written out here as they were, on every input: valid dates, impossible ones
 * (2026-02-30), years before 100 (which `Date.UTC` maps to 1900–1999), out-of-range and fractional
 * parts, and malformed strings.
 */

const MS_PER_DAY = 86_400_000
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const daysInMonthByDate = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()
const isValidByDate = (s: string): boolean => {
  const m = PATTERN.exec(s)
  if (m === null) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthByDate(year, month)
}
const fromPartsByDate = (year: number, month: number, day: number): string => {
  const d = Math.min(day, daysInMonthByDate(year, month))
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}
const toPartsByDate = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) })
const toEpochDayByDate = (date: string): number => {
  const { year, month, day } = toPartsByDate(date)
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}
const fromEpochDayByDate = (epochDay: number): string => {
  const d = new Date(epochDay * MS_PER_DAY)
  return fromPartsByDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}
const addMonthsByDate = (date: string, months: number): string => {
  const { year, month, day } = toPartsByDate(date)
  const index = year * 12 + (month - 1) + months
  return fromPartsByDate(Math.floor(index / 12), (index % 12) + 1, day)
}
const dayOfWeekByDate = (date: string): number => {
  const wd = new Date(toEpochDayByDate(date) * MS_PER_DAY).getUTCDay()
  return wd === 0 ? 7 : wd
}

/** Compares with `Object.is`, so NaN equals NaN and a string `NaN` part is compared as written. */
const same = (a: unknown, b: unknown): boolean => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b)

const pad = (n: number, width: number) => String(n).padStart(width, "0")
/** A `YYYY-MM-DD` string of any digits: valid dates, impossible ones, years 0000–9999, months and days 00–99. */
const shapedArb: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 120 })),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 99 }))
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
/** Any string, a shaped one, or a shaped one with one character replaced. */
const anyDateStringArb: fc.Arbitrary<string> = fc.oneof(
  shapedArb,
  fc.string({ maxLength: 12 }),
  fc.tuple(shapedArb, fc.nat(9), fc.constantFrom(" ", "-", "x", "1", ".", "e", "٣")).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1))
)
/** Parts a caller might pass: ordinary ones, out-of-range ones, years 0–99, fractions, NaN. */
const partArb = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max }) },
    { weight: 2, arbitrary: fc.integer({ min: -20, max: 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: -300_000, max: 300_000 }) },
    { weight: 1, arbitrary: fc.double({ min: -50, max: 3000, noNaN: false }) }
  )
const runs = { numRuns: 5_000 }

describe("civil-date arithmetic agrees with the Date-based functions it replaced (issue 12)", () => {
  it("law: validity (parseCivilDate and the CivilDate schema's check) is the same on any string", () => {
    fc.assert(fc.property(anyDateStringArb, (s) => Either.isRight(parseCivilDate(s)) === isValidByDate(s)), runs)
  })

  it("law: fromParts is the same for any year, month and day", () => {
    fc.assert(
      fc.property(partArb(1900, 2999), partArb(1, 12), partArb(1, 31), (y, m, d) => same(fromParts(y, m, d), fromPartsByDate(y, m, d))),
      runs
    )
  })

  it("law: toParts, toEpochDay and dayOfWeek are the same on any string", () => {
    fc.assert(
      fc.property(anyDateStringArb, (s) => {
        const date = s as CivilDate
        return same(toParts(date), toPartsByDate(s)) && same(toEpochDay(date), toEpochDayByDate(s)) && same(dayOfWeek(date), dayOfWeekByDate(s))
      }),
      runs
    )
  })

  it("law: fromEpochDay is the same for any day number, whole or not", () => {
    const day = fc.oneof(
      fc.integer({ min: -30_000, max: 400_000 }),
      fc.integer({ min: -1_000_000, max: 3_000_000 }),
      fc.integer({ min: -200_000_000, max: 200_000_000 }),
      fc.double({ min: -800_000, max: 3_000_000, noNaN: false })
    )
    fc.assert(fc.property(day, (n) => same(fromEpochDay(n), fromEpochDayByDate(n))), runs)
  })

  it("law: addMonths and addDays are the same on valid dates and on impossible ones", () => {
    fc.assert(
      fc.property(
        shapedArb,
        fc.integer({ min: -1200, max: 1200 }),
        fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40_000, max: 40_000 }), fc.double({ min: -40, max: 40 })),
        (s, months, days) => {
        const date = s as CivilDate
        return same(addMonths(date, months), addMonthsByDate(s, months)) && same(addDays(date, days), fromEpochDayByDate(toEpochDayByDate(s) + days))
      }),
      runs
    )
  })

  it("at the edges: leap days, centuries, the ends of the supported range and of the integer path", () => {
    for (const s of ["1900-02-29", "2000-02-29", "2100-02-29", "2024-02-29", "1900-01-01", "2999-12-31", "0099-12-31", "0100-01-01", "0000-02-29", "9999-12-31"]) {
      expect(toEpochDay(s as CivilDate)).toBe(toEpochDayByDate(s))
      expect(fromEpochDay(toEpochDayByDate(s))).toBe(fromEpochDayByDate(toEpochDayByDate(s)))
      expect(Either.isRight(parseCivilDate(s))).toBe(isValidByDate(s))
    }
    expect(fromEpochDay(0)).toBe("1970-01-01")
    expect(dayOfWeek("1970-01-01" as CivilDate)).toBe(4)
    expect(fromParts(2024, 2, 31)).toBe("2024-02-29")
    expect(fromParts(1900, 2, 29)).toBe("1900-02-28")
  })
})
