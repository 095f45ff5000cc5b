import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addDays, addMonths, addYears, civilDate, fromEpochDay, toEpochDay } from "../../src/calendar/civil-date.js"
import type { Term } from "../../src/org/organization.js"
import { termDates, termFindings, termStatus } from "../../src/org/term.js"
import type { Finding } from "../../src/profile/finding.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { org } from "./fixtures.js"

const d = civilDate
const term = (electedOn: string, years: number, extensionMonths?: number): Term => ({
  electedOn: d(electedOn),
  years,
  ...(extensionMonths === undefined ? {} : { extension: { approvedOn: d("2026-05-01"), approvedBy: "县委教育工委", months: extensionMonths } })
})
const summary = (fs: ReadonlyArray<Finding>) => fs.map((f) => `${f.ruleId}:${f.severity}:${f.due ?? "-"}`)

describe("termDates (org.term.length, org.term.reminderWindow)", () => {
  it("a 3-year term elected on 2023-06-10 ends on 2026-06-10; reminders from 2025-12-10", () => {
    expect(termDates(term("2023-06-10", 3), 6)).toEqual({ termEnd: "2026-06-10", reminderFrom: "2025-12-10", extendedUntil: null })
  })

  it("a term elected on 29 February ends on 28 February (calendar years, month-end clamped)", () => {
    expect(termDates(term("2024-02-29", 3), 6).termEnd).toBe("2027-02-28")
  })

  it("an approved 12-month extension runs 12 calendar months from the term end", () => {
    expect(termDates(term("2023-06-10", 3, 12), 6).extendedUntil).toBe("2027-06-10")
  })
})

describe("termStatus (org.term.electionDue, org.term.extension)", () => {
  const plain = termDates(term("2023-06-10", 3), 6)
  const extended = termDates(term("2023-06-10", 3, 12), 6)

  it("the day before the reminder window is in term; the first day of it is due soon", () => {
    expect(termStatus(plain, d("2025-12-09"))).toBe("inTerm")
    expect(termStatus(plain, d("2025-12-10"))).toBe("dueSoon")
  })

  it("the term-end day is still due; the day after is overdue", () => {
    expect(termStatus(plain, d("2026-06-09"))).toBe("dueSoon")
    expect(termStatus(plain, d("2026-06-10"))).toBe("dueSoon")
    expect(termStatus(plain, d("2026-06-11"))).toBe("overdue")
  })

  it("with an approved extension: extended up to its last day, hard overdue the day after", () => {
    expect(termStatus(extended, d("2026-06-11"))).toBe("extended")
    expect(termStatus(extended, d("2027-06-10"))).toBe("extended")
    expect(termStatus(extended, d("2027-06-11"))).toBe("hardOverdue")
  })

  it("law: the status never goes back as days pass", () => {
    const order = ["inTerm", "dueSoon", "extended", "overdue", "hardOverdue"] as const
    const rank = (s: (typeof order)[number]) => (s === "overdue" ? 2 : order.indexOf(s))
    const day = fc.integer({ min: toEpochDay(d("2000-01-01")), max: toEpochDay(d("2060-12-31")) }).map(fromEpochDay)
    fc.assert(
      fc.property(day, fc.integer({ min: 3, max: 5 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), day, fc.nat(2000), (elected, years, ext, today, later) => {
        const dates = termDates({ electedOn: elected, years, ...(ext === undefined ? {} : { extension: { approvedOn: elected, approvedBy: "x", months: ext } }) }, 6)
        expect(rank(termStatus(dates, addDays(today, later)))).toBeGreaterThanOrEqual(rank(termStatus(dates, today)))
      })
    )
  })
})

describe("termFindings", () => {
  const branch = (t: Term | null, kind: "branch" | "partyGroup" = "branch") =>
    ({ ...org("b1", kind, "school"), term: t }) as ReturnType<typeof org>
  const at = (t: Term | null, today: string) => summary(termFindings(branch(t), nationalBaseline, d(today)))

  it("no findings before the reminder window", () => {
    expect(at(term("2023-06-10", 3), "2025-12-09")).toEqual([])
  })

  it("org.term.reminderWindow: a reminder due on the term end, from 6 months before it", () => {
    expect(at(term("2023-06-10", 3), "2025-12-10")).toEqual(["org.term.reminderWindow:reminder:2026-06-10"])
    expect(at(term("2023-06-10", 3), "2026-06-10")).toEqual(["org.term.reminderWindow:reminder:2026-06-10"])
  })

  it("org.term.electionDue: the day after the term end with no extension is a violation", () => {
    expect(at(term("2023-06-10", 3), "2026-06-11")).toEqual(["org.term.electionDue:violation:2026-06-10"])
  })

  it("org.term.extension: within an approved extension a reminder; after it a violation", () => {
    expect(at(term("2023-06-10", 3, 12), "2026-03-01")).toEqual(["org.term.extension:reminder:2027-06-10"])
    expect(at(term("2023-06-10", 3, 12), "2027-06-10")).toEqual(["org.term.extension:reminder:2027-06-10"])
    expect(at(term("2023-06-10", 3, 12), "2027-06-11")).toEqual(["org.term.extension:violation:2027-06-10"])
  })

  it("org.term.bounds: a term recorded as 2 years breaks the 党章's 3 to 5", () => {
    expect(at(term("2025-06-10", 2), "2025-07-01")).toEqual(["org.term.bounds:violation:-"])
  })

  it("no term recorded is a warning; a party group has no term", () => {
    expect(at(null, "2026-03-01")).toEqual(["org.term.electionDue:warning:-"])
    expect(summary(termFindings(branch(null, "partyGroup"), nationalBaseline, d("2026-03-01")))).toEqual([])
  })

  it("the overdue message names the term end", () => {
    const [f] = termFindings(branch(term("2023-06-10", 3)), nationalBaseline, d("2026-07-01"))
    expect(f!.message.zh).toContain("2026-06-10")
    expect(f!.message.en).toContain("org.term.electionDue")
  })
})

it("termDates laws: the end is electedOn + years; the reminder starts before it, at most 6 months earlier", () => {
  fc.assert(
    fc.property(fc.integer({ min: toEpochDay(d("2000-01-01")), max: toEpochDay(d("2060-12-31")) }), fc.integer({ min: 3, max: 5 }), (day, years) => {
      const electedOn = fromEpochDay(day)
      const dates = termDates({ electedOn, years }, 6)
      expect(dates.termEnd).toBe(addYears(electedOn, years))
      expect(dates.reminderFrom < dates.termEnd).toBe(true)
      expect(addMonths(dates.reminderFrom, 6) <= dates.termEnd).toBe(true)
    })
  )
})
