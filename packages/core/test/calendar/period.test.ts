import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addDays, civilDate, dayOfWeek, daysBetween } from "../../src/calendar/civil-date.js"
import {
  type CalendarCadence,
  calendarCadences,
  calendarPeriod,
  calendarPeriodsOverlapping,
  nextCalendarPeriod,
  previousCalendarPeriod
} from "../../src/calendar/period.js"
import { dateArb } from "./arbitraries.js"

const d = civilDate
const cadenceArb = fc.constantFrom(...calendarCadences)

describe("calendarPeriod — labels and bounds", () => {
  it.each<[CalendarCadence, string, string, string, string]>([
    ["weekly", "2026-02-11", "2026-W07", "2026-02-09", "2026-02-15"],
    ["weekly", "2026-01-01", "2026-W01", "2025-12-29", "2026-01-04"],
    ["weekly", "2021-01-03", "2020-W53", "2020-12-28", "2021-01-03"],
    ["weekly", "2024-12-30", "2025-W01", "2024-12-30", "2025-01-05"],
    ["monthly", "2026-02-14", "2026-02", "2026-02-01", "2026-02-28"],
    ["monthly", "2024-02-14", "2024-02", "2024-02-01", "2024-02-29"],
    ["quarterly", "2026-02-14", "2026-Q1", "2026-01-01", "2026-03-31"],
    ["quarterly", "2026-10-01", "2026-Q4", "2026-10-01", "2026-12-31"],
    ["halfYearly", "2026-06-30", "2026-H1", "2026-01-01", "2026-06-30"],
    ["halfYearly", "2026-07-01", "2026-H2", "2026-07-01", "2026-12-31"],
    ["yearly", "2026-07-01", "2026", "2026-01-01", "2026-12-31"]
  ])("%s period of %s is %s (%s to %s)", (cadence, date, label, start, end) => {
    expect(calendarPeriod(cadence, d(date))).toEqual({ cadence, start, end, label })
  })

  it("lists the periods overlapping a range in order", () => {
    const labels = calendarPeriodsOverlapping("quarterly", d("2025-11-30"), d("2026-04-01")).map((p) => p.label)
    expect(labels).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"])
    expect(calendarPeriodsOverlapping("monthly", d("2026-03-01"), d("2026-02-28"))).toEqual([])
  })

  it("steps to the next and previous period across a year end", () => {
    const w = calendarPeriod("weekly", d("2026-12-31"))
    expect(w.label).toBe("2026-W53")
    expect(nextCalendarPeriod(w).label).toBe("2027-W01")
    expect(previousCalendarPeriod(calendarPeriod("halfYearly", d("2026-03-01"))).label).toBe("2025-H2")
  })
})

describe("calendar periods partition time (laws)", () => {
  it("law: each date lies in its period, and every date of the period maps to the same period", () => {
    fc.assert(
      fc.property(cadenceArb, dateArb, fc.nat(400), (cadence, date, k) => {
        const p = calendarPeriod(cadence, date)
        const inside = addDays(p.start, k % (daysBetween(p.start, p.end) + 1))
        return p.start <= date && date <= p.end && JSON.stringify(calendarPeriod(cadence, inside)) === JSON.stringify(p)
      })
    )
  })

  it("law: consecutive periods leave no gap and do not overlap; next and previous are inverse", () => {
    fc.assert(
      fc.property(cadenceArb, dateArb, (cadence, date) => {
        const p = calendarPeriod(cadence, date)
        const n = nextCalendarPeriod(p)
        return n.start === addDays(p.end, 1) && JSON.stringify(previousCalendarPeriod(n)) === JSON.stringify(p) && n.label > p.label
      })
    )
  })

  it("law: weeks run Monday to Sunday; month-based periods start on the 1st of a month", () => {
    fc.assert(
      fc.property(cadenceArb, dateArb, (cadence, date) => {
        const p = calendarPeriod(cadence, date)
        return cadence === "weekly"
          ? dayOfWeek(p.start) === 1 && daysBetween(p.start, p.end) === 6
          : p.start.endsWith("-01") && addDays(p.end, 1).endsWith("-01")
      })
    )
  })

  it("law: the periods overlapping [from, to] cover it exactly once, in order", () => {
    fc.assert(
      fc.property(
        cadenceArb,
        dateArb,
        fc.nat(1500),
        (cadence, from, length) => {
          const to = addDays(from, length)
          const ps = calendarPeriodsOverlapping(cadence, from, to)
          const first = ps[0]
          const last = ps[ps.length - 1]
          if (first === undefined || last === undefined) return false
          const chained = ps.every((p, i) => i === 0 || p.start === addDays(ps[i - 1]!.end, 1))
          return first.start <= from && from <= first.end && last.start <= to && to <= last.end && chained
        }
      )
    )
  })

  it("law: a year holds 52 or 53 ISO weeks, 12 months, 4 quarters and 2 halves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2997 }), (year) => {
        const jan1 = d(`${year}-01-01`)
        const dec31 = d(`${year}-12-31`)
        const count = (c: CalendarCadence) => calendarPeriodsOverlapping(c, jan1, dec31).length
        const weeks = calendarPeriodsOverlapping("weekly", jan1, dec31).filter((w) => w.label.startsWith(`${year}-W`)).length
        return [52, 53].includes(weeks) && count("monthly") === 12 && count("quarterly") === 4 && count("halfYearly") === 2 && count("yearly") === 1
      })
    )
  })
})
