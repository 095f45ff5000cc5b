import { civilDate, weekdayCalendar } from "@zhibu/core"
import { countWorkdays } from "@zhibu/core/rules"
import { describe, expect, it } from "@effect/vitest"
import { chinaWorkdays } from "../src/index.js"

describe("chinaWorkdays", () => {
  it("treats National Day as a holiday and a 调休 Sunday as a working day", () => {
    expect(chinaWorkdays.isWorkday(civilDate("2025-10-01"))).toBe(false)
    expect(chinaWorkdays.isWorkday(civilDate("2025-09-28"))).toBe(true) // Sunday, make-up working day
    expect(weekdayCalendar.isWorkday(civilDate("2025-09-28"))).toBe(false)
    expect(chinaWorkdays.isWorkday(civilDate("2026-02-17"))).toBe(false) // Spring Festival
    expect(chinaWorkdays.isWorkday(civilDate("2026-03-02"))).toBe(true) // an ordinary Monday
  })

  it("counts five working days of 公示 across the Spring Festival break differently from weekdays", () => {
    const from = civilDate("2026-02-12")
    const to = civilDate("2026-02-25")
    expect(countWorkdays(weekdayCalendar, from, to)).toBe(10)
    expect(countWorkdays(chinaWorkdays, from, to)).toBeLessThan(10)
  })

  it("says which years its holiday data covers", () => {
    const covered = chinaWorkdays.coveredYears!
    expect(covered.from).toBeLessThanOrEqual(2025)
    expect(covered.to).toBeGreaterThanOrEqual(2026)
  })
})
