import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { type Fen, remainingFen, sumFen } from "../money/money.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { derivedId } from "../tenant/derived-id.js"
import { DuesRejected } from "./errors.js"
import { addMonthsTo, type Month, monthIndex, monthOf, monthsFromTo, monthStart, quarterStartMonth } from "./month.js"
import type { DuesMonth, DuesPayment } from "./records.js"
import { voluntaryCentreRule } from "./rules-amount.js"
import { type PaymentMethod, paymentBackPaymentRule, paymentMethodsRule, paymentPrepaymentRule, probationaryStartRule } from "./rules-ledger.js"

/** The id of a member's dues month: one record per member and month. */
export const duesMonthId = (memberId: string, month: Month): string => derivedId(month.replace("-", ""), memberId)

type NewMonth = Omit<DuesMonth, "version">

/** The month records an assessment writes: new months to create and stored months whose due changes. */
export interface MonthsPlan {
  /** New month records (without `version`: the store sets it on create). */
  readonly creates: ReadonlyArray<Omit<DuesMonth, "version">>
  readonly updates: ReadonlyArray<DuesMonth>
}

/**
 * The months an assessment of `amount` from `from` sets, up to December of that year. A month not on
 * file is created; a stored month takes the new amount, except that a month already paid never
 * owes less than was paid (no refund is implied: a lower amount applies to what is still open).
 */
export const planMonths = (
  owner: { readonly tenantId: string; readonly memberId: string; readonly organizationId: string },
  assessmentId: string,
  amount: Fen,
  from: Month,
  stored: ReadonlyArray<DuesMonth>
): MonthsPlan => {
  const byMonth = new Map(stored.map((m) => [m.month, m]))
  const creates: Array<NewMonth> = []
  const updates: Array<DuesMonth> = []
  for (const month of monthsFromTo(from, `${from.slice(0, 4)}-12` as Month)) {
    const existing = byMonth.get(month)
    if (existing === undefined) {
      creates.push({ ...owner, tenantId: owner.tenantId as NewMonth["tenantId"], memberId: owner.memberId as NewMonth["memberId"], organizationId: owner.organizationId as NewMonth["organizationId"], id: duesMonthId(owner.memberId, month), month, due: amount, paid: 0 as Fen, assessmentId, paymentId: null, paidOn: null })
    } else {
      const due = (amount >= existing.paid ? amount : existing.paid) as Fen
      if (due !== existing.due || existing.assessmentId !== assessmentId) updates.push({ ...existing, due, assessmentId })
    }
  }
  return { creates, updates }
}

/**
 * 起交月份 — the first month a party member owes dues: for a member admitted through a recorded
 * 支部大会, that meeting's month (or the next, as `dues.probationary.start` says); for a member entered
 * with `joinedOn`, that month. `null` for applicants, activists and candidates.
 */
export const duesStartMonth = (member: Member, profile: RuleProfile): Month | null => {
  if (member.stage !== "probationary" && member.stage !== "full") return null
  const meeting = member.steps.find((s) => s.step === "admissionMeeting")
  if (meeting !== undefined) {
    const rule = ruleAt(profile, probationaryStartRule, meeting.date)
    return addMonthsTo(monthOf(meeting.date), rule.parameters.from === "followingMonth" ? 1 : 0)
  }
  return member.joinedOn === null ? null : monthOf(member.joinedOn)
}

/** What a payment asks to record (decoded service input). */
export interface PaymentRequest {
  readonly id: string
  readonly memberId: string
  readonly paidOn: CivilDate
  readonly method: PaymentMethod
  readonly paidBy: string | null
  readonly consentOn: CivilDate | null
  readonly months: ReadonlyArray<Month>
  readonly voluntary: Fen
}

/** A payment as planned: the payment record and the month records it settles. */
export interface PaymentPlan {
  readonly payment: Omit<DuesPayment, "version">
  readonly updates: ReadonlyArray<DuesMonth>
}

/**
 * 交纳党费 — rules.md §5.10–5.12. Checks a payment against the member's month records and the profile:
 * each month must be on file (a month with no dues assessed is unknown) and still open (a month paid
 * is not paid twice); quarterly payment and payment by another need the branch's consent; one
 * payment settles at most `dues.payment.backPayment` past months (before the payment's month, or its
 * quarter for quarterly payers) and at most `dues.payment.prepayment` future ones. A voluntary extra
 * at or above `dues.voluntary.centre` goes in full to the Centre.
 */
export const planPayment = (
  request: PaymentRequest,
  member: { readonly tenantId: string; readonly organizationId: string },
  stored: ReadonlyArray<DuesMonth>,
  profile: RuleProfile,
  today: CivilDate
): Either.Either<PaymentPlan, DuesRejected> => {
  const on = request.paidOn
  const refuse = (text: { zh: string; en: string }, rule?: Parameters<typeof refusedBy>[0], detail: { missing?: string; allowedFrom?: CivilDate } = {}) =>
    Either.left(
      new DuesRejected({ memberId: request.memberId, what: "payment", ...(rule === undefined ? { text, ...detail } : refusedBy(rule, text, detail)) })
    )
  if (on > today) return refuse({ zh: `交纳日期 ${on} 晚于今天`, en: `the payment date ${on} is after today` })
  const months = [...request.months].sort()
  if (new Set(months).size !== months.length) return refuse({ zh: "同一月份在一次交纳中出现两次", en: "a month is listed twice in one payment" })
  if (months.length === 0 && request.voluntary === 0) return refuse({ zh: "交纳记录没有月份也没有自愿多交金额", en: "a payment with no months and no voluntary amount" }, undefined, { missing: "months" })
  const methods = ruleAt(profile, paymentMethodsRule, on)
  if (methods.parameters.needConsent.includes(request.method) && request.consentOn === null)
    return refuse({ zh: `${request.method === "quarterly" ? "按季度交纳" : "委托他人代交"}须经党支部同意`, en: `paying ${request.method === "quarterly" ? "quarterly" : "through another person"} needs the branch's consent` }, methods, { missing: "consentOn" })
  if (request.method === "byAnother" && request.paidBy === null)
    return refuse({ zh: "委托他人代交须写明代交人", en: "a payment through another person names who paid" }, methods, { missing: "paidBy" })
  const byMonth = new Map(stored.map((m) => [m.month, m]))
  const unknown = months.filter((m) => byMonth.get(m) === undefined)
  if (unknown.length > 0)
    return refuse({ zh: `${unknown.join("、")} 没有核定的应交党费`, en: `no dues are assessed for ${unknown.join(", ")}` }, undefined, { missing: `month ${unknown[0]}` })
  const settled = months.filter((m) => byMonth.get(m)!.paid >= byMonth.get(m)!.due)
  if (settled.length > 0) return refuse({ zh: `${settled.join("、")} 的党费已交清，不能重复交纳`, en: `the dues of ${settled.join(", ")} are already paid` })
  const windowStart = request.method === "quarterly" ? quarterStartMonth(monthOf(on)) : monthOf(on)
  const windowEnd = request.method === "quarterly" ? addMonthsTo(windowStart, 2) : windowStart
  const back = months.filter((m) => m < windowStart)
  const backRule = ruleAt(profile, paymentBackPaymentRule, on)
  if (back.length > backRule.parameters.maxMonths)
    return refuse(
      { zh: `一次补交 ${back.length} 个月，补交一般不超过 ${backRule.parameters.maxMonths} 个月`, en: `a back payment of ${back.length} months; at most ${backRule.parameters.maxMonths} at once` },
      backRule
    )
  const ahead = months.filter((m) => m > windowEnd)
  const aheadRule = ruleAt(profile, paymentPrepaymentRule, on)
  if (ahead.length > aheadRule.parameters.maxMonths)
    return refuse(
      { zh: `预交 ${ahead.length} 个月，最多可预交 ${aheadRule.parameters.maxMonths} 个月`, en: `${ahead.length} months paid in advance; at most ${aheadRule.parameters.maxMonths}` },
      aheadRule,
      { allowedFrom: monthStart(addMonthsTo(ahead[0]!, -aheadRule.parameters.maxMonths)) }
    )
  const centre = ruleAt(profile, voluntaryCentreRule, on)
  const paidMonths = months.map((m) => {
    const row = byMonth.get(m)!
    return { month: m, amount: remainingFen(row.due, row.paid) }
  })
  const payment: Omit<DuesPayment, "version"> = {
    tenantId: member.tenantId as DuesPayment["tenantId"],
    id: request.id,
    memberId: request.memberId as DuesPayment["memberId"],
    organizationId: member.organizationId as DuesPayment["organizationId"],
    paidOn: on,
    method: request.method,
    paidBy: request.paidBy,
    consentOn: request.consentOn,
    months: paidMonths,
    amount: sumFen(paidMonths.map((m) => m.amount)),
    voluntary: request.voluntary,
    toCentre: request.voluntary >= centre.parameters.threshold ? request.voluntary : (0 as Fen)
  }
  const updates = months.map((m) => {
    const row = byMonth.get(m)!
    return { ...row, paid: row.due, paymentId: request.id, paidOn: on }
  })
  return Either.right({ payment, updates })
}

/** One line of a member's ledger. */
export interface LedgerLine {
  readonly month: Month
  readonly due: Fen
  readonly paid: Fen
  readonly arrears: Fen
  readonly paidOn: CivilDate | null
  readonly paymentId: string | null
}

/** 党费台账 — a member's months in order, with totals; `paid + arrears = due` line by line and in total. */
export interface MemberLedger {
  readonly memberId: string
  readonly lines: ReadonlyArray<LedgerLine>
  readonly due: Fen
  readonly paid: Fen
  readonly arrears: Fen
  /** Months up to `asOf` still open. */
  readonly openMonths: ReadonlyArray<Month>
}

/** The ledger of one member from their month records, counting months up to `asOf` (all when absent). */
export const memberLedger = (memberId: string, months: ReadonlyArray<DuesMonth>, asOf?: Month): MemberLedger => {
  const lines = [...months]
    .filter((m) => asOf === undefined || m.month <= asOf)
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month))
    .map((m): LedgerLine => ({ month: m.month, due: m.due, paid: m.paid, arrears: remainingFen(m.due, m.paid), paidOn: m.paidOn, paymentId: m.paymentId }))
  return {
    memberId,
    lines,
    due: sumFen(lines.map((l) => l.due)),
    paid: sumFen(lines.map((l) => l.paid)),
    arrears: sumFen(lines.map((l) => l.arrears)),
    openMonths: lines.filter((l) => l.arrears > 0).map((l) => l.month)
  }
}

/** A month as {@link duesPosition} reads it: the ledger's fields, structurally (a `DuesMonth`, an aggregate row…). */
export interface MonthFigures {
  readonly month: string
  readonly due: number
  readonly paid: number
}

/** 党费状况 — a member's totals up to a month and the run of open months that ends there. */
export interface DuesPosition {
  readonly due: number
  readonly paid: number
  readonly arrears: number
  /** The latest settled month (see `lastDuesPaidMonthOf`), or undefined for no months. */
  readonly lastSettledMonth: string | undefined
  /** Open months after the latest settled one, up to `asOf`: six or more feed the lapse signal. */
  readonly consecutiveOpen: number
}

/**
 * 党费状况 — one pass over a member's months up to `asOf` (`YYYY-MM`): due, paid, arrears, the latest
 * settled month and the consecutive open months since. What a province-wide status computes per member.
 */
export const duesPosition = (months: ReadonlyArray<MonthFigures>, asOf: string): DuesPosition => {
  // Month labels are compared only where the answer needs them: the first month only when none is
  // settled, and the open run only over open months (a province reads 3 million months).
  let due = 0
  let paid = 0
  let last: string | undefined
  let open = 0
  for (const m of months) {
    if (m.month > asOf) continue
    due += m.due
    paid += m.paid
    if (m.paid >= m.due) {
      if (last === undefined || m.month > last) last = m.month
    } else open++
  }
  let consecutiveOpen = open
  let first: string | undefined
  if (last === undefined) {
    for (const m of months) if (m.month <= asOf && (first === undefined || m.month < first)) first = m.month
  } else if (open > 0) {
    consecutiveOpen = 0
    for (const m of months) if (m.paid < m.due && m.month > last && m.month <= asOf) consecutiveOpen++
  }
  return { due, paid, arrears: due - paid, lastSettledMonth: last ?? first, consecutiveOpen }
}
