import { defineRecordKind, field } from "../store/record-kind.js"
import { monthStart, quarterOfMonth, yearOfMonth } from "./month.js"
import type { DuesAssessment, DuesMonth, DuesPayment } from "./records.js"
import { DuesAssessment as AssessmentSchema, DuesMonth as MonthSchema, DuesPayment as PaymentSchema } from "./records.js"

/** 党费核定 — by member and year (migration 0004). The income is never projected. */
export const duesAssessmentKind = defineRecordKind({
  name: "duesAssessment",
  table: "zhibu_dues_assessment",
  schema: AssessmentSchema,
  fields: {
    memberId: field.key((a: DuesAssessment) => a.memberId),
    organizationId: field.key((a: DuesAssessment) => a.organizationId),
    year: field.int((a: DuesAssessment) => a.year),
    fromMonth: field.key((a: DuesAssessment) => a.fromMonth),
    monthlyAmount: field.int((a: DuesAssessment) => a.monthlyAmount)
  },
  organizationField: "organizationId",
  indexes: [["memberId", "year"], ["organizationId", "year"]]
})

/**
 * 党费月账 — summed by branch, year, quarter or month in one `GROUP BY` (migration 0004): `due`,
 * `paid` and `arrears` (= due − paid) are projected as integers in fen; `monthStart` lets a report
 * take the months up to a date.
 */
export const duesMonthKind = defineRecordKind({
  name: "duesMonth",
  table: "zhibu_dues_month",
  schema: MonthSchema,
  fields: {
    memberId: field.key((m: DuesMonth) => m.memberId),
    organizationId: field.key((m: DuesMonth) => m.organizationId),
    month: field.key((m: DuesMonth) => m.month),
    monthStart: field.date((m: DuesMonth) => monthStart(m.month)),
    year: field.int((m: DuesMonth) => yearOfMonth(m.month)),
    quarter: field.key((m: DuesMonth) => quarterOfMonth(m.month)),
    due: field.int((m: DuesMonth) => m.due),
    paid: field.int((m: DuesMonth) => m.paid),
    arrears: field.int((m: DuesMonth) => m.due - m.paid)
  },
  organizationField: "organizationId",
  indexes: [["memberId", "year"], ["organizationId", "year", "quarter"]]
})

/** 党费交纳记录 — summed by branch and quarter of payment for the county (migration 0004). */
export const duesPaymentKind = defineRecordKind({
  name: "duesPayment",
  table: "zhibu_dues_payment",
  schema: PaymentSchema,
  fields: {
    memberId: field.key((p: DuesPayment) => p.memberId),
    organizationId: field.key((p: DuesPayment) => p.organizationId),
    paidOn: field.date((p: DuesPayment) => p.paidOn),
    year: field.int((p: DuesPayment) => Number(p.paidOn.slice(0, 4))),
    quarter: field.key((p: DuesPayment) => quarterOfMonth(p.paidOn.slice(0, 7) as DuesMonth["month"])),
    method: field.key((p: DuesPayment) => p.method),
    amount: field.int((p: DuesPayment) => p.amount),
    voluntary: field.int((p: DuesPayment) => p.voluntary),
    toCentre: field.int((p: DuesPayment) => p.toCentre)
  },
  organizationField: "organizationId",
  indexes: [["memberId"], ["organizationId", "year", "quarter"]]
})
