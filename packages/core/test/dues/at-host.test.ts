import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "../../src/dues/kinds.js"
import { duesService } from "../../src/dues/service.js"
import { yuan } from "../../src/money/money.js"
import { attachToB2, committee, countyViewer, ctxFor, failsUnchanged, otherSecretary, run, secretary, seed } from "./fixtures.js"

const kinds = [duesAssessmentKind, duesMonthKind, duesPaymentKind]
const RULE = "dues.payment.atHost"

/** m1 (home branch b1) is a mobile member attached to b2 from 1 May 2026, until `until`. */
const attach = (until: string | null) => attachToB2({ memberId: "m1", from: "2026-05-01", until, reason: "支教" })

const assessed = (until: string | null = null) =>
  Effect.gen(function* () {
    yield* seed
    yield* attach(until)
    yield* duesService.assess(ctxFor(committee), { id: "a-m1", memberId: "m1", year: 2026, kind: "annual", category: "employed", income: { monthly: yuan("4000.00"), deductions: [] } })
  })

const atHost = (months: ReadonlyArray<string>, over: object = {}) => ({ id: `host-${months.join("-")}`, memberId: "m1", paidOn: "2026-11-20", months, paidAt: "b2", ...over })

describe("dues.payment.atHost: a mobile member pays at the host organization", () => {
  it.effect("the host records it; the home ledger shows the months paid (not arrears), and paid + arrears = due", () =>
    run(
      Effect.gen(function* () {
        yield* assessed()
        const payment = yield* duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]))
        expect([payment.organizationId, payment.amount]).toEqual(["b2", yuan("200.00")])
        const ledger = yield* duesService.memberLedger(ctxFor(secretary), { memberId: "m1", year: 2026 })
        expect(ledger.openMonths).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        expect([ledger.due, ledger.paid, ledger.arrears]).toEqual([yuan("400.00"), yuan("200.00"), yuan("200.00")])
        expect(ledger.paid + ledger.arrears).toBe(ledger.due)
        const branch = yield* duesService.branchLedger(ctxFor(secretary), { organizationId: "b1", year: 2026 })
        expect(branch.members.find((m) => m.memberId === "m1")).toEqual({ memberId: "m1", due: yuan("400.00"), paid: yuan("200.00"), arrears: yuan("200.00") })
      })
    )
  )

  it.effect("a month paid at the host cannot be paid again at home, nor again at the host; nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* assessed()
        yield* duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-10"]))
        const home = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(secretary), { id: "home-10", memberId: "m1", paidOn: "2026-11-20", months: ["2026-10"] }))
        expect(home._tag).toBe("ZhibuDuesRejected")
        const again = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-10"], { id: "host-again" })))
        expect(again._tag).toBe("ZhibuDuesRejected")
      })
    )
  )

  it.effect("the county's quarters count the money once, at the host where it was paid; the months paid stay at home", () =>
    run(
      Effect.gen(function* () {
        yield* assessed()
        yield* duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-09", "2026-10"]))
        yield* duesService.recordPayment(ctxFor(secretary), { id: "home-11", memberId: "m1", paidOn: "2026-11-20", months: ["2026-11"] })
        const totals = yield* duesService.quarterTotals(ctxFor(countyViewer), { organizationId: "county", year: 2026 })
        const of = (id: string) => totals.organizations.find((o) => o.organizationId === id)!
        expect([of("b2").year.collected, of("b1").year.collected, of("school").year.collected]).toEqual([yuan("80.00"), yuan("40.00"), yuan("120.00")])
        expect([of("b1").quarters["2026-Q3"]!.paid, of("b1").quarters["2026-Q4"]!.paid, of("b2").year.paid]).toEqual([yuan("40.00"), yuan("80.00"), 0])
        expect(of("county").year.collected).toBe(of("b1").year.collected + of("b2").year.collected)
        expect(of("county").year.paid).toBe(of("b1").year.paid + of("b2").year.paid)
      })
    )
  )

  it.effect("only while the attachment is in force: its last day yes, the day after no (naming the rule)", () =>
    run(
      Effect.gen(function* () {
        yield* assessed("2026-11-20")
        yield* duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-10"]))
      })
    ).pipe(
      Effect.andThen(
        run(
          Effect.gen(function* () {
            yield* assessed("2026-11-19")
            const late = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(otherSecretary), atHost(["2026-10"])))
            expect(late._tag === "ZhibuDuesRejected" && late.ruleId).toBe(RULE)
          })
        )
      )
    )
  )

  it.effect("a member not attached to that host cannot pay there; the host cannot see other members' files", () =>
    run(
      Effect.gen(function* () {
        yield* assessed()
        yield* duesService.assess(ctxFor(committee), { id: "a-m2", memberId: "m2", year: 2026, kind: "annual", category: "employed", income: { monthly: yuan("4000.00"), deductions: [] } })
        const stranger = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(otherSecretary), { ...atHost(["2026-10"]), memberId: "m2", id: "m2-host" }))
        expect(stranger._tag === "ZhibuDuesRejected" && stranger.ruleId).toBe(RULE)
        const withoutPaidAt = yield* failsUnchanged(kinds, duesService.recordPayment(ctxFor(otherSecretary), { id: "x", memberId: "m1", paidOn: "2026-11-20", months: ["2026-10"] }))
        expect(withoutPaidAt._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("the home branch may record a payment made at the host too", () =>
    run(
      Effect.gen(function* () {
        yield* assessed()
        const payment = yield* duesService.recordPayment(ctxFor(secretary), atHost(["2026-10"]))
        expect(payment.organizationId).toBe("b2")
      })
    )
  )
})
