/** The storage port and what adapter authors need; re-exported by `@zhibu/core/store`. */
export {
  type AggregateQuery,
  type AggregateRow,
  type AnyAggregateRow,
  aggregateProjected,
  compareAggregateRows,
  requireAggregateFields
} from "./aggregate.js"
export { requireValidAuditContext } from "./audit-context.js"
export { Conflict, InvalidRecord, NotFound, type StoreError, StoreUnavailable } from "./errors.js"
export {
  type Condition,
  isKey,
  matchesConditions,
  type NormalizedCondition,
  normalizeFilter,
  type Range,
  type RecordFilter
} from "./filter.js"
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
} from "./port.js"
export { type CheckedRecord, checkRecord, claimedId, decodeStored, describeParseError } from "./record-check.js"
export {
  type AnyRecordKind,
  columnOf,
  defineRecordKind,
  type Field,
  type FieldType,
  type FieldValue,
  type FieldValueOf,
  type Fields,
  type FilterableField,
  field,
  projectRecord,
  projectText,
  type RecordKind,
  type RecordOf,
  type StoredRecord,
  type SummableField
} from "./record-kind.js"
export { type KindRegistry, makeKindRegistry } from "./registry.js"
export { DEFAULT_STREAM_PAGE_SIZE, type StreamOptions, streamRecords } from "./stream.js"
export { type AuditDraft, type CurrentRecord, planWrites, type TouchedRecord, type WritePlan } from "./write-plan.js"
