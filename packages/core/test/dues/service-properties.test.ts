import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { duesMonthKind, duesPaymentKind } from "../../src/dues/kinds.js"
import { duesService } from "../../src/dues/service.js"
import { yuan } from "../../src/money/money.js"
import { Store } from "../../src/store/port.js"
import { committee, countyViewer, ctxFor, organizer, otherSecretary, seed, TENANT } from "./fixtures.js"

const memberArb = fc.constantFrom("m1", "m2", "m3", "n1")
const monthArb = fc.integer({ min: 5, max: 11 }).map((m) => `2026-${String(m).padStart(2, "0")}`)
const commandArb = fc.record({ memberId: memberArb, months: fc.uniqueArray(monthArb, { maxLength: 4 }), voluntary: fc.constantFrom(0, 0, 5000, 100_000) })

describe("law: after any payments, the county's quarters equal the sum of the month and payment records, and paid + arrears = due", () => {
  it("on the memory store", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 8 }), fc.integer({ min: 3000, max: 12_000 }), async (commands, pay) =>
        Effect.runPromise(
          Effect.gen(function* () {
            yield* seed
            for (const id of ["m1", "m2", "m3"]) yield* duesService.assess(ctxFor(committee), { id: `a-${id}`, memberId: id, year: 2026, kind: "annual", category: "employed", income: { monthly: pay * 100, deductions: [] } })
            yield* duesService.assess(ctxFor(organizer), { id: "a-n1", memberId: "n1", year: 2026, kind: "annual", category: "retiree", income: { monthly: pay * 100, deductions: [] } })
            for (const [i, c] of commands.entries()) {
              const who = c.memberId === "n1" ? otherSecretary : committee
              yield* Effect.either(duesService.recordPayment(ctxFor(who), { id: `p${i}`, memberId: c.memberId, paidOn: "2026-11-20", months: c.months, voluntary: c.voluntary }))
            }
            const store = yield* Store
            const months = yield* store.list(duesMonthKind, TENANT)
            const payments = yield* store.list(duesPaymentKind, TENANT)
            const totals = yield* duesService.quarterTotals(ctxFor(countyViewer), { organizationId: "county", year: 2026 })
            const county = totals.organizations.find((o) => o.organizationId === "county")!.year
            const sum = (xs: ReadonlyArray<number>) => xs.reduce((t, x) => t + x, 0)
            expect(county.due).toBe(sum(months.map((m) => m.due)))
            expect(county.paid).toBe(sum(months.map((m) => m.paid)))
            expect(county.paid + county.arrears).toBe(county.due)
            expect(county.collected).toBe(sum(payments.map((p) => p.amount)))
            expect(county.toCentre).toBe(sum(payments.filter((p) => p.voluntary >= yuan("1000.00")).map((p) => p.voluntary)))
            const school = totals.organizations.find((o) => o.organizationId === "school")!.year
            const branches = totals.organizations.filter((o) => o.organizationId === "b1" || o.organizationId === "b2")
            expect(school.due).toBe(sum(branches.map((b) => b.year.due)))
          }).pipe(Effect.provide(MemoryStore.layer()))
        )
      ),
      { numRuns: 25 }
    )
  }, 60_000)
})
