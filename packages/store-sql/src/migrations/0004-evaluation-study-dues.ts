import {
  checklistScoreKind,
  democraticEvaluationKind,
  duesAssessmentKind,
  duesMonthKind,
  duesPaymentKind,
  rectificationItemKind,
  roleFeedbackKind,
  secretaryReportKind,
  studyCreditKind,
  studyExcusalKind,
  studyPlanKind,
  workloadEntryKind
} from "@zhibu/core/store"
import type { AnyRecordKind } from "@zhibu/core/store"
import type { Migration } from "kysely"
import type { Dialect } from "../dialect.js"
import { createRecordTable } from "./record-table.js"

/**
 * The kinds migration 0004 creates, in order. Fixed here, not read from `coreRecordKinds`: once
 * released, a migration is history, and a kind added later needs a migration of its own.
 */
export const evaluationStudyDuesKinds: ReadonlyArray<AnyRecordKind> = [
  duesAssessmentKind,
  duesMonthKind,
  duesPaymentKind,
  studyCreditKind,
  studyPlanKind,
  studyExcusalKind,
  democraticEvaluationKind,
  secretaryReportKind,
  rectificationItemKind,
  checklistScoreKind,
  roleFeedbackKind,
  workloadEntryKind
]

/**
 * 0004 — the tables of the yearly cycles: dues (assessments, month records, payments), study hours
 * and evaluations, each from its record-kind descriptor (`createRecordTable`). Forward-only.
 */
export const evaluationStudyDues =
  (dialect: Dialect): Migration => ({
    async up(db) {
      for (const kind of evaluationStudyDuesKinds) await createRecordTable(kind)(dialect).up(db)
    }
    // Forward-only: there is no `down`.
  })
