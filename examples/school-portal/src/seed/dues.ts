import { addDays, type CivilDate, duesService, type Member, memberService } from "@zhibu/core"
import { fromParts } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { SeedContext } from "./context.js"
import { rng } from "./rng.js"

/**
 * This year's dues, through `duesService` as the branch's committee would keep them: the yearly
 * fixing for every party member (teachers and staff on their pay, retirees on their pension), then
 * a payment each month on the 10th. Two members fall behind (one for two months, one since the
 * spring), so the ledger has arrears and, late in the year, a six-month signal to show.
 */

export interface DuesSeeded {
  readonly assessed: number
  readonly payments: number
  readonly refused: ReadonlyArray<string>
}

const yuan = (n: number) => Math.round(n * 100)

const isPartyMember = (m: Member) => m.status === "active" && (m.stage === "full" || m.stage === "probationary")

export const seedDues = (seed: SeedContext) =>
  Effect.gen(function* () {
    const { school, today } = seed
    const year = Number(today.slice(0, 4))
    const january = fromParts(year, 1, 1)
    const secretary = seed.contextAt("secretary", january)
    const members = (yield* memberService.list(seed.contextAt("secretary", today), { organizationId: school.branchId, limit: 1000 })).filter(isPartyMember)
    const refused: Array<string> = []
    let assessed = 0
    let payments = 0
    const thisMonth = Number(today.slice(5, 7))
    // Who falls behind: the 7th and the 19th party member (by id), if there are that many.
    const behind = new Map<string, number>()
    if (members[6] !== undefined) behind.set(members[6].id, 2)
    if (members[18] !== undefined) behind.set(members[18].id, Math.max(0, thisMonth - 4))
    for (const m of members) {
      const next = rng(seed.seed, `dues:${m.id}`)
      const retired = m.category === "retired"
      const monthly = retired ? yuan(3800 + Math.floor(next() * 1800)) : yuan(5200 + Math.floor(next() * 4600))
      const assessment = yield* duesService
        .assess(secretary, {
          id: `dues-${year}-${m.id}`,
          memberId: m.id,
          year,
          kind: "annual",
          category: retired ? "retiree" : "employed",
          income: {
            monthly,
            deductions: retired ? [] : [{ item: "socialInsurance", amount: Math.round(monthly * 0.08) }, { item: "housingFund", amount: Math.round(monthly * 0.12) }]
          }
        })
        .pipe(Effect.either)
      if (assessment._tag === "Left") {
        refused.push(`${m.id}: ${assessment.left.message}`)
        continue
      }
      assessed++
      const firstMonth = Number(assessment.right.assessment.fromMonth.slice(5, 7))
      const unpaid = behind.get(m.id) ?? 0
      for (let month = firstMonth; month <= thisMonth - unpaid; month++) {
        const paidOn: CivilDate = addDays(fromParts(year, month, 1), 9)
        if (paidOn > today) break
        const label = `${year}-${String(month).padStart(2, "0")}`
        const paid = yield* duesService
          .recordPayment(seed.contextAt("secretary", paidOn), { id: `pay-${label}-${m.id}`, memberId: m.id, paidOn, months: [label] })
          .pipe(Effect.either)
        if (paid._tag === "Left") refused.push(`${m.id} ${label}: ${paid.left.message}`)
        else payments++
      }
    }
    return { assessed, payments, refused } satisfies DuesSeeded
  })
