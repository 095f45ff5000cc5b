import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { type CivilDate, civilDate } from "../../src/calendar/civil-date.js"
import { duesPosition, memberLedger, planMonths, planPayment } from "../../src/dues/ledger.js"
import { addMonthsTo, type Month, monthFromIndex, monthIndex } from "../../src/dues/month.js"
import type { DuesMonth } from "../../src/dues/records.js"
import { lastDuesPaidMonthOf } from "../../src/member/signals.js"
import { type Fen, fen } from "../../src/money/money.js"
import { nationalBaseline } from "../../src/national-profile.js"

const owner = { tenantId: "t1", memberId: "m1", organizationId: "b1" }
const stored = (plan: ReturnType<typeof planMonths>): Array<DuesMonth> => plan.creates.map((m) => ({ ...m, version: 1 }) as DuesMonth)

describe("planMonths", () => {
  it("an assessment from March writes March to December; a later lower amount never owes less than was paid", () => {
    const months = stored(planMonths(owner, "a1", fen(4000), "2026-03" as Month, []))
    expect(months.map((m) => m.month)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
    const paid = months.map((m) => (m.month === "2026-06" ? { ...m, paid: m.due } : m))
    const lower = planMonths(owner, "a2", fen(1000), "2026-06" as Month, paid)
    expect(lower.creates).toEqual([])
    expect(lower.updates.map((m) => [m.month, m.due])).toEqual([["2026-06", 4000], ...["07", "08", "09", "10", "11", "12"].map((mm) => [`2026-${mm}`, 1000])])
  })
})

describe("law: in a ledger, paid + arrears = due, and no month is paid twice", () => {
  const monthArb = fc.integer({ min: 0, max: 11 }).map((i) => monthFromIndex(monthIndex("2026-01" as Month) + i))
  const paymentArb = fc.record({
    months: fc.uniqueArray(monthArb, { maxLength: 8 }),
    day: fc.integer({ min: 0, max: 364 }),
    voluntary: fc.constantFrom(0, 0, 500, 100_000)
  })
  it("after any sequence of payments, accepted or refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(paymentArb, { maxLength: 12 }), (amount, payments) => {
        let months = stored(planMonths(owner, "a1", amount as Fen, "2026-01" as Month, []))
        let paidTotal = 0
        for (const [i, p] of payments.entries()) {
          const paidOn = civilDate(`2026-${String(Math.floor(p.day / 31) + 1).padStart(2, "0")}-${String((p.day % 28) + 1).padStart(2, "0")}`) as CivilDate
          const result = planPayment(
            { id: `p${i}`, memberId: "m1", paidOn, method: "monthly", paidBy: null, consentOn: null, months: p.months, voluntary: p.voluntary as Fen },
            owner,
            months.filter((m) => p.months.includes(m.month)),
            nationalBaseline,
            civilDate("2026-12-31")
          )
          if (Either.isLeft(result)) continue
          paidTotal += result.right.payment.amount
          const updated = new Map(result.right.updates.map((m) => [m.month, m]))
          months = months.map((m) => updated.get(m.month) ?? m)
        }
        const ledger = memberLedger("m1", months)
        expect(ledger.paid + ledger.arrears).toBe(ledger.due)
        for (const l of ledger.lines) expect(l.paid + l.arrears).toBe(l.due)
        expect(ledger.paid).toBe(paidTotal)
      }),
      { numRuns: 300 }
    )
  })
})

describe("lastDuesPaidMonthOf (feeds member.lapse.sixMonths)", () => {
  const m = (month: string, due: number, paid: number) => ({ month, due, paid })
  it("is the latest settled month; an exempt month (due 0) counts as settled", () => {
    expect(lastDuesPaidMonthOf([m("2026-01", 100, 100), m("2026-02", 100, 0), m("2026-03", 100, 100), m("2026-04", 100, 0)])).toBe("2026-03")
    expect(lastDuesPaidMonthOf([m("2026-01", 100, 100), m("2026-02", 0, 0)])).toBe("2026-02")
  })
  it("with nothing settled, the month before the ledger began; unknown without a ledger", () => {
    expect(lastDuesPaidMonthOf([m("2026-01", 100, 0), m("2026-02", 100, 0)])).toBe("2025-12")
    expect(lastDuesPaidMonthOf([])).toBeUndefined()
  })
})

describe("duesPosition (the province-year status per member)", () => {
  it("agrees with memberLedger and counts the open months after the last settled one", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (paidFlags, upTo) => {
        const months = stored(planMonths(owner, "a1", fen(1500), "2026-01" as Month, [])).map((m, i) => (paidFlags[i] ? { ...m, paid: m.due } : m))
        const asOf = monthFromIndex(monthIndex("2026-01" as Month) + upTo - 1)
        const position = duesPosition(months, asOf)
        const ledger = memberLedger("m1", months, asOf)
        const settled = ledger.lines.filter((l) => l.arrears === 0).map((l) => l.month)
        const last = settled.at(-1)
        expect([position.due, position.paid, position.arrears]).toEqual([ledger.due, ledger.paid, ledger.arrears])
        expect(position.consecutiveOpen).toBe(ledger.lines.filter((l) => l.arrears > 0 && (last === undefined || l.month > last)).length)
      }),
      { numRuns: 200 }
    )
  })
})

describe("duesPosition and lastDuesPaidMonthOf over months in any order (issue 12 made them compare fewer labels)", () => {
  /** The plain reading: every month looked at for every figure. */
  const model = (months: ReadonlyArray<{ month: string; due: number; paid: number }>, asOf: string) => {
    const upTo = months.filter((m) => m.month <= asOf)
    const settled = upTo.filter((m) => m.paid >= m.due).map((m) => m.month).sort()
    const last = settled.at(-1)
    const first = upTo.map((m) => m.month).sort()[0]
    return {
      due: upTo.reduce((n, m) => n + m.due, 0),
      paid: upTo.reduce((n, m) => n + m.paid, 0),
      lastSettledMonth: last ?? first,
      consecutiveOpen: upTo.filter((m) => m.paid < m.due && (last === undefined || m.month > last)).length
    }
  }
  const monthsArb = fc.uniqueArray(
    fc.record({ index: fc.integer({ min: 2024 * 12, max: 2027 * 12 }), due: fc.constantFrom(0, 300, 1500), paid: fc.constantFrom(0, 300, 1500) }),
    { selector: (m) => m.index, maxLength: 30 }
  )
  it("law: the same figures as the plain reading, for months shuffled, partly paid or exempt", () => {
    fc.assert(
      fc.property(monthsArb, fc.integer({ min: 2024 * 12, max: 2027 * 12 }), (rows, asOfIndex) => {
        const months = rows.map((r) => ({ month: monthFromIndex(r.index), due: r.due, paid: r.paid }))
        const asOf = monthFromIndex(asOfIndex)
        const position = duesPosition(months, asOf)
        const expected = model(months, asOf)
        expect({ due: position.due, paid: position.paid, lastSettledMonth: position.lastSettledMonth, consecutiveOpen: position.consecutiveOpen }).toEqual(expected)
        expect(position.arrears).toBe(expected.due - expected.paid)
        const settled = months.filter((m) => m.paid >= m.due).map((m) => m.month).sort()
        const first = months.map((m) => m.month).sort()[0]
        const lastPaid = settled.at(-1) ?? (first === undefined ? undefined : addMonthsTo(first, -1))
        expect(lastDuesPaidMonthOf(months)).toBe(lastPaid)
        expect(lastDuesPaidMonthOf(new Set(months))).toBe(lastPaid)
      }),
      { numRuns: 500 }
    )
  })
})
