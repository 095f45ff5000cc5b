import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addDays, type CivilDate, chinaDate, civilDate, dayOfWeek, fromEpochDay, toEpochDay } from "../../src/calendar/civil-date.js"
import {
  addWorkdays,
  addWorkdaysChecked,
  countWorkdays,
  countWorkdaysChecked,
  coverageGap,
  type WorkdayCalendar,
  weekdayCalendar
} from "../../src/calendar/workday-calendar.js"

const d = civilDate
const BASE = toEpochDay(d("2026-01-01"))

/**
 * A calendar like China's: weekdays, minus some holidays, plus some make-up Saturdays/Sundays (调休),
 * all within 2026–2027. Every week outside the holiday set still has working days, so `addWorkdays` ends.
 */
const calendarArb: fc.Arbitrary<WorkdayCalendar> = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }),
    makeUpDays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 10 })
  })
  .map(({ holidays, makeUpDays }) => {
    const off = new Set(holidays.map((n) => fromEpochDay(BASE + n)))
    const on = new Set(makeUpDays.map((n) => fromEpochDay(BASE + n)))
    return { isWorkday: (date: CivilDate) => on.has(date) || (!off.has(date) && dayOfWeek(date) <= 5) }
  })

const dayIn2026Arb = fc.integer({ min: 0, max: 364 }).map((n) => fromEpochDay(BASE + n))

describe("countWorkdays and addWorkdays", () => {
  it("counts both ends: a Monday-to-Friday week has 5 working days, the weekend none", () => {
    expect(countWorkdays(weekdayCalendar, d("2026-02-09"), d("2026-02-13"))).toBe(5)
    expect(countWorkdays(weekdayCalendar, d("2026-02-14"), d("2026-02-15"))).toBe(0)
    expect(countWorkdays(weekdayCalendar, d("2026-02-13"), d("2026-02-09"))).toBe(0)
  })

  it("5 working days from a Friday end on the next Thursday; from a Saturday, on the next Friday", () => {
    expect(addWorkdays(weekdayCalendar, d("2026-02-06"), 5)).toBe("2026-02-12")
    expect(addWorkdays(weekdayCalendar, d("2026-02-07"), 5)).toBe("2026-02-13")
  })

  it("law: the result of addWorkdays is a working day, and exactly `count` working days are complete on it, not the day before", () => {
    fc.assert(
      fc.property(calendarArb, dayIn2026Arb, fc.integer({ min: 1, max: 40 }), (calendar, from, count) => {
        const end = addWorkdays(calendar, from, count)
        return (
          calendar.isWorkday(end) &&
          countWorkdays(calendar, from, end) === count &&
          countWorkdays(calendar, from, addDays(end, -1)) === count - 1
        )
      })
    )
  })

  it("law: countWorkdays is additive over adjacent ranges", () => {
    fc.assert(
      fc.property(calendarArb, dayIn2026Arb, fc.nat(60), fc.nat(60), (calendar, from, k, m) => {
        const mid = addDays(from, k)
        const to = addDays(mid, m)
        return countWorkdays(calendar, from, to) === countWorkdays(calendar, from, mid) + countWorkdays(calendar, addDays(mid, 1), to)
      })
    )
  })

  it("law: with weekdays only, every full week adds five working days", () => {
    fc.assert(
      fc.property(dayIn2026Arb, fc.integer({ min: 1, max: 30 }), (from, weeks) => {
        return countWorkdays(weekdayCalendar, from, addDays(from, 7 * weeks - 1)) === 5 * weeks
      })
    )
  })
})

describe("defects are thrown, not judged", () => {
  it("addWorkdays refuses a calendar that has no working day", () => {
    expect(() => addWorkdays({ isWorkday: () => false }, civilDate("2026-01-01"), 1)).toThrow(RangeError)
  })
  it("chinaDate refuses an invalid Date", () => {
    expect(() => chinaDate(new Date(Number.NaN))).toThrow(RangeError)
  })
})

describe("counts that leave the calendar's covered years say so", () => {
  const covered: WorkdayCalendar = {
    isWorkday: (date) => dayOfWeek(date) <= 5,
    coveredYears: { from: 2004, to: 2026 },
    name: { zh: "测试日历", en: "the test calendar" }
  }

  it("a count inside the covered years has no gap, up to 2026-12-31", () => {
    expect(countWorkdaysChecked(covered, d("2026-12-24"), d("2026-12-31"))).toEqual({ value: 6 })
    expect(addWorkdaysChecked(covered, d("2026-12-28"), 4)).toEqual({ value: "2026-12-31" })
  })

  it("a count reaching 2027-01-01 names the calendar, the years it covers and the year it lacks", () => {
    const counted = countWorkdaysChecked(covered, d("2026-12-31"), d("2027-01-01"))
    expect(counted.value).toBe(2)
    const gap = counted.outsideCoverage!
    expect(gap.years).toEqual([2027])
    expect(gap.coveredYears).toEqual({ from: 2004, to: 2026 })
    expect(gap.message.zh).toContain("测试日历")
    expect(gap.message.zh).toContain("2004–2026")
    expect(gap.message.zh).toContain("2027")
    expect(gap.message.en).toContain("the test calendar")
    expect(gap.message.en).toContain("2004–2026")
    const end = addWorkdaysChecked(covered, d("2026-12-28"), 5)
    expect(end.value).toBe("2027-01-01")
    expect(end.outsideCoverage?.years).toEqual([2027])
  })

  it("lists every uncovered year, before and after; an empty range and a calendar without coveredYears have none", () => {
    expect(coverageGap(covered, d("2003-12-30"), d("2028-01-02"))?.years).toEqual([2003, 2027, 2028])
    expect(coverageGap(covered, d("2027-01-02"), d("2027-01-01"))).toBeUndefined()
    expect(coverageGap(weekdayCalendar, d("2027-01-01"), d("2099-01-01"))).toBeUndefined()
  })

  it("an unnamed calendar is called the working-day calendar", () => {
    const { name: _name, ...unnamed } = covered
    expect(coverageGap(unnamed, d("2027-01-01"), d("2027-01-01"))?.message.en).toContain("the working-day calendar")
  })

  it("law: the checked counts give the same values as the plain ones", () => {
    fc.assert(
      fc.property(dayIn2026Arb, fc.integer({ min: 1, max: 60 }), (from, count) => {
        const end = addWorkdaysChecked(covered, from, count)
        return (
          end.value === addWorkdays(covered, from, count) &&
          countWorkdaysChecked(covered, from, end.value).value === countWorkdays(covered, from, end.value) &&
          (end.outsideCoverage === undefined) === (end.value <= "2026-12-31")
        )
      })
    )
  })
})
