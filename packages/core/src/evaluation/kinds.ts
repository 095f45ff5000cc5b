import { defineRecordKind, field } from "../store/record-kind.js"
import type { ChecklistScore, DemocraticEvaluation, RectificationItem, RoleFeedback, SecretaryReport, WorkloadEntry } from "./records.js"
import * as R from "./records.js"

const count = (grade: string) => field.int((e: DemocraticEvaluation) => e.grades.filter((g) => g.grade === grade).length)

/**
 * 民主评议党员 — one per branch and year (migration 0004); the grade counts are projected so that a
 * county sums them per organization in one `GROUP BY`, never reading a member's grade.
 */
export const democraticEvaluationKind = defineRecordKind({
  name: "democraticEvaluation",
  table: "zhibu_democratic_evaluation",
  schema: R.DemocraticEvaluation,
  fields: {
    organizationId: field.key((e: DemocraticEvaluation) => e.organizationId),
    year: field.int((e: DemocraticEvaluation) => e.year),
    step: field.key((e: DemocraticEvaluation) => e.steps.at(-1)?.step ?? "none"),
    evaluated: field.int((e: DemocraticEvaluation) => e.grades.length),
    excellent: count("excellent"),
    qualified: count("qualified"),
    basicallyQualified: count("basicallyQualified"),
    unqualified: count("unqualified")
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "year"], ["year"]]
})

/** 述职评议 (migration 0004). */
export const secretaryReportKind = defineRecordKind({
  name: "secretaryReport",
  table: "zhibu_secretary_report",
  schema: R.SecretaryReport,
  fields: {
    organizationId: field.key((r: SecretaryReport) => r.organizationId),
    year: field.int((r: SecretaryReport) => r.year),
    audience: field.key((r: SecretaryReport) => r.audience),
    reportedOn: field.date((r: SecretaryReport) => r.reportedOn)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "year"]]
})

/** 整改台账 — filtered by organization, status and deadline (migration 0004). */
export const rectificationItemKind = defineRecordKind({
  name: "rectificationItem",
  table: "zhibu_rectification_item",
  schema: R.RectificationItem,
  fields: {
    organizationId: field.key((i: RectificationItem) => i.organizationId),
    raisedOn: field.date((i: RectificationItem) => i.raisedOn),
    origin: field.key((i: RectificationItem) => i.origin),
    deadline: field.dateOrNull((i: RectificationItem) => i.deadline),
    closedOn: field.dateOrNull((i: RectificationItem) => i.closedOn),
    issue: field.text((i: RectificationItem) => i.issue, 255)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "closedOn"]]
})

/** 标准化建设评分 — one per branch and year (migration 0004). */
export const checklistScoreKind = defineRecordKind({
  name: "checklistScore",
  table: "zhibu_checklist_score",
  schema: R.ChecklistScore,
  fields: {
    organizationId: field.key((c: ChecklistScore) => c.organizationId),
    year: field.int((c: ChecklistScore) => c.year),
    total: field.int((c: ChecklistScore) => c.total),
    maximum: field.int((c: ChecklistScore) => c.maximum)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "year"]]
})

/** 承诺、结对、先锋岗 (migration 0004). */
export const roleFeedbackKind = defineRecordKind({
  name: "roleFeedback",
  table: "zhibu_role_feedback",
  schema: R.RoleFeedback,
  fields: {
    organizationId: field.key((r: RoleFeedback) => r.organizationId),
    memberId: field.key((r: RoleFeedback) => r.memberId),
    kind: field.key((r: RoleFeedback) => r.kind),
    cadence: field.key((r: RoleFeedback) => r.cadence),
    periodStart: field.date((r: RoleFeedback) => r.periodStart),
    reviewed: field.int((r: RoleFeedback) => (r.outcome === null ? 0 : 1))
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "periodStart"], ["memberId"]]
})

/** 党务工作量 — summed per person and term in one `GROUP BY` (migration 0004). */
export const workloadEntryKind = defineRecordKind({
  name: "workloadEntry",
  table: "zhibu_workload_entry",
  schema: R.WorkloadEntry,
  fields: {
    organizationId: field.key((w: WorkloadEntry) => w.organizationId),
    personId: field.key((w: WorkloadEntry) => w.personId),
    termId: field.key((w: WorkloadEntry) => w.termId),
    on: field.date((w: WorkloadEntry) => w.on),
    minutes: field.int((w: WorkloadEntry) => w.minutes)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "termId"]]
})

/** Every evaluation kind, in the order migration 0004 creates them. */
export const evaluationKinds = [democraticEvaluationKind, secretaryReportKind, rectificationItemKind, checklistScoreKind, roleFeedbackKind, workloadEntryKind] as const
