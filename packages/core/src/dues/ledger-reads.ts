import * as Effect from "effect/Effect"
import type { CivilDate } from "../calendar/civil-date.js"
import type { ResolvedRule } from "../profile/rule.js"
import { Store } from "../store/port.js"
import { duesMonthKind } from "./kinds.js"
import { addMonthsTo, type Month, monthOf, monthStart } from "./month.js"
import type { OrganizationQuarters } from "./totals.js"

/* 党费台账的读取 — what the dues service's ledgers answer, and the months they count. */

/** A member's line in a branch ledger: sums in fen, never the pay base. */
export interface BranchLedgerLine {
  readonly memberId: string
  readonly due: number
  readonly paid: number
  readonly arrears: number
}

/**
 * The last month of `year` that is owed on `today`: the month before today's (党费 is paid during
 * the month, so the current month is not yet in arrears), and never past December. A year still to
 * come owes nothing yet.
 */
export const owedThrough = (year: number, today: CivilDate): Month => {
  const previous = addMonthsTo(monthOf(today), -1)
  const december = `${year}-12` as Month
  return previous < december ? previous : december
}

/** 支部党费台账 — per member and in total, for the months up to `asOf`. */
export interface BranchLedger {
  readonly organizationId: string
  readonly year: number
  readonly asOf: Month
  readonly members: ReadonlyArray<BranchLedgerLine>
  readonly due: number
  readonly paid: number
  readonly arrears: number
}

/** 党费收缴情况公示 — the branch's year as published to its members (rules.md 5.13). */
export interface YearlyPublication extends BranchLedger {
  readonly collected: number
  readonly voluntary: number
  readonly toCentre: number
  readonly membersInArrears: number
  readonly rule: ResolvedRule
}

/** 党费季度汇总 — the subtree of an organization, each organization with its quarters (totals only). */
export interface QuarterTotals {
  readonly organizationId: string
  readonly year: number
  readonly organizations: ReadonlyArray<OrganizationQuarters>
}

export const quartersOf = (year: number): ReadonlyArray<string> => [1, 2, 3, 4].map((q) => `${year}-Q${q}`)

/** The branch ledger from one grouped aggregate (one query, whatever the branch's size). */
export const branchLedgerOf = (tenantId: string, organizationId: string, year: number, asOf: Month) =>
  Effect.gen(function* () {
    const store = yield* Store
    const rows = yield* store.aggregate(duesMonthKind, tenantId, {
      groupBy: ["memberId"],
      filter: { organizationId, year, monthStart: { lte: monthStart(asOf) } },
      sum: ["due", "paid", "arrears"]
    })
    const members = rows.map((r) => ({ memberId: r.group.memberId, due: r.sums.due, paid: r.sums.paid, arrears: r.sums.arrears }))
    const sum = (k: "due" | "paid" | "arrears") => members.reduce((t, m) => t + m[k], 0)
    return { organizationId, year, asOf, members, due: sum("due"), paid: sum("paid"), arrears: sum("arrears") } satisfies BranchLedger
  })
