import { civilDate } from "@zhibu/core"
import { addWorkdaysChecked, countWorkdaysChecked } from "@zhibu/core/rules"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { chinaWorkdays, type HolidayScheduleInput, InvalidHolidaySchedule, makeChinaWorkdays } from "../src/index.js"

const d = civilDate

/** A 2027 schedule in the published shape (test data, not the State Council's notice). */
const schedule2027: HolidayScheduleInput = {
  year: 2027,
  holidays: [
    { from: "2027-01-01", to: "2027-01-03", name: "元旦" },
    { from: "2027-02-05", to: "2027-02-13", name: "春节" },
    { from: "2027-04-03", to: "2027-04-05", name: "清明节" },
    { from: "2027-05-01", to: "2027-05-05", name: "劳动节" },
    { from: "2027-10-01", to: "2027-10-07", name: "国庆节" }
  ],
  makeUpWorkdays: ["2027-02-20", "2027-04-25", "2027-05-08", "2027-09-26", "2027-10-09"]
}

const with2027 = Either.getOrThrow(makeChinaWorkdays({ extraYears: [schedule2027] }))

const invalid = (extraYears: ReadonlyArray<unknown>): InvalidHolidaySchedule => {
  const result = makeChinaWorkdays({ extraYears: extraYears as ReadonlyArray<HolidayScheduleInput> })
  if (Either.isRight(result)) throw new Error("expected InvalidHolidaySchedule")
  expect(result.left).toBeInstanceOf(InvalidHolidaySchedule)
  expect(result.left._tag).toBe("ZhibuInvalidHolidaySchedule")
  return result.left
}

describe("chinaWorkdays beyond chinese-days' years", () => {
  it("chinese-days ends in 2026: 2027-01-01 is guessed a working day, and a count reaching it says so", () => {
    expect(chinaWorkdays.coveredYears).toEqual({ from: 2004, to: 2026 })
    expect(chinaWorkdays.isWorkday(d("2027-01-01"))).toBe(true)
    const gap = countWorkdaysChecked(chinaWorkdays, d("2027-01-01"), d("2027-01-01")).outsideCoverage
    expect(gap?.years).toEqual([2027])
    expect(gap?.message.zh).toContain("中国法定工作日历（chinese-days）只有2004–2026年的节假日安排")
    expect(gap?.message.en).toContain("the China working-day calendar (chinese-days) has the holiday schedules of 2004–2026 only")
  })

  it("boundary: a count ending 2026-12-31 is covered; one more working day reaches 2027-01-01 and is flagged", () => {
    expect(countWorkdaysChecked(chinaWorkdays, d("2026-12-28"), d("2026-12-31"))).toEqual({ value: 4 })
    expect(addWorkdaysChecked(chinaWorkdays, d("2026-12-28"), 4)).toEqual({ value: "2026-12-31" })
    const fifth = addWorkdaysChecked(chinaWorkdays, d("2026-12-28"), 5)
    expect(fifth.value).toBe("2027-01-01")
    expect(fifth.outsideCoverage?.years).toEqual([2027])
  })

  it("a supplied 2027 schedule makes 2027-01-01 a holiday and a make-up Saturday a working day", () => {
    expect(with2027.coveredYears).toEqual({ from: 2004, to: 2027 })
    expect(with2027.suppliedYears).toEqual([2027])
    expect(with2027.name.zh).toContain("补充2027年")
    expect(with2027.isWorkday(d("2027-01-01"))).toBe(false) // 元旦, a Friday
    expect(with2027.isWorkday(d("2027-02-20"))).toBe(true) // make-up Saturday
    expect(with2027.isWorkday(d("2027-02-27"))).toBe(false) // an ordinary Saturday
    expect(with2027.isWorkday(d("2027-01-04"))).toBe(true) // an ordinary Monday
    expect(with2027.isWorkday(d("2027-10-07"))).toBe(false) // 国庆节, a Thursday
  })

  it("with 2027 supplied, the count across the new year is covered and skips 元旦; 2026 still comes from chinese-days", () => {
    const across = countWorkdaysChecked(with2027, d("2026-12-28"), d("2027-01-05"))
    expect(across).toEqual({ value: 6 })
    expect(addWorkdaysChecked(with2027, d("2026-12-28"), 5)).toEqual({ value: "2027-01-04" })
    expect(with2027.isWorkday(d("2026-10-01"))).toBe(false)
    expect(with2027.isWorkday(d("2025-09-28"))).toBe(true)
    expect(countWorkdaysChecked(with2027, d("2028-01-03"), d("2028-01-03")).outsideCoverage?.years).toEqual([2028])
  })

  it("withYears adds years to a calendar; a year supplied twice is refused", () => {
    const chained = Either.getOrThrow(chinaWorkdays.withYears([schedule2027]))
    expect(chained.isWorkday(d("2027-01-01"))).toBe(false)
    expect(invalid([schedule2027, schedule2027]).year).toBe(2027)
    expect(Either.isLeft(with2027.withYears([schedule2027]))).toBe(true)
  })

  it("a supplied year chinese-days already has overrides it for the whole year", () => {
    const only元旦 = Either.getOrThrow(makeChinaWorkdays({ extraYears: [{ year: 2026, holidays: [{ from: "2026-01-01", to: "2026-01-03", name: "元旦" }], makeUpWorkdays: [] }] }))
    expect(only元旦.coveredYears).toEqual({ from: 2004, to: 2026 })
    expect(only元旦.isWorkday(d("2026-10-01"))).toBe(true)
    expect(chinaWorkdays.isWorkday(d("2026-10-01"))).toBe(false)
  })
})

describe("invalid holiday data is an InvalidHolidaySchedule", () => {
  const withHolidays = (holidays: ReadonlyArray<unknown>, makeUpWorkdays: ReadonlyArray<unknown> = []) => ({ year: 2027, holidays, makeUpWorkdays })

  it("a date outside the year", () => {
    const error = invalid([withHolidays([{ from: "2026-12-31", to: "2027-01-02", name: "元旦" }])])
    expect(error.year).toBe(2027)
    expect(error.reason).toContain("2026-12-31 不在2027年内")
    expect(invalid([withHolidays([{ from: "2027-01-01", to: "2027-01-01", name: "元旦" }], ["2028-01-01"])]).reason).toContain("is not in 2027")
  })
  it("a holiday that ends before it starts", () => {
    expect(invalid([withHolidays([{ from: "2027-02-13", to: "2027-02-05", name: "春节" }])]).reason).toContain("after its end")
  })
  it("a make-up working day that is not a Saturday or Sunday", () => {
    expect(invalid([withHolidays([{ from: "2027-01-01", to: "2027-01-01", name: "元旦" }], ["2027-01-04"])]).reason).toContain("not a Saturday or Sunday")
  })
  it("a make-up working day inside a holiday, and holidays that overlap", () => {
    expect(invalid([withHolidays([{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }], ["2027-01-02"])]).reason).toContain("falls in 元旦")
    expect(
      invalid([withHolidays([{ from: "2027-01-01", to: "2027-01-03", name: "元旦" }, { from: "2027-01-03", to: "2027-01-04", name: "X" }])]).reason
    ).toContain("overlaps")
  })
  it("malformed data: a bad date, no holidays, no year", () => {
    expect(invalid([withHolidays([{ from: "2027-02-30", to: "2027-03-01", name: "X" }])]).reason).toContain("civil date")
    expect(invalid([withHolidays([])]).year).toBe(2027)
    expect(invalid([{ holidays: [], makeUpWorkdays: [] }]).year).toBeUndefined()
  })
  it("a year that leaves a gap after chinese-days' years", () => {
    const error = invalid([{ ...schedule2027, year: 2028, holidays: [{ from: "2028-01-01", to: "2028-01-01", name: "元旦" }], makeUpWorkdays: [] }])
    expect(error.reason).toContain("2027")
    expect(error.message).toContain("节假日安排无效")
  })
})
