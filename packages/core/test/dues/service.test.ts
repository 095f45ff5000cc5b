import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "../../src/dues/kinds.js"
import { owedThrough } from "../../src/dues/ledger-reads.js"
import { duesService } from "../../src/dues/service.js"
import { memberService } from "../../src/member/member-service.js"
import { yuan } from "../../src/money/money.js"
import { committee, countyViewer, ctxFor, failsUnchanged, organizer, otherSecretary, run, secretary, seed, self } from "./fixtures.js"

const kinds = [duesAssessmentKind, duesMonthKind, duesPaymentKind]
const income = (monthly: string) => ({ monthly: yuan(monthly), deductions: [] })
const annual = (memberId: string, monthly = "4000.00", over: object = {}) => ({
  id: `a-${memberId}-2026`,
  memberId,
  year: 2026,
  kind: "annual" as const,
  category: "employed" as const,
  income: income(monthly),
  ...over
})
const pay = (memberId: string, months: ReadonlyArray<string>, over: object = {}) => ({ id: `pay-${memberId}-${months.join("-")}`, memberId, paidOn: "2026-11-20", months, ...over })

const assessed = Effect.gen(function* () {
  yield* seed
  for (const id of ["m1", "m2", "m3"]) yield* duesService.assess(ctxFor(committee), annual(id))
  yield* duesService.assess(ctxFor(otherSecretary), annual("n1", "6000.00"))
})

describe("months not yet owed are not arrears", () => {
  it("owedThrough: the month before today's, never past December; a future year owes nothing yet", () => {
    expect(owedThrough(2026, "2026-11-20" as CivilDate)).toBe("2026-10")
    expect(owedThrough(2026, "2026-01-05" as CivilDate)).toBe("2025-12")
    expect(owedThrough(2025, "2026-11-20" as CivilDate)).toBe("2025-12")
    expect(owedThrough(2026, "2027-01-01" as CivilDate)).toBe("2026-12")
  })

  it.effect("by default a ledger counts the months owed by today: on 2026-11-20, January to October", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* duesService.assess(ctxFor(committee), annual("m1"))
        const ledger = yield* duesService.memberLedger(ctxFor(committee), { memberId: "m1", year: 2026 })
        expect([ledger.lines.length, ledger.arrears]).toEqual([10, yuan("400.00")])
        const branch = yield* duesService.branchLedger(ctxFor(committee), { organizationId: "b1", year: 2026 })
        expect(branch.asOf).toBe("2026-10")
      })
    )
  )
})

describe("duesService.assess", () => {
  it.effect("fixes the year: 12 month records of 40.00 元 for 4000 元 (1%)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const { assessment, amount } = yield* duesService.assess(ctxFor(committee), annual("m1"))
        expect([assessment.fromMonth, assessment.monthlyAmount, amount.rate]).toEqual(["2026-01", yuan("40.00"), 100])
        const ledger = yield* duesService.memberLedger(ctxFor(committee), { memberId: "m1", year: 2026, asOf: "2026-12" })
        expect([ledger.lines.length, ledger.due, ledger.paid, ledger.arrears]).toEqual([12, yuan("480.00"), 0, yuan("480.00")])
      })
    )
  )

  it.effect("a probationary member starts in the month of the admitting branch meeting (dues.probationary.start)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const { assessment } = yield* duesService.assess(ctxFor(committee), annual("p1"))
        expect(assessment.fromMonth).toBe("2026-03")
        const error = yield* failsUnchanged(kinds, duesService.assess(ctxFor(committee), annual("p1", "4000.00", { id: "x", year: 2026, kind: "change", fromMonth: "2026-02" })))
        expect(error._tag).toBe("ZhibuDuesRejected")
      })
    )
  )

  it.effect("before the admitting month is refused with the rule and the first allowed date", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged(kinds, duesService.assess(ctxFor(committee), annual("p1", "4000.00", { fromMonth: "2026-02" })))
        expect(error._tag === "ZhibuDuesRejected" && [error.ruleId, error.allowedFrom]).toEqual(["dues.probationary.start", "2026-03-01"])
      })
    )
  )

  it.effect("a second yearly fixing is refused (dues.assessment.annual); a pay change applies from the month first paid", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const again = yield* failsUnchanged(kinds, duesService.assess(ctxFor(committee), annual("m1", "5000.00", { id: "again" })))
        expect(again._tag === "ZhibuDuesRejected" && again.ruleId).toBe("dues.assessment.annual")
        yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"]))
        yield* duesService.assess(ctxFor(committee), annual("m1", "5000.01", { id: "raise", kind: "change", fromMonth: "2026-11" }))
        const ledger = yield* duesService.memberLedger(ctxFor(committee), { memberId: "m1", year: 2026, asOf: "2026-12" })
        // 2026-11 was paid at 40.00: the raise to 75.00 leaves 35.00 owed for it; December owes 75.00.
        expect(ledger.lines.slice(-2).map((l) => [l.month, l.due, l.paid, l.arrears])).toEqual([
          ["2026-11", yuan("75.00"), yuan("40.00"), yuan("35.00")],
          ["2026-12", yuan("75.00"), 0, yuan("75.00")]
        ])
      })
    )
  )

  it.effect("a negative income is InvalidInput, an applicant owes nothing, and neither writes anything", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const negative = yield* failsUnchanged(kinds, duesService.assess(ctxFor(committee), annual("m1", "0.00", { income: { monthly: -1, deductions: [] } })))
        expect(negative._tag).toMatch(/^(Zhibu)?InvalidInput$/)
        const applicant = yield* failsUnchanged(kinds, duesService.assess(ctxFor(committee), annual("a1")))
        expect(applicant._tag).toBe("ZhibuDuesRejected")
      })
    )
  )

  it.effect("a hardship exemption is the higher committee's: a secretary is Forbidden, the organizer records it", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const hardship = { kind: "exempt", branchDiscussedOn: "2025-12-10", approvedBy: "县教育工委", approvedOn: "2025-12-20" }
        const forbidden = yield* failsUnchanged(kinds, duesService.assess(ctxFor(secretary), annual("m1", "4000.00", { hardship })))
        expect(forbidden._tag).toMatch(/^(Zhibu)?Forbidden$/)
        const { assessment } = yield* duesService.assess(ctxFor(organizer), annual("m1", "4000.00", { hardship }))
        expect([assessment.computed, assessment.monthlyAmount]).toEqual([yuan("40.00"), 0])
      })
    )
  )
})

describe("duesService.recordPayment", () => {
  it.effect("settles the months: paid + arrears = due; the month is then not paid twice", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const payment = yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-10", "2026-11"]))
        expect([payment.amount, payment.toCentre]).toEqual([yuan("80.00"), 0])
        const ledger = yield* duesService.memberLedger(ctxFor(committee), { memberId: "m1", year: 2026, asOf: "2026-11" })
        expect([ledger.due, ledger.paid, ledger.arrears]).toEqual([yuan("440.00"), yuan("80.00"), yuan("360.00")])
        const twice = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"], { id: "again" })))
        expect(twice._tag).toBe("ZhibuDuesRejected")
      })
    )
  )

  it.effect("back payment: six past months at once is allowed, seven is refused (dues.payment.backPayment)", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const seven = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
        const error = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m1", seven)))
        expect(error._tag === "ZhibuDuesRejected" && error.ruleId).toBe("dues.payment.backPayment")
        yield* duesService.recordPayment(ctxFor(committee), pay("m1", [...seven.slice(1), "2026-11"]))
      })
    )
  )

  it.effect("a month with no dues assessed, a duplicate payment id, a future month: refused, nothing written", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const unknown = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m1", ["2025-12"])))
        expect(unknown._tag === "ZhibuDuesRejected" && unknown.missing).toBe("month 2025-12")
        yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"]))
        const sameId = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m2", ["2026-11"], { id: "pay-m1-2026-11" })))
        expect(sameId._tag).toMatch(/^(Zhibu)?Conflict$/)
        const ahead = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m2", ["2026-12"])))
        expect(ahead._tag === "ZhibuDuesRejected" && ahead.ruleId).toBe("dues.payment.prepayment")
        const malformed = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m2", ["2026-13"])))
        expect(malformed._tag).toMatch(/^(Zhibu)?InvalidInput$/)
      })
    )
  )

  it.effect("quarterly payment needs the branch's consent and may cover the current quarter (dues.payment.methods)", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const q4 = ["2026-10", "2026-11", "2026-12"]
        const error = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m1", q4, { method: "quarterly" })))
        expect(error._tag === "ZhibuDuesRejected" && [error.ruleId, error.missing]).toEqual(["dues.payment.methods", "consentOn"])
        const payment = yield* duesService.recordPayment(ctxFor(committee), pay("m1", q4, { method: "quarterly", consentOn: "2026-01-05" }))
        expect(payment.amount).toBe(yuan("120.00"))
      })
    )
  )

  it.effect("paid by another needs the branch's consent and names who paid", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const unnamed = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"], { method: "byAnother", consentOn: "2026-09-01" })))
        expect(unnamed._tag === "ZhibuDuesRejected" && [unnamed.ruleId, unnamed.missing]).toEqual(["dues.payment.methods", "paidBy"])
        const payment = yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"], { method: "byAnother", consentOn: "2026-09-01", paidBy: "家属 王某" }))
        expect([payment.method, payment.paidBy]).toEqual(["byAnother", "家属 王某"])
      })
    )
  )

  it.effect("a voluntary one-off payment: 999.99 元 stays, 1000.00 元 goes in full to the Centre (dues.voluntary.centre)", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const below = yield* duesService.recordPayment(ctxFor(committee), pay("m1", [], { id: "v1", voluntary: yuan("999.99") }))
        const at = yield* duesService.recordPayment(ctxFor(committee), pay("m1", [], { id: "v2", voluntary: yuan("1000.00") }))
        expect([below.toCentre, at.toCentre]).toEqual([0, yuan("1000.00")])
      })
    )
  )
})

describe("duesService: ledgers, publication and the county's quarters", () => {
  it.effect("the branch ledger and the yearly publication come from aggregates; each total is the sum of the members", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"]))
        yield* duesService.recordPayment(ctxFor(committee), pay("m2", ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]))
        const ledger = yield* duesService.branchLedger(ctxFor(committee), { organizationId: "b1", year: 2026, asOf: "2026-11" })
        expect(ledger.members.map((m) => [m.memberId, m.paid, m.arrears])).toEqual([
          ["m1", yuan("40.00"), yuan("400.00")],
          ["m2", yuan("240.00"), yuan("200.00")],
          ["m3", 0, yuan("440.00")]
        ])
        expect(ledger.due).toBe(ledger.members.reduce((t, m) => t + m.due, 0))
        // Published after the year closes (the January after), so every month of 2026 is owed.
        const publication = yield* duesService.yearlyPublication(ctxFor(secretary, new Date("2027-01-05T02:00:00Z")), { organizationId: "b1", year: 2026 })
        expect([publication.collected, publication.due, publication.membersInArrears, publication.rule.id]).toEqual([yuan("280.00"), yuan("1440.00"), 3, "dues.publication.yearly"])
      })
    )
  )

  it.effect("the county sees quarter totals per organization, rolled up, and no member or pay base", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        yield* duesService.recordPayment(ctxFor(committee), pay("m1", ["2026-11"]))
        yield* duesService.recordPayment(ctxFor(otherSecretary), pay("n1", ["2026-10", "2026-11"]))
        const totals = yield* duesService.quarterTotals(ctxFor(countyViewer), { organizationId: "county", year: 2026 })
        const of = (id: string) => totals.organizations.find((o) => o.organizationId === id)!
        expect(of("b1").quarters["2026-Q4"]!.collected).toBe(yuan("40.00"))
        expect(of("b2").quarters["2026-Q4"]!.collected).toBe(yuan("180.00"))
        expect(of("county").quarters["2026-Q4"]).toEqual(of("school").quarters["2026-Q4"])
        expect(of("school").year.due).toBe(of("b1").year.due + of("b2").year.due)
        expect(JSON.stringify(totals)).not.toMatch(/m1|n1|income|base/)
        const forbidden = yield* Effect.flip(duesService.branchLedger(ctxFor(countyViewer), { organizationId: "b1", year: 2026 }))
        expect(forbidden._tag).toMatch(/^(Zhibu)?Forbidden$/)
      })
    )
  )

  it.effect("a member reads their own ledger, not another's; another branch's secretary cannot see b1's members", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        yield* duesService.memberLedger(ctxFor(self("m1")), { memberId: "m1", year: 2026 })
        const other = yield* Effect.flip(duesService.memberLedger(ctxFor(self("m1")), { memberId: "m2", year: 2026 }))
        expect(other._tag).toMatch(/^(Zhibu)?NotFound$/)
        const elsewhere = yield* Effect.flip(duesService.recordPayment(ctxFor(otherSecretary), pay("m1", ["2026-11"])))
        expect(elsewhere._tag).toMatch(/^(Zhibu)?NotFound$/)
      })
    )
  )

  it.effect("six months unpaid: the ledger's evidence raises the member.lapse.sixMonths flag; a payment silences it", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        yield* duesService.recordPayment(ctxFor(committee), pay("m3", ["2026-04"], { paidOn: "2026-04-20" }))
        const evidence = yield* duesService.signalEvidence(ctxFor(committee), { memberId: "m3" })
        expect(evidence).toEqual({ lastDuesPaidMonth: "2026-04" })
        const report = yield* memberService.timeline(ctxFor(secretary), { memberId: "m3", evidence })
        expect(report.signals.map((s) => s.ruleId)).toContain("member.lapse.sixMonths")
        yield* duesService.recordPayment(ctxFor(committee), pay("m3", ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]))
        const after = yield* duesService.signalEvidence(ctxFor(committee), { memberId: "m3" })
        const quiet = yield* memberService.timeline(ctxFor(secretary), { memberId: "m3", evidence: after })
        expect(quiet.signals.map((s) => s.ruleId)).not.toContain("member.lapse.sixMonths")
      })
    )
  )

  it.effect("the pay base is masked in reads by default; only those who assess may reveal it", () =>
    run(
      Effect.gen(function* () {
        yield* assessed
        const masked = yield* duesService.memberAssessments(ctxFor(self("m1")), { memberId: "m1", year: 2026 })
        expect([masked[0]?.income, masked[0]?.monthlyAmount]).toEqual(["masked", yuan("40.00")])
        const denied = yield* Effect.flip(duesService.memberAssessments(ctxFor(self("m1")), { memberId: "m1", year: 2026, reveal: true }))
        expect(denied._tag).toMatch(/Forbidden$/)
        const revealed = yield* duesService.memberAssessments(ctxFor(committee), { memberId: "m1", year: 2026, reveal: true })
        expect(revealed[0]?.income).toEqual({ monthly: yuan("4000.00"), deductions: [] })
      })
    )
  )
})
