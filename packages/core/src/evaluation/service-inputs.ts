import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { SchoolCalendar } from "../calendar/school-calendar.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { FollowUp, GradeRecord, RectificationOrigin, RoleKind, SecretaryReport } from "./records.js"
import { DeterminingBody, EvaluationStep } from "./rules-democratic.js"
import { FeedbackCadence } from "./rules-standards.js"

/** Inputs of the evaluation service, decoded at the boundary. */

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))
const Year = Schema.Int.pipe(Schema.between(1900, 2999))
const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const ExpectedVersion = Schema.Int.pipe(Schema.positive())
const BranchYear = { organizationId: OrganizationId, year: Year }

/** 启动民主评议 — the branch, the year, and the date study and preparation began. */
export const OpenDemocraticInput = Schema.Struct({ ...BranchYear, preparedOn: CivilDate })
export type OpenDemocraticInput = typeof OpenDemocraticInput.Encoded

/** The next step of the procedure (`by` for the determination). */
export const DemocraticStepInput = Schema.Struct({ ...BranchYear, expectedVersion: ExpectedVersion, step: EvaluationStep, date: CivilDate, by: Schema.optional(DeterminingBody) })
export type DemocraticStepInput = typeof DemocraticStepInput.Encoded

/** 民主测评等次 — every member's grade (one of the four). */
export const DemocraticGradesInput = Schema.Struct({ ...BranchYear, expectedVersion: ExpectedVersion, grades: Schema.Array(GradeRecord) })
export type DemocraticGradesInput = typeof DemocraticGradesInput.Encoded

/** 后续处置 — one member's talk, correction deadline and the branch's decision. */
export const DemocraticFollowUpInput = Schema.Struct({ ...BranchYear, expectedVersion: ExpectedVersion, followUp: FollowUp })
export type DemocraticFollowUpInput = typeof DemocraticFollowUpInput.Encoded

/** A branch's year (or, for totals, a subtree's). */
export const BranchYearInput = Schema.Struct(BranchYear)
export type BranchYearInput = typeof BranchYearInput.Encoded

/** 述职评议 — one report with its scores and follow-up list. */
export const SecretaryReportInput = SecretaryReport.pipe(Schema.omit("tenantId", "version"))
export type SecretaryReportInput = typeof SecretaryReportInput.Encoded

/** 提出整改问题. */
export const RaiseIssueInput = Schema.Struct({ id: RecordId, organizationId: OrganizationId, raisedOn: CivilDate, origin: RectificationOrigin, issue: Text(1000) })
export type RaiseIssueInput = typeof RaiseIssueInput.Encoded

/** 整改措施、责任人、时限. */
export const PlanMeasureInput = Schema.Struct({ id: RecordId, expectedVersion: ExpectedVersion, measure: Text(1000), ownerId: PersonId, deadline: CivilDate })
export type PlanMeasureInput = typeof PlanMeasureInput.Encoded

/** 复查. */
export const RecheckInput = Schema.Struct({ id: RecordId, expectedVersion: ExpectedVersion, on: CivilDate, passed: Schema.Boolean, note: Schema.optional(Text(500)) })
export type RecheckInput = typeof RecheckInput.Encoded

/** 销号 with its evidence. */
export const CloseIssueInput = Schema.Struct({ id: RecordId, expectedVersion: ExpectedVersion, on: CivilDate, evidence: Schema.Array(Text(500)) })
export type CloseIssueInput = typeof CloseIssueInput.Encoded

/** 标准化建设评分 — the first scoring of a year, or a change to it (`expectedVersion`). */
export const ChecklistInput = Schema.Struct({
  ...BranchYear,
  expectedVersion: Schema.optional(ExpectedVersion),
  scoredOn: CivilDate,
  items: Schema.Array(Schema.Struct({ itemId: Schema.String, score: Schema.Int.pipe(Schema.nonNegative()), evidence: Schema.Array(Text(500)) }))
})
export type ChecklistInput = typeof ChecklistInput.Encoded

/** 承诺、结对、先锋岗 — one member-role record for a period. */
export const RoleRecordInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  kind: RoleKind,
  cadence: FeedbackCadence,
  periodStart: CivilDate,
  periodEnd: CivilDate,
  partner: Schema.optionalWith(Schema.NullOr(Text(100)), { default: () => null }),
  title: Text(200)
})
export type RoleRecordInput = typeof RoleRecordInput.Encoded

/** 反馈 — the outcome of a member-role record. */
export const RoleOutcomeInput = Schema.Struct({
  id: RecordId,
  expectedVersion: ExpectedVersion,
  rating: Schema.Literal("fulfilled", "partly", "notFulfilled"),
  reviewedOn: CivilDate,
  note: Schema.optional(Text(500))
})
export type RoleOutcomeInput = typeof RoleOutcomeInput.Encoded

/**
 * The member-role records of an organization whose periods start within [from, to], and the periods
 * of the window missing feedback (`schoolCalendar` for semester feedback and to leave vacation weeks out).
 */
export const RoleFeedbackStatusInput = Schema.Struct({ organizationId: OrganizationId, from: CivilDate, to: CivilDate, schoolCalendar: Schema.optional(SchoolCalendar) })
export type RoleFeedbackStatusInput = typeof RoleFeedbackStatusInput.Encoded

/** 党务工作量 — minutes of party work. */
export const WorkloadInput = Schema.Struct({ id: RecordId, organizationId: OrganizationId, personId: PersonId, termId: RecordId, on: CivilDate, minutes: Schema.Int.pipe(Schema.between(1, 24 * 60)), activity: Text(200) })
export type WorkloadInput = typeof WorkloadInput.Encoded

/** Workload totals per person of an organization's subtree in one term. */
export const WorkloadTotalsInput = Schema.Struct({ organizationId: OrganizationId, termId: RecordId })
export type WorkloadTotalsInput = typeof WorkloadTotalsInput.Encoded
