import type { Action, CommandContext, DemocraticEvaluation, DuesMonth, DuesPayment, RectificationItem, StudyCredit } from "@zhibu/core"
import {
  type AnyRecordKind,
  democraticEvaluationKind,
  duesMonthKind,
  duesPaymentKind,
  type RecordOf,
  rectificationItemKind,
  type Store,
  streamRecords,
  studyCreditKind
} from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { type Cell, defineLedger, type ExportError, type LedgerRequest } from "./ledger.js"
import { dateRange, exportScope, memberNames } from "./scope.js"

/** A row and the name of the member it concerns. */
interface Named<A> {
  readonly record: A
  readonly name: string | null
}

const yuan = (fen: number): number => fen / 100
const yesNo = (b: boolean): string => (b ? "是" : "否")
const lines = (items: ReadonlyArray<string>): Cell => (items.length === 0 ? null : items.join("\n"))

/**
 * The records of a kind in the subtree (by its organization field) and date range, each with its
 * member's name, streamed: `filterOf` says how the range filters the kind.
 */
const namedRecords = <K extends AnyRecordKind>(
  kind: K,
  action: Action,
  memberOf: (record: RecordOf<K>) => string,
  filterOf: (range: { readonly gte?: string; readonly lte?: string } | undefined) => Record<string, unknown>
) =>
  (ctx: CommandContext, request: LedgerRequest): Effect.Effect<Stream.Stream<Named<RecordOf<K>>, ExportError, Store>, ExportError, Store> =>
    Effect.gen(function* () {
      const scope = yield* exportScope(ctx, request, action)
      const names = yield* memberNames(ctx, scope)
      const filter = { organizationId: [...scope.ids], ...filterOf(dateRange(request)) }
      return Stream.map(streamRecords(kind, ctx.tenantId, filter as never), (record: RecordOf<K>) => ({ record, name: names.get(memberOf(record)) ?? null }))
    })

const when = (name: string) => (range: { readonly gte?: string; readonly lte?: string } | undefined) => (range === undefined ? {} : { [name]: range })

const yearsOf = (range: { readonly gte?: string; readonly lte?: string } | undefined) =>
  range === undefined
    ? {}
    : { year: { ...(range.gte === undefined ? {} : { gte: Number(range.gte.slice(0, 4)) }), ...(range.lte === undefined ? {} : { lte: Number(range.lte.slice(0, 4)) }) } }

const paymentMethodNames: Readonly<Record<DuesPayment["method"], string>> = { monthly: "按月交纳", quarterly: "按季度交纳", byAnother: "委托他人代交" }

/** 党费收缴台账 — one row per member and month: due, paid, arrears, in yuan. No pay base (personal data) is exported. */
export const duesLedger = defineLedger<Named<DuesMonth>>({
  id: "dues",
  title: { zh: "党费", en: "dues" },
  rows: namedRecords(duesMonthKind, "dues.read", (m) => m.memberId, when("monthStart")),
  columns: [
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.record.memberId, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.name },
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (r) => r.record.organizationId, text: true },
    { header: { zh: "月份", en: "Month" }, value: (r) => r.record.month },
    { header: { zh: "应交（元）", en: "Due (yuan)" }, value: (r) => yuan(r.record.due), money: true },
    { header: { zh: "已交（元）", en: "Paid (yuan)" }, value: (r) => yuan(r.record.paid), money: true },
    { header: { zh: "欠交（元）", en: "Arrears (yuan)" }, value: (r) => yuan(r.record.due - r.record.paid), money: true },
    { header: { zh: "交纳日期", en: "Paid on" }, value: (r) => r.record.paidOn }
  ]
})

/** 党费交纳记录 — each payment: when, how, the months it settles and any voluntary extra. */
export const duesPaymentsLedger = defineLedger<Named<DuesPayment>>({
  id: "duesPayments",
  title: { zh: "党费交纳", en: "dues payments" },
  rows: namedRecords(duesPaymentKind, "dues.read", (p) => p.memberId, when("paidOn")),
  columns: [
    { header: { zh: "交纳编号", en: "Payment ID" }, value: (r) => r.record.id, text: true },
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.record.memberId, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.name },
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (r) => r.record.organizationId, text: true },
    { header: { zh: "交纳日期", en: "Paid on" }, value: (r) => r.record.paidOn },
    { header: { zh: "交纳方式", en: "Method" }, value: (r) => paymentMethodNames[r.record.method] },
    { header: { zh: "所交月份", en: "Months" }, value: (r) => r.record.months.map((m) => m.month).join("、") },
    { header: { zh: "金额（元）", en: "Amount (yuan)" }, value: (r) => yuan(r.record.amount), money: true },
    { header: { zh: "自愿多交（元）", en: "Voluntary (yuan)" }, value: (r) => yuan(r.record.voluntary), money: true },
    { header: { zh: "其中上交中央（元）", en: "To the Centre (yuan)" }, value: (r) => yuan(r.record.toCentre), money: true }
  ]
})

const studySourceNames: Readonly<Record<StudyCredit["source"], string>> = { session: "组织生活", training: "集中培训", partySchool: "党校学习", recognized: "其他认定" }

/** 学时台账 — each credit: date, source, title and 学时 (tenths shown as hours). */
export const studyLedger = defineLedger<Named<StudyCredit>>({
  id: "study",
  title: { zh: "学时", en: "study hours" },
  rows: namedRecords(studyCreditKind, "study.read", (c) => c.memberId, when("on")),
  columns: [
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.record.memberId, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.name },
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (r) => r.record.organizationId, text: true },
    { header: { zh: "年度", en: "Year" }, value: (r) => r.record.year },
    { header: { zh: "日期", en: "Date" }, value: (r) => r.record.on },
    { header: { zh: "来源", en: "Source" }, value: (r) => studySourceNames[r.record.source] },
    { header: { zh: "题目", en: "Title" }, value: (r) => r.record.title },
    { header: { zh: "学时", en: "Hours" }, value: (r) => r.record.tenths / 10 },
    { header: { zh: "集中培训", en: "Centralized" }, value: (r) => yesNo(r.record.centralized) }
  ]
})

const gradeNames: Readonly<Record<string, string>> = { excellent: "优秀", qualified: "合格", basicallyQualified: "基本合格", unqualified: "不合格" }

interface GradeRow {
  readonly evaluation: DemocraticEvaluation
  readonly grade: DemocraticEvaluation["grades"][number]
  readonly name: string | null
}

/** 民主评议台账 — one row per member graded in each branch's 民主评议 of the years in range. */
export const evaluationsLedger = defineLedger<GradeRow>({
  id: "evaluations",
  title: { zh: "民主评议", en: "evaluations" },
  rows: (ctx, request) =>
    Effect.gen(function* () {
      const scope = yield* exportScope(ctx, request, "evaluation.read")
      const names = yield* memberNames(ctx, scope)
      const filter = { organizationId: [...scope.ids], ...yearsOf(dateRange(request)) }
      return Stream.flatMap(streamRecords(democraticEvaluationKind, ctx.tenantId, filter as never), (evaluation: DemocraticEvaluation) =>
        Stream.fromIterable(evaluation.grades.map((grade) => ({ evaluation, grade, name: names.get(grade.memberId) ?? null })))
      )
    }),
  columns: [
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (r) => r.evaluation.organizationId, text: true },
    { header: { zh: "年度", en: "Year" }, value: (r) => r.evaluation.year },
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.grade.memberId, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.name },
    { header: { zh: "评议等次", en: "Grade" }, value: (r) => gradeNames[r.grade.grade] ?? r.grade.grade },
    { header: { zh: "在流入地评议", en: "At host" }, value: (r) => yesNo(r.grade.atHost) }
  ]
})

const originNames: Readonly<Record<RectificationItem["origin"], string>> = {
  orgLifeMeeting: "组织生活会",
  evaluation: "民主评议",
  inspection: "检查",
  memberFeedback: "党员意见",
  secretaryReport: "述职评议"
}

/** 整改台账 — each issue raised in range: the measure, owner, deadline, re-check, closing and evidence. */
export const rectificationLedger = defineLedger<RectificationItem>({
  id: "rectification",
  title: { zh: "整改台账", en: "rectification" },
  rows: (ctx, request) =>
    Effect.map(exportScope(ctx, request, "evaluation.read"), (scope) => {
      const range = dateRange(request)
      return streamRecords(rectificationItemKind, ctx.tenantId, { organizationId: [...scope.ids], ...(range === undefined ? {} : { raisedOn: range }) })
    }),
  columns: [
    { header: { zh: "编号", en: "ID" }, value: (i) => i.id, text: true },
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (i) => i.organizationId, text: true },
    { header: { zh: "提出日期", en: "Raised on" }, value: (i) => i.raisedOn },
    { header: { zh: "问题来源", en: "Origin" }, value: (i) => originNames[i.origin] },
    { header: { zh: "问题", en: "Issue" }, value: (i) => i.issue },
    { header: { zh: "整改措施", en: "Measure" }, value: (i) => i.measure },
    { header: { zh: "责任人编号", en: "Owner ID" }, value: (i) => i.ownerId, text: true },
    { header: { zh: "整改期限", en: "Deadline" }, value: (i) => i.deadline },
    { header: { zh: "复查日期", en: "Re-checked on" }, value: (i) => i.recheck?.on ?? null },
    { header: { zh: "复查结果", en: "Re-check" }, value: (i) => (i.recheck === null ? null : i.recheck.passed ? "通过" : "未通过") },
    { header: { zh: "完成日期", en: "Closed on" }, value: (i) => i.closedOn },
    { header: { zh: "佐证材料", en: "Evidence" }, value: (i) => lines(i.evidence) }
  ]
})
