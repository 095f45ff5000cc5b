import * as Effect from "effect/Effect"
import { addDays, addMonths, type CivilDate } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import { subtreeIds } from "../org/tree.js"
import type { Finding } from "../profile/finding.js"
import { ruleAt } from "../profile/profile.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { transferLetterKind } from "./kinds.js"
import { reviewFindings } from "./recognition.js"
import { pocketMemberSignalRule, receiptDeadlineRule } from "./rules-letter.js"
import { pocketMemberSignals, postponementFindings, receiptFindings } from "./signals.js"
import { TransferScopeInput } from "./transfer-service-inputs.js"

/**
 * 转接检查 — the transfer findings of an organization and its subtree on today (`organization.read`):
 * letters without a receipt past their validity (for the sending branch), members transferred out and
 * received nowhere (口袋党员, for the county), and transferred-in probationary members whose
 * conversion discussion is postponed or overdue, or whose file is under review (rule 4.29).
 */
export const transferFindings = serviceMethod("transfer.findings", TransferScopeInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const store = yield* Store
    const ids = subtreeIds(input.organizationId, organizations)
    const today = todayOf(ctx)
    const pending = yield* store.list(transferLetterKind, ctx.tenantId, { organizationId: ids, status: "pending" })
    // A `within` letter belongs to its sender: the probationary members of the subtree are found by
    // their roll, and their letters by member, so the receiving branch sees its own.
    const probationary = yield* store.list(memberKind, ctx.tenantId, { organizationId: ids, stage: "probationary", status: "active" })
    const received =
      probationary.length === 0
        ? []
        : yield* store.list(transferLetterKind, ctx.tenantId, { memberId: probationary.map((m) => m.id), status: "received", direction: ["within", "in"] })
    const receivedOnProbation = received.filter((l) => l.stage === "probationary")
    const findings: ReadonlyArray<Finding> = [
      ...receiptFindings(pending, ctx.profile, today),
      ...pocketMemberSignals(pending, ctx.profile, today),
      ...probationary.flatMap((m) => [...postponementFindings(m, receivedOnProbation, ctx.profile, today), ...reviewFindings(m, ctx.profile)])
    ]
    return findings
  })
)

/**
 * The latest issue date whose `months` complete by `today` (`addMonths(issued, months) <= today`,
 * with month-end clamping): on a month's last day, every day of the month `months` back.
 */
export const latestIssueCompleting = (today: CivilDate, months: number): CivilDate => {
  const back = addMonths(today, -months)
  if (addDays(today, 1).slice(8) !== "01") return back
  return addDays(addMonths(addDays(back, 1 - Number(back.slice(8))), 1), -1)
}

/** One organization's letters waiting for a receipt: all of them, those past the receipt deadline, and the pocket members. */
export interface PendingLetterFigures {
  readonly organizationId: string
  readonly pending: number
  readonly overdue: number
  readonly pocketMembers: number
}

/**
 * 待回执统计 — for the county (`report.aggregate`, no personal data): per sending organization of the
 * subtree, the letters waiting for a receipt, those past the receipt deadline, and those old enough
 * to be a pocket member, on today. Three grouped counts in the store, however many branches. The
 * deadlines use today's rule parameters.
 */
export const pendingLetters = serviceMethod("transfer.pendingLetters", TransferScopeInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
    const store = yield* Store
    const today = todayOf(ctx)
    const grace = ruleAt(ctx.profile, receiptDeadlineRule, today).parameters.graceDays
    const months = ruleAt(ctx.profile, pocketMemberSignalRule, today).parameters.months
    const filter = { organizationId: subtreeIds(input.organizationId, organizations), status: "pending", direction: ["within", "out"] } as const
    const count = (extra: object) =>
      store.aggregate(transferLetterKind, ctx.tenantId, { groupBy: ["organizationId"], filter: { ...filter, ...extra } })
    const all = yield* count({})
    const overdue = yield* count({ validUntil: { lte: addDays(today, -1 - grace) } })
    const pocket = yield* count({ issuedOn: { lte: latestIssueCompleting(today, months) } })
    const of = (rows: typeof all, id: string) => rows.find((r) => r.group.organizationId === id)?.count ?? 0
    return all.map(
      (row): PendingLetterFigures => ({
        organizationId: row.group.organizationId,
        pending: row.count,
        overdue: of(overdue, row.group.organizationId),
        pocketMembers: of(pocket, row.group.organizationId)
      })
    )
  })
)
