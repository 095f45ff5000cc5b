/**
 * `@zhibu/core/store` — the storage port and what adapter authors need: record-kind descriptors,
 * the record check and write replay every adapter shares, filters and aggregates with their
 * reference semantics, and every kind core stores. Written by hand, like the main entry.
 */
export {
  type AggregateQuery,
  type AggregateRow,
  type AnyAggregateRow,
  aggregateProjected,
  compareAggregateRows,
  requireAggregateFields
} from "../store/aggregate.js"
export { requireValidAuditContext } from "../store/audit-context.js"
export { Conflict, InvalidRecord, NotFound, type StoreError, StoreUnavailable } from "../store/errors.js"
export {
  type Condition,
  isKey,
  matchesConditions,
  type NormalizedCondition,
  normalizeFilter,
  type Range,
  type RecordFilter
} from "../store/filter.js"
export {
  type AuditContext,
  type AuditEntry,
  type AuditQuery,
  type BatchResult,
  type CreateWrite,
  createWrite,
  type ListOptions,
  Store,
  type StoreShape,
  type UpdateWrite,
  updateWrite,
  type Write
} from "../store/port.js"
export { type CheckedRecord, checkRecord, claimedId, decodeStored, describeParseError } from "../store/record-check.js"
export { recordJson } from "../store/record-json.js"
export {
  type AnyRecordKind,
  columnOf,
  defineRecordKind,
  type Field,
  type FieldType,
  type FieldValue,
  type FieldValueOf,
  type Fields,
  type FieldsOf,
  type FilterableField,
  field,
  projectRecord,
  projectText,
  type RecordKind,
  type RecordOf,
  type StoredRecord,
  type SummableField
} from "../store/record-kind.js"
export { type KindRegistry, makeKindRegistry } from "../store/registry.js"
export { DEFAULT_STREAM_PAGE_SIZE, type StreamOptions, streamRecords } from "../store/stream.js"
export { type AuditDraft, type CurrentRecord, planWrites, type TouchedRecord, type WritePlan } from "../store/write-plan.js"

// ── The record kinds core stores ────────────────────────────────────────────────────────────────
export { coreRecordKinds } from "../record-kinds.js"
export { organizationKind } from "../org/kinds.js"
export { leadershipRecordKind } from "../org/history-leadership.js"
export { organizationChangeKind } from "../org/change-record.js"
export { memberKind } from "../member/kinds.js"
export { attendanceKind, meetingKind } from "../meeting/kinds.js"
export { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "../dues/kinds.js"
export { studyCreditKind, studyExcusalKind, studyPlanKind } from "../study/kinds.js"
export {
  checklistScoreKind,
  democraticEvaluationKind,
  rectificationItemKind,
  roleFeedbackKind,
  secretaryReportKind,
  workloadEntryKind
} from "../evaluation/kinds.js"
export { mobileAttachmentKind, transferLetterKind } from "../transfer/kinds.js"
