import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { addDays, civilDate, daysBetween } from "../../src/calendar/civil-date.js"
import { SchoolCalendarRequired } from "../../src/calendar/errors.js"
import { nextPeriod, periodContaining, periodsOverlapping, previousPeriod } from "../../src/calendar/periods.js"
import {
  nextSemester,
  previousSemester,
  SchoolCalendar,
  type SchoolTerm,
  semesterOf,
  semestersOverlapping
} from "../../src/calendar/school-calendar.js"

const d = civilDate

const term = (id: string, start: string, end: string): SchoolTerm => ({
  id,
  name: { zh: `${id}学期`, en: `Term ${id}` },
  start: d(start),
  end: d(end)
})

/** A plausible school year: autumn term to mid-January, spring term from late February to early July. */
const calendar: SchoolCalendar = Schema.decodeUnknownSync(SchoolCalendar)({
  terms: [term("2025-2026-1", "2025-09-01", "2026-01-16"), term("2025-2026-2", "2026-02-23", "2026-07-03"), term("2026-2027-1", "2026-09-01", "2027-01-22")]
})

describe("semesters from a school calendar", () => {
  it("finds the semester of a term date, and none in a vacation (寒暑假)", () => {
    expect(semesterOf(calendar, d("2026-03-10"))).toEqual(
      Option.some({ cadence: "semester", start: "2026-02-23", end: "2026-07-03", label: "2025-2026-2" })
    )
    expect(semesterOf(calendar, d("2026-02-22"))).toEqual(Option.none())
    expect(Option.map(semesterOf(calendar, d("2026-02-23")), (p) => p.label)).toEqual(Option.some("2025-2026-2"))
    expect(semesterOf(calendar, d("2026-07-04"))).toEqual(Option.none())
  })

  it("lists overlapping semesters in order, skipping vacations", () => {
    expect(semestersOverlapping(calendar, d("2026-01-01"), d("2026-12-31")).map((p) => p.label)).toEqual([
      "2025-2026-1",
      "2025-2026-2",
      "2026-2027-1"
    ])
    expect(semestersOverlapping(calendar, d("2026-07-10"), d("2026-08-31"))).toEqual([])
  })

  it("steps to the next and previous term; none past the calendar's ends", () => {
    const spring = Option.getOrThrow(semesterOf(calendar, d("2026-03-10")))
    expect(Option.map(nextSemester(calendar, spring), (p) => p.label)).toEqual(Option.some("2026-2027-1"))
    expect(Option.map(previousSemester(calendar, spring), (p) => p.label)).toEqual(Option.some("2025-2026-1"))
    const last = Option.getOrThrow(semesterOf(calendar, d("2026-10-01")))
    expect(nextSemester(calendar, last)).toEqual(Option.none())
  })

  it("refuses terms out of order, overlapping, reversed or with a repeated id", () => {
    const bad = [
      [term("b", "2026-02-23", "2026-07-03"), term("a", "2025-09-01", "2026-01-16")],
      [term("a", "2025-09-01", "2026-03-01"), term("b", "2026-02-23", "2026-07-03")],
      [term("a", "2026-07-03", "2026-02-23")],
      [term("a", "2025-09-01", "2026-01-16"), term("a", "2026-02-23", "2026-07-03")]
    ]
    for (const terms of bad) expect(Either.isLeft(Schema.decodeUnknownEither(SchoolCalendar)({ terms }))).toBe(true)
  })

  it.prop("law: decode(encode(x)) = x for generated school calendars", [Arbitrary.make(SchoolCalendar)], ([c]) => {
    expect(Schema.decodeUnknownSync(SchoolCalendar)(Schema.encodeSync(SchoolCalendar)(c))).toEqual(c)
  })

  it.prop(
    "law: a date is in a semester exactly when some term contains it, and that semester is unique",
    [Arbitrary.make(SchoolCalendar), FastCheck.integer({ min: -10, max: 1800 })],
    ([c, offset]) => {
      const first = c.terms[0]
      const date = addDays(first?.start ?? d("2026-01-01"), offset)
      const containing = c.terms.filter((t) => t.start <= date && date <= t.end)
      expect(containing.length).toBeLessThanOrEqual(1)
      expect(Option.map(semesterOf(c, date), (p) => p.label)).toEqual(Option.fromNullable(containing[0]?.id))
    }
  )
})

describe("periods of any cadence", () => {
  it("a semester cadence without a school calendar is a SchoolCalendarRequired error, not a guess", () => {
    const r = periodContaining("semester", d("2026-03-10"))
    expect(Either.isLeft(r) && r.left instanceof SchoolCalendarRequired).toBe(true)
    if (Either.isLeft(r)) expect(r.left.message).toContain("2026-03-10")
    expect(Either.isLeft(periodsOverlapping("semester", d("2026-01-01"), d("2026-12-31")))).toBe(true)
    const spring = { cadence: "semester" as const, start: d("2026-02-23"), end: d("2026-07-03"), label: "2025-2026-2" }
    expect(Either.isLeft(nextPeriod(spring))).toBe(true)
    expect(Either.isLeft(previousPeriod(spring))).toBe(true)
  })

  it("a semester cadence with a school calendar finds the term, or none in a vacation", () => {
    expect(Either.map(periodContaining("semester", d("2026-03-10"), calendar), Option.map((p) => p.label))).toEqual(
      Either.right(Option.some("2025-2026-2"))
    )
    expect(periodContaining("semester", d("2026-08-01"), calendar)).toEqual(Either.right(Option.none()))
  })

  it("calendar cadences need no school calendar and always find a period", () => {
    const p = periodContaining("monthly", d("2026-02-14"))
    expect(Either.map(p, Option.map((x) => x.label))).toEqual(Either.right(Option.some("2026-02")))
    const q1 = { cadence: "quarterly" as const, start: d("2026-01-01"), end: d("2026-03-31"), label: "2026-Q1" }
    expect(Either.map(nextPeriod(q1), Option.map((x) => x.label))).toEqual(Either.right(Option.some("2026-Q2")))
    expect(Either.map(previousPeriod(q1), Option.map((x) => x.label))).toEqual(Either.right(Option.some("2025-Q4")))
    expect(Either.map(periodsOverlapping("yearly", d("2025-06-01"), d("2026-06-01")), (ps) => ps.length)).toEqual(Either.right(2))
  })

  it("law: semester periods never overlap and lie in date order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (span) => {
        const ps = semestersOverlapping(calendar, d("2024-01-01"), addDays(d("2024-01-01"), span))
        return ps.every((p, i) => i === 0 || daysBetween(ps[i - 1]!.end, p.start) > 0)
      })
    )
  })
})
