import * as Effect from "effect/Effect"
import type { CivilDate } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import { loadFileFor } from "../member/member-service-support.js"
import { lastDuesPaidMonthOf } from "../member/signals.js"
import { ruleAt } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, loadOrganizationFor, todayOf } from "../service/support.js"
import { subtreeIds } from "../org/tree.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import { mobileAttachmentKind } from "../transfer/kinds.js"
import { hostOn } from "../transfer/mobile.js"
import { type DuesAmount, monthlyDues } from "./amount.js"
import { DuesRejected } from "./errors.js"
import { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "./kinds.js"
import { duesStartMonth, type MemberLedger, memberLedger, planMonths, planPayment } from "./ledger.js"
import { type Month, monthStart } from "./month.js"
import { branchLedgerOf, owedThrough, type QuarterTotals, quartersOf, type YearlyPublication } from "./ledger-reads.js"
import { type MaskedAssessment, maskAssessment } from "./personal-data.js"
import type { DuesAssessment } from "./records.js"
import { assessmentAnnualRule, payChangeEffectiveRule, paymentAtHostRule, probationaryStartRule, publicationYearlyRule } from "./rules-ledger.js"
import {
  AssessDuesInput,
  BranchLedgerInput,
  DuesEvidenceInput,
  MemberAssessmentsInput,
  MemberLedgerInput,
  QuarterTotalsInput,
  RecordPaymentInput,
  YearlySummaryInput
} from "./service-inputs.js"
import { type QuarterFigures, rollUp, zeroFigures } from "./totals.js"

const rejected = (memberId: string, what: "assessment" | "payment", text: { zh: string; en: string }, detail: { ruleId?: ResolvedRule; missing?: string; allowedFrom?: CivilDate } = {}) => {
  const { ruleId: rule, ...rest } = detail
  return new DuesRejected({ memberId, what, ...(rule === undefined ? { text, ...rest } : refusedBy(rule, text, rest)) })
}

/**
 * 党费服务 — assessments, payments and ledgers. Every method is `(ctx, input) => Effect` needing the
 * `Store`: the input is decoded (`InvalidInput`: a negative income, a month that is not `YYYY-MM`),
 * the actor authorized (a member or organization the actor may not see is `NotFound`), the rules
 * applied (`DuesRejected`), and a refused command writes nothing. Money is fen.
 */
export const duesService = {
  /**
   * 核定党费 — the yearly fixing or a change during the year (`dues.assess`; a hardship reduction or
   * exemption is the higher committee's decision: `dues.recordHardship`). Writes the assessment and
   * the member's month records from `fromMonth` to December, atomically.
   */
  assess: serviceMethod("dues.assess", AssessDuesInput, (ctx, input) =>
    Effect.gen(function* () {
      const action = input.hardship === undefined ? "dues.assess" : "dues.recordHardship"
      const { member } = yield* loadFileFor(ctx, input.memberId, action)
      const refuse = (text: { zh: string; en: string }, detail: Parameters<typeof rejected>[3] = {}) => Effect.fail(rejected(member.id, "assessment", text, detail))
      const start = duesStartMonth(member, ctx.profile)
      if (start === null || member.status !== "active")
        return yield* refuse({ zh: `${member.name} 不是在册党员，不交纳党费`, en: `${member.name} is not a party member on the roll and owes no dues` })
      const january = `${input.year}-01` as Month
      const from = input.fromMonth ?? (input.kind === "annual" ? (start > january ? start : january) : undefined)
      if (from === undefined) return yield* refuse({ zh: "年内调整须写明起始月份", en: "a change during the year names its first month" }, { missing: "fromMonth" })
      if (from.slice(0, 4) !== String(input.year)) return yield* refuse({ zh: `起始月份 ${from} 不在 ${input.year} 年内`, en: `the first month ${from} is not in ${input.year}` })
      if (from < start)
        return yield* refuse(
          { zh: `${member.name} 自 ${start} 起交纳党费，不能从 ${from} 核定`, en: `${member.name} owes dues from ${start}, not from ${from}` },
          { ruleId: ruleAt(ctx.profile, probationaryStartRule, monthStart(start)), allowedFrom: monthStart(start) }
        )
      const store = yield* Store
      const stored = yield* store.list(duesAssessmentKind, ctx.tenantId, { memberId: member.id, year: input.year })
      const on = monthStart(from)
      if (input.kind === "annual" && stored.length > 0)
        return yield* refuse(
          { zh: `${input.year} 年的党费已核定，年内变化请按调整录入`, en: `the dues for ${input.year} are already fixed; record a change instead` },
          { ruleId: ruleAt(ctx.profile, assessmentAnnualRule, on) }
        )
      if (input.kind === "change") {
        if (stored.length === 0)
          return yield* refuse({ zh: `${input.year} 年尚未核定党费，请先作年度核定`, en: `the dues for ${input.year} are not fixed yet; record the yearly fixing first` }, { missing: "annual" })
        const latest = stored.reduce((a, b) => (a.fromMonth >= b.fromMonth ? a : b))
        if (from < latest.fromMonth)
          return yield* refuse({ zh: `调整不能早于最近一次核定的起始月份 ${latest.fromMonth}`, en: `a change cannot start before the latest assessment's month ${latest.fromMonth}` })
        const payChange = ruleAt(ctx.profile, payChangeEffectiveRule, on)
        if (input.hardship === undefined && payChange.parameters.takesEffect === "nextYear" && !from.endsWith("-01")) {
          const next = `${input.year + 1}-01-01` as CivilDate
          return yield* refuse({ zh: "按规则配置，工资变动自下一年度起调整党费", en: "under the profile, a pay change applies from the next year" }, { ruleId: payChange, allowedFrom: next })
        }
      }
      const amount: DuesAmount = yield* monthlyDues(member.id, { category: input.category, income: input.income, hardship: input.hardship }, ctx.profile, on)
      const assessment: Omit<DuesAssessment, "version"> = {
        tenantId: ctx.tenantId,
        id: input.id,
        memberId: member.id,
        organizationId: member.organizationId,
        year: input.year,
        kind: input.kind,
        fromMonth: from,
        category: input.category,
        income: input.income ?? null,
        hardship: input.hardship ?? null,
        computed: amount.computed,
        monthlyAmount: amount.monthlyAmount,
        decidedOn: todayOf(ctx)
      }
      const months = yield* store.list(duesMonthKind, ctx.tenantId, { memberId: member.id, year: input.year })
      const plan = planMonths({ tenantId: ctx.tenantId, memberId: member.id, organizationId: member.organizationId }, input.id, amount.monthlyAmount, from, months)
      const written = yield* store.write(
        ctx.tenantId,
        [createWrite(duesAssessmentKind, assessment), ...plan.creates.map((m) => createWrite(duesMonthKind, m)), ...plan.updates.map((m) => updateWrite(duesMonthKind, m))],
        auditOf(ctx, action)
      )
      return { assessment: written[0] as DuesAssessment, amount }
    })
  ),

  /**
   * 交纳党费 — records a payment and settles its months, atomically (`dues.recordPayment`). With
   * `paidAt`, a mobile member's payment at the host organization (`dues.payment.atHost`): recorded by
   * the host (or the home branch) while an attachment to that host is in force on the day paid. The
   * months settled are the member's own, in the home ledger, so a month paid at the host is paid
   * there and cannot be paid again at home; the payment record belongs to the host, so the money is
   * counted once, where it was received (see `quarterTotals`).
   */
  recordPayment: serviceMethod("dues.recordPayment", RecordPaymentInput, (ctx, input) =>
    Effect.gen(function* () {
      const host = input.paidAt
      const { member } =
        host === undefined
          ? yield* loadFileFor(ctx, input.memberId, "dues.recordPayment")
          : yield* loadFileFor(ctx, input.memberId, "dues.recordPayment").pipe(
              Effect.catchTag("ZhibuNotFound", (notFound) =>
                Effect.gen(function* () {
                  yield* loadOrganizationFor(ctx, host, "dues.recordPayment")
                  const found = yield* (yield* Store).get(memberKind, ctx.tenantId, input.memberId)
                  return found.organizationId === host ? yield* Effect.fail(notFound) : { member: found }
                })
              )
            )
      const store = yield* Store
      if (host !== undefined && host !== member.organizationId) {
        const rule = ruleAt(ctx.profile, paymentAtHostRule, input.paidOn)
        const attachments = yield* store.list(mobileAttachmentKind, ctx.tenantId, { memberId: member.id })
        const attached = hostOn(attachments, member.id, input.paidOn)
        if (!rule.parameters.allowed || attached === undefined || attached.host.organizationId !== host)
          return yield* Effect.fail(
            rejected(member.id, "payment", { zh: `${input.paidOn} ${member.name} 不是 ${host} 的流动党员，不能在该组织交纳党费`, en: `on ${input.paidOn} ${member.name} is not a mobile member attached to ${host} and cannot pay there` }, { ruleId: rule })
          )
      }
      const months = input.months.length === 0 ? [] : yield* store.list(duesMonthKind, ctx.tenantId, { memberId: member.id, month: [...input.months] })
      const payer = host === undefined ? member : { tenantId: member.tenantId, organizationId: host }
      const plan = yield* planPayment({ ...input, memberId: member.id }, payer, months, ctx.profile, todayOf(ctx))
      const written = yield* store.write(
        ctx.tenantId,
        [createWrite(duesPaymentKind, plan.payment), ...plan.updates.map((m) => updateWrite(duesMonthKind, m))],
        auditOf(ctx, "dues.recordPayment")
      )
      return written[0] as typeof plan.payment & { readonly version: number }
    })
  ),

  /**
   * 党费核定记录 — a member's assessments of a year, the income masked by default (`dues.read`); with
   * `reveal: true` the pay base as recorded (`dues.assess`: those who assess it).
   */
  memberAssessments: serviceMethod("dues.memberAssessments", MemberAssessmentsInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, input.reveal ? "dues.assess" : "dues.read")
      const assessments = yield* (yield* Store).list(duesAssessmentKind, ctx.tenantId, { memberId: member.id, year: input.year })
      return assessments.map((a): MaskedAssessment => (input.reveal ? a : maskAssessment(a)))
    })
  ),

  /** 个人党费台账 — a member's months of a year (`dues.read`; a member reads their own). */
  memberLedger: serviceMethod("dues.memberLedger", MemberLedgerInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "dues.read")
      const store = yield* Store
      const months = yield* store.list(duesMonthKind, ctx.tenantId, { memberId: member.id, year: input.year })
      return memberLedger(member.id, months, input.asOf ?? owedThrough(input.year, todayOf(ctx))) satisfies MemberLedger
    })
  ),

  /** 支部党费台账 — each member's due, paid and arrears up to `asOf`, from one aggregate (`dues.read`). */
  branchLedger: serviceMethod("dues.branchLedger", BranchLedgerInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "dues.read")
      return yield* branchLedgerOf(ctx.tenantId, input.organizationId, input.year, input.asOf ?? owedThrough(input.year, todayOf(ctx)))
    })
  ),

  /** 党费收缴情况公示 — the branch's year for publication to its members (`dues.read`). */
  yearlyPublication: serviceMethod("dues.yearlyPublication", YearlySummaryInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* loadOrganizationFor(ctx, input.organizationId, "dues.read")
      const ledger = yield* branchLedgerOf(ctx.tenantId, input.organizationId, input.year, owedThrough(input.year, todayOf(ctx)))
      const store = yield* Store
      const [payments] = yield* store.aggregate(duesPaymentKind, ctx.tenantId, {
        groupBy: [],
        filter: { organizationId: input.organizationId, year: input.year },
        sum: ["amount", "voluntary", "toCentre"]
      })
      return {
        ...ledger,
        collected: payments?.sums.amount ?? 0,
        voluntary: payments?.sums.voluntary ?? 0,
        toCentre: payments?.sums.toCentre ?? 0,
        membersInArrears: ledger.members.filter((m) => m.arrears > 0).length,
        rule: ruleAt(ctx.profile, publicationYearlyRule, `${input.year}-12-31` as CivilDate)
      } satisfies YearlyPublication
    })
  ),

  /**
   * 党费季度汇总 — for a school or county: each organization of the subtree, its quarters' due, paid,
   * arrears (by dues month, at the member's own branch) and collected, voluntary and to-the-Centre (by
   * payment date, at the organization where the money was paid: a mobile member's payment at a host
   * counts at the host, once), rolled up so each total is the sum of its parts. Two grouped aggregates for the whole subtree; totals
   * only, no member and no pay base (`report.aggregate`).
   */
  quarterTotals: serviceMethod("dues.quarterTotals", QuarterTotalsInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const ids = [...subtreeIds(input.organizationId, organizations)]
      const store = yield* Store
      const months = yield* store.aggregate(duesMonthKind, ctx.tenantId, {
        groupBy: ["organizationId", "quarter"],
        filter: { organizationId: ids, year: input.year },
        sum: ["due", "paid", "arrears"]
      })
      const payments = yield* store.aggregate(duesPaymentKind, ctx.tenantId, {
        groupBy: ["organizationId", "quarter"],
        filter: { organizationId: ids, year: input.year },
        sum: ["amount", "voluntary", "toCentre"]
      })
      const own = new Map<string, Map<string, QuarterFigures>>()
      const put = (org: string, q: string, f: Partial<QuarterFigures>) => {
        const byQ = own.get(org) ?? new Map<string, QuarterFigures>()
        own.set(org, byQ)
        byQ.set(q, { ...(byQ.get(q) ?? zeroFigures), ...f })
      }
      for (const r of months) put(r.group.organizationId, r.group.quarter, { due: r.sums.due, paid: r.sums.paid, arrears: r.sums.arrears })
      for (const r of payments) put(r.group.organizationId, r.group.quarter, { collected: r.sums.amount, voluntary: r.sums.voluntary, toCentre: r.sums.toCentre })
      return { organizationId: input.organizationId, year: input.year, organizations: rollUp(input.organizationId, organizations, own, quartersOf(input.year)) } satisfies QuarterTotals
    })
  ),

  /**
   * 党费信号依据 — `lastDuesPaidMonth` for the member's six-month signal (`member.timeline`'s
   * evidence), derived from the dues ledger (`dues.read`).
   */
  signalEvidence: serviceMethod("dues.signalEvidence", DuesEvidenceInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "dues.read")
      const store = yield* Store
      const months = yield* store.list(duesMonthKind, ctx.tenantId, { memberId: member.id })
      const last = lastDuesPaidMonthOf(months)
      return last === undefined ? {} : { lastDuesPaidMonth: last }
    })
  )
} as const

