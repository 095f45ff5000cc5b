/**
 * `@zhibu/core` — party-branch work for schools (学校党建) as services over a store, with the
 * records, inputs, errors and profiles they speak in. No I/O and no clock: every call takes the
 * tenant, the acting person, `now`, the rule profile and the ids.
 *
 * - The pure rule functions and rule definitions are in `@zhibu/core/rules`.
 * - The storage port and what adapter authors need are in `@zhibu/core/store`.
 *
 * This list is written by hand; `test/architecture/public-surface.test.ts` keeps it from drifting.
 */

// ── Services: one object per domain, every method `(ctx, input) => Effect<A, E, Store>` ──────────
export { duesService } from "./dues/service.js"
export { evaluationService } from "./evaluation/service.js"
export { meetingService } from "./meeting/meeting-service.js"
export { memberService } from "./member/member-service.js"
export { organizationService } from "./org/organization-service.js"
export { reportService } from "./report/report-service.js"
export { studyService } from "./study/service.js"
export { transferService } from "./transfer/transfer-service.js"

// ── The same services as plain async functions (Promise API) ─────────────────────────────────────
export {
  type AnyService,
  type AnyServiceMethod,
  type AsyncMethod,
  type AsyncService,
  type AsyncServiceMethod,
  type AsyncServices,
  type ContextDefaults,
  type ContextInput,
  createZhibu,
  promisifyService,
  promisifyServices,
  type RejectionOf,
  type RunEffect,
  type Zhibu,
  ZhibuDisposed,
  type ZhibuOptions,
  type ZhibuServices,
  zhibuServices
} from "./promise/exports.js"

// ── Calling a service: the context and the acting person ─────────────────────────────────────────
export type { Action } from "./auth/action.js"
export { Actor, Role, RoleGrant } from "./auth/actor.js"
export type { CommandContext } from "./service/context.js"
export { type CommandContextInput, makeCommandContext } from "./service/make-context.js"
export type { ServiceMethod } from "./service/method.js"
export { OrganizationId, PersonId, TenantId } from "./tenant/ids.js"

// ── Records ──────────────────────────────────────────────────────────────────────────────────────
export { Formation, Leadership, Organization, OrganizationBasis, OrganizationKind, Term, TermExtension } from "./org/organization.js"
export { LeadershipBasis, LeadershipRecord } from "./org/history-leadership.js"
export { ChangeMove, OrganizationBefore, OrganizationChange, OrganizationChangeType } from "./org/change-record.js"
export { FlagDecision, FormerOrganization, Member, MemberCategory, MemberStage, MemberStatus, Sanction, StatusChange } from "./member/member.js"
export { Decision, Publicity, StepId, StepRecord, Training, VoteTally } from "./member/step.js"
export { CountyApproval, RecognitionDecision, TransferReview } from "./member/transfer-review.js"
export {
  AttendanceCounts,
  AttendanceRecord,
  AttendanceStatus,
  ClockTime,
  Lecturer,
  MajorMatter,
  Meeting,
  MeetingId,
  MeetingKindId,
  Resolution,
  VoteCounts
} from "./meeting/meeting.js"
export { DuesAssessment, DuesMonth, DuesPayment } from "./dues/records.js"
export { Month } from "./dues/month.js"
export { StudyCredit, StudyExcusal, StudyPlan, StudySource } from "./study/records.js"
export {
  ChecklistScore,
  DemocraticEvaluation,
  FollowUp,
  GradeRecord,
  RectificationItem,
  RectificationOrigin,
  RoleFeedback,
  RoleKind,
  SecretaryReport,
  StepDone,
  WorkloadEntry
} from "./evaluation/records.js"
export { LetterId, LetterParty, LetterSource, PaidThroughMonth, TransferDirection, TransferLetter } from "./transfer/letter.js"
export { MobileAttachment } from "./transfer/mobile.js"

// ── Service inputs (Schemas; the type of each is what a TypeScript caller passes) ────────────────
export { CreateOrganizationInput, GetOrganizationInput, UpdateLeadershipInput } from "./org/organization-service-inputs.js"
export { ApproveTermExtensionInput, RecordElectionInput } from "./org/election-service.js"
export { BackfillLeadershipInput } from "./org/history-backfill.js"
export { LedOnInput, SecretaryChangesInput } from "./org/history-service.js"
export { MergeBranchesInput, RestructureOneInput, SplitBranchInput, TreeOnInput } from "./org/change-service.js"
export {
  ChangeStatusInput,
  EnterExistingMemberInput,
  ErasePersonalDataInput,
  GetMemberInput,
  ListMembersInput,
  MemberTimelineInput,
  RecordFlagDecisionInput,
  RecordSanctionInput,
  RecordStepInput,
  RegisterApplicantInput,
  UpdateContactInput
} from "./member/member-service-inputs.js"
export {
  AttendanceInput,
  ComplianceInput,
  GetMeetingInput,
  ListMeetingsInput,
  MemberAttendanceInput,
  MemberSignalsInput,
  ParticipationInput,
  RecordMeetingInput,
  SilentBranchesInput,
  VotingMembersInput,
  YearPlanInput
} from "./meeting/meeting-service-inputs.js"
export {
  AssessDuesInput,
  BranchLedgerInput,
  DuesEvidenceInput,
  MemberAssessmentsInput,
  MemberLedgerInput,
  QuarterTotalsInput,
  RecordPaymentInput,
  YearlySummaryInput
} from "./dues/service-inputs.js"
export {
  BranchStudyInput,
  CreditMeetingInput,
  CreditSessionInput,
  MemberStudyInput,
  PlanStudyInput,
  RecordCreditInput,
  RecordExcusalInput,
  SubtreeStudyInput
} from "./study/service-inputs.js"
export {
  BranchYearInput,
  ChecklistInput,
  CloseIssueInput,
  DemocraticFollowUpInput,
  DemocraticGradesInput,
  DemocraticStepInput,
  OpenDemocraticInput,
  PlanMeasureInput,
  RaiseIssueInput,
  RecheckInput,
  RoleFeedbackStatusInput,
  RoleOutcomeInput,
  RoleRecordInput,
  SecretaryReportInput,
  WorkloadInput,
  WorkloadTotalsInput
} from "./evaluation/service-inputs.js"
export {
  AcknowledgeReceiptInput,
  AttachMobileInput,
  DecideReviewInput,
  EndMobileInput,
  ImportLetterInput,
  LetterPacketInput,
  MoveBatchInput,
  MoveInput,
  RaiseReviewInput,
  ReceiveInput,
  TransferOutInput,
  TransferScopeInput
} from "./transfer/transfer-service-inputs.js"
export { AnnualSummaryInput } from "./report/annual-service.js"
export { BranchAgendaInput } from "./report/branch-agenda-input.js"
export { CountyViewInput } from "./report/county-view-service.js"
export { DashboardInput } from "./report/dashboard-service.js"
export { RecruitmentFunnelInput } from "./report/funnel-service.js"
export { InspectionInput } from "./report/inspection-service.js"
export { MembershipSummaryInput } from "./report/membership-summary.js"
export { RemindersInput } from "./report/reminders-service.js"

// ── What services answer ─────────────────────────────────────────────────────────────────────────
export type { MemberTimelineReport } from "./member/member-service.js"
export type { ComplianceReport, MeetingRecord } from "./meeting/meeting-service.js"
export type { BranchLedger, BranchLedgerLine, QuarterTotals, YearlyPublication } from "./dues/ledger-reads.js"
export type { SubtreeFigures } from "./study/service.js"
export type { LeadershipBackfill } from "./org/history-backfill.js"
export type { SecretaryChanges } from "./org/history-service.js"
export type { AgendaFlag, AgendaItem, AgendaOrganization, AgendaSubject, BranchAgenda } from "./report/agenda.js"
export type { MembershipCounts, MembershipSummary, OrganizationMembership } from "./report/membership-summary.js"
export type { Figures, RolledUpRow } from "./report/figures.js"
export { type AnnualFigures, type ObligationTally, type QuarterDues, type QuarterKey, quarterKeys } from "./report/annual-figures.js"
export type { AnnualSummary, ObligationRule } from "./report/annual-summary.js"
export { type FunnelFigures, type FunnelStage, type FunnelYear, funnelStages, type RecruitmentFunnel, type SpellStage } from "./report/funnel.js"
export type { CountyView, CountyViewRow } from "./report/county-view.js"
export type { PublishedCell } from "./report/suppression.js"
export type { BranchDashboard, ComplianceDashboard } from "./report/dashboard.js"
export type { StalledFile, StallingStage } from "./report/stalled.js"
export type { InspectionEntry, InspectionPack } from "./report/inspection.js"
export type { EvidenceRecord, MissingEvidence } from "./report/inspection-proofs.js"
export { EvidenceKind, InspectionItem } from "./report/rules.js"
export type { Recipient, Reminder, ReminderKind } from "./report/reminder.js"
export type { Finding, FindingSubject, Severity } from "./profile/finding.js"

// ── Errors: tagged values (`_tag` starts with `Zhibu`); rule refusals share one shape ────────────
export { Conflict, InvalidRecord, NotFound, StoreUnavailable } from "./store/errors.js"
export { Forbidden } from "./auth/errors.js"
export { InvalidInput } from "./service/errors.js"
export type { WriteError } from "./service/support.js"
export { InvalidDate, SchoolCalendarRequired } from "./calendar/errors.js"
export { InvalidOverride } from "./profile/errors.js"
export { InvalidOrganizationTree, OrganizationRuleBroken, TreeProblem } from "./org/errors.js"
export { MemberRecordRejected, StatusChangeRejected, StepRejected } from "./member/errors.js"
export { MeetingRejected, PlanMoveRefused } from "./meeting/errors.js"
export { DuesRejected } from "./dues/errors.js"
export { StudyRejected } from "./study/errors.js"
export { EvaluationRejected } from "./evaluation/errors.js"
export { TransferProblem, TransferRejected } from "./transfer/errors.js"
export { formatRefusal, type Refusal, refusalMessage } from "./profile/refusal.js"
export { type Locale, Message } from "./i18n/message.js"

// ── Rule profiles: the national baseline and local overrides ─────────────────────────────────────
export { nationalBaseline, OverrideProfile, type OverrideProfileInput } from "./national-profile.js"
export { applyOverride } from "./profile/override.js"
export type { RuleProfile } from "./profile/profile.js"

// ── Dates, calendars and money ───────────────────────────────────────────────────────────────────
export { addDays, addMonths, addYears, CivilDate, chinaDate, civilDate, compareDates, parseCivilDate } from "./calendar/civil-date.js"
export { SchoolCalendar, SchoolTerm } from "./calendar/school-calendar.js"
export { type WorkdayCalendar, weekdayCalendar } from "./calendar/workday-calendar.js"
export { Fen, formatYuan, parseYuan, yuan } from "./money/money.js"
export { FREE_TEXT_MAX, FreeText, Label, LABEL_MAX } from "./text/free-text.js"

// ── Personal data: masked wherever it leaves the store ───────────────────────────────────────────
export { formatAuditEntry, maskAuditEntry } from "./member/personal-data-audit.js"
export {
  IdNumber,
  IdNumberInput,
  maskIdNumber,
  maskMember,
  maskPhone,
  PersonalDataView,
  PhoneNumber,
  PhoneNumberInput
} from "./member/personal-data.js"
