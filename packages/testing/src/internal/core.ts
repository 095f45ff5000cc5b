/**
 * The one place this package imports `@zhibu/core` from. Core is splitting its surface into
 * subpaths (`@zhibu/core`, `@zhibu/core/rules`, `@zhibu/core/store`); when a name moves, only this
 * file changes.
 */
export { type Conflict, type InvalidRecord, type NotFound, type StoreUnavailable, addDays, addMonths, addYears, type CivilDate, civilDate, Member, type MemberCategory, type MemberStage, nationalBaseline, Organization, OrganizationId, type OrganizationBasis, type OrganizationKind, PersonId, type RuleProfile, type StepId, StepRecord, type StepRejected, TenantId, type VoteTally, weekdayCalendar, type WorkdayCalendar } from "@zhibu/core"
export { activistAssessmentIntervalRule, activistMinimumCultivationRule, addWorkdays, deriveStage, admissionApprovalDeadlineRule, applicationMinimumAgeRule, applicationTalkDeadlineRule, candidateApprovalRule, candidatePublicityRule, candidateTrainingRule, conversionApprovalDeadlineRule, countWorkdays, enterExistingFile, fileState, fromEpochDay, fromParts, type MemberIdentity, oathDeadlineRule, openApplicantFile, probationLengthRule, recordStep, ruleAt, type StepContext, type StepRecordInput, termLengthRule, toEpochDay } from "@zhibu/core/rules"
export { type AuditContext, createWrite, memberKind, organizationKind, Store, type Write } from "@zhibu/core/store"

// The yearly cycles (dues, study, evaluation) for `generate/yearly-cycles.ts`.
export type { DemocraticEvaluation, DuesAssessment, DuesMonth, DuesPayment, Month, RectificationItem, StudyCredit, StudyPlan } from "@zhibu/core"
export { duesStartMonth, itemsFromEvaluation, monthlyDues, monthStart, planMonths, recordEvaluationGrades, recordEvaluationStep, sessionCredits, democraticEvaluationId, maximumExcellent } from "@zhibu/core/rules"

// A year of meetings and attendance for `generate/meetings.ts`.
export type { AttendanceRecord, Meeting } from "@zhibu/core"
export { checkMeeting, fullMembersOn, type PlanItem, rosterOn, yearPlan } from "@zhibu/core/rules"

// The leadership history the generated year implies, for `generate/leadership-history.ts`.
export type { LeadershipRecord } from "@zhibu/core"
