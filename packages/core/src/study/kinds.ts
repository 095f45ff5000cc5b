import { defineRecordKind, field } from "../store/record-kind.js"
import type { StudyCredit, StudyExcusal, StudyPlan } from "./records.js"
import { StudyCredit as CreditSchema, StudyExcusal as ExcusalSchema, StudyPlan as PlanSchema } from "./records.js"

/** 学时记录 — summed per member, branch and year in one `GROUP BY` (migration 0004). */
export const studyCreditKind = defineRecordKind({
  name: "studyCredit",
  table: "zhibu_study_credit",
  schema: CreditSchema,
  fields: {
    memberId: field.key((c: StudyCredit) => c.memberId),
    organizationId: field.key((c: StudyCredit) => c.organizationId),
    year: field.int((c: StudyCredit) => c.year),
    on: field.date((c: StudyCredit) => c.on),
    source: field.key((c: StudyCredit) => c.source),
    sessionId: field.keyOrNull((c: StudyCredit) => c.sessionId),
    tenths: field.int((c: StudyCredit) => c.tenths),
    centralized: field.int((c: StudyCredit) => (c.centralized ? 1 : 0))
  },
  organizationField: "organizationId",
  indexes: [["memberId", "year"], ["organizationId", "year"], ["sessionId"]]
})

/** 学习计划 — summed per member like credits (migration 0004). */
export const studyPlanKind = defineRecordKind({
  name: "studyPlan",
  table: "zhibu_study_plan",
  schema: PlanSchema,
  fields: {
    memberId: field.key((p: StudyPlan) => p.memberId),
    organizationId: field.key((p: StudyPlan) => p.organizationId),
    year: field.int((p: StudyPlan) => p.year),
    plannedOn: field.date((p: StudyPlan) => p.plannedOn),
    tenths: field.int((p: StudyPlan) => p.tenths),
    centralized: field.int((p: StudyPlan) => (p.centralized ? 1 : 0))
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "year"]]
})

/** 免于学时要求 — by branch and year (migration 0004). */
export const studyExcusalKind = defineRecordKind({
  name: "studyExcusal",
  table: "zhibu_study_excusal",
  schema: ExcusalSchema,
  fields: {
    memberId: field.key((e: StudyExcusal) => e.memberId),
    organizationId: field.key((e: StudyExcusal) => e.organizationId),
    year: field.int((e: StudyExcusal) => e.year)
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "year"]]
})
