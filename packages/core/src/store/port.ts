import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { AggregateQuery, AggregateRow } from "./aggregate.js"
import type { Conflict, InvalidRecord, NotFound, StoreUnavailable } from "./errors.js"
import type { RecordFilter } from "./filter.js"
import type { AnyRecordKind, FilterableField, RecordOf, StoredRecord, SummableField } from "./record-kind.js"

/** A new record: everything but `version`, which the store sets to 1. */
export interface CreateWrite<K extends AnyRecordKind = AnyRecordKind> {
  readonly op: "create"
  readonly kind: K
  readonly record: Omit<RecordOf<K>, "version">
}

/** A change to an existing record, based on the version the caller read. */
export interface UpdateWrite<K extends AnyRecordKind = AnyRecordKind> {
  readonly op: "update"
  readonly kind: K
  readonly record: Omit<RecordOf<K>, "version">
  readonly expectedVersion: number
}

/** One write of a batch: a {@link CreateWrite} or an {@link UpdateWrite}. */
export type Write = CreateWrite | UpdateWrite

/** A typed create: the record must be of the kind. */
export const createWrite = <K extends AnyRecordKind>(kind: K, record: Omit<RecordOf<K>, "version">): CreateWrite<K> => ({
  op: "create",
  kind,
  record
})

/** A typed update of a record read at `expectedVersion` (by default the record's own `version`). */
export const updateWrite = <K extends AnyRecordKind>(
  kind: K,
  record: RecordOf<K>,
  expectedVersion: number = record.version
): UpdateWrite<K> => ({ op: "update", kind, record, expectedVersion })

/** Who made a change, when, and why: every write carries one, and the audit log keeps it. */
export interface AuditContext {
  readonly actorId: string
  /**
   * The instant of the change, passed in by the caller (the library never reads a clock). It must
   * be a valid `Date`: an invalid one is a defect (the effect dies) and nothing is written.
   */
  readonly at: Date
  /** What the change was, e.g. `member.recordStep`. */
  readonly action: string
}

/** 审计日志 — one entry per written record: who, when, what, before and after. */
export interface AuditEntry {
  /** Consecutive per tenant without gaps (1, 2, 3, …); entries are listed in this order. */
  readonly seq: number
  readonly tenantId: string
  readonly at: Date
  readonly actorId: string
  readonly action: string
  /** The record kind's name, e.g. `member`. */
  readonly kind: string
  readonly recordId: string
  /** The version the write produced. */
  readonly version: number
  /** The record before the write (encoded), or null for a create. */
  readonly before: unknown
  /** The record after the write (encoded). */
  readonly after: unknown
}

/** Paging for {@link StoreShape.list}: records after an id, at most a number of them. */
export interface ListOptions {
  /** Return records whose id sorts after this one (for paging). */
  readonly afterId?: string
  /** At most this many records; 0 (or a negative number) returns nothing. */
  readonly limit?: number
}

/** Which audit entries {@link StoreShape.auditLog} returns. */
export interface AuditQuery {
  /** Only the entries of this record. */
  readonly recordId?: string
  /** Only entries whose `seq` is greater than this (for paging). */
  readonly afterSeq?: number
  /** At most this many entries. */
  readonly limit?: number
}

/** The result of {@link StoreShape.importBatch}. */
export interface BatchResult<A> {
  /** False when a batch with this id had been applied before: nothing was written this time. */
  readonly applied: boolean
  readonly records: ReadonlyArray<A>
}

/**
 * 存储端口 — the storage contract every adapter implements, sentence by sentence; the
 * conformance suite in `@zhibu/store-testkit` tests each one.
 *
 * - Every call is scoped by `tenantId`. A record written under one tenant is never returned,
 *   counted or changed through another tenant.
 * - Reads that grow with the tenant are paged (`list` with `afterId` and `limit`, which
 *   `streamRecords` walks) or aggregated in the store (`aggregate`), never one query per
 *   organization.
 * - Every kind is described by a `RecordKind`; an adapter is built with the kinds it serves and
 *   handles each one through its descriptor alone.
 * - Records are checked against their Schema on the way in (`checkRecord`: encoded for storage,
 *   and the encoded form must decode again) and decoded on the way out, so callers never share
 *   state with the store. A record that does not encode, whose `tenantId` is not the call's tenant,
 *   or whose kind the store does not serve, is refused with `InvalidRecord`. Fields the Schema does
 *   not know are dropped. Writes are replayed by `planWrites`, the same in every adapter.
 * - Ids and tenant ids compare exactly: case-sensitive, by code unit, no collation or patterns.
 * - Writes are optimistic: `create` fails with `Conflict` (expectedVersion 0) when the id exists;
 *   `update` fails with `Conflict` unless `expectedVersion` is the stored version, and `NotFound`
 *   when there is no such record. Of two concurrent updates from the same version exactly one
 *   wins; the other gets `Conflict`. No update is ever lost.
 * - `write` is atomic: all of its records and their audit entries are stored, or none.
 * - Driver failures become `StoreUnavailable` with a plain reason; nothing partial remains.
 */
export interface StoreShape {
  /** The record, or `NotFound` when the tenant has no record of that kind and id. */
  readonly get: <K extends AnyRecordKind>(kind: K, tenantId: string, id: string) => Effect.Effect<RecordOf<K>, NotFound | StoreUnavailable>

  /**
   * Records of the tenant matching every condition of `filter` (see `RecordFilter`), ordered by id
   * ascending in code-unit order. A list condition with no values matches nothing, and so does a
   * value that no stored field could hold. A kind the store does not serve has no records.
   */
  readonly list: <K extends AnyRecordKind>(
    kind: K,
    tenantId: string,
    filter?: RecordFilter<K>,
    options?: ListOptions
  ) => Effect.Effect<ReadonlyArray<RecordOf<K>>, StoreUnavailable>

  /**
   * 分组统计 — the records of the tenant matching `query.filter`, counted per group of the
   * `query.groupBy` values, with the `query.sum` fields added up: one row per group with at least
   * one record, ordered by `compareAggregateRows`. The counts are exactly what `list` with the same
   * filter returns, grouped. A sum is exact while the absolute values of its group add up to at
   * most 2^53 (the integers a JavaScript number holds; adapters may add in floating point, as the
   * reference model does). An adapter counts where the records are, without decoding any record:
   * one statement in SQL, however many organizations the filter names.
   */
  readonly aggregate: <K extends AnyRecordKind, G extends FilterableField<K> = never, S extends SummableField<K> = never>(
    kind: K,
    tenantId: string,
    query: AggregateQuery<K, G, S>
  ) => Effect.Effect<ReadonlyArray<AggregateRow<K, G, S>>, StoreUnavailable>

  /**
   * Applies the writes, in order, atomically, each with an audit entry. Returns the stored records
   * with their new versions, in the order of the writes. An empty list writes nothing.
   */
  readonly write: (
    tenantId: string,
    writes: ReadonlyArray<Write>,
    audit: AuditContext
  ) => Effect.Effect<ReadonlyArray<StoredRecord>, Conflict | NotFound | InvalidRecord | StoreUnavailable>

  /**
   * Like `write`, but idempotent by `batchId` (per tenant): the first call applies the batch
   * atomically and remembers the id; a later call with the same id writes nothing and returns
   * `applied: false` with the records the batch wrote, one per write in the first call's order, as
   * they are now. Of two concurrent calls with one batchId exactly one applies. A batch that
   * failed left no trace and may be re-run.
   */
  readonly importBatch: (
    tenantId: string,
    batchId: string,
    writes: ReadonlyArray<Write>,
    audit: AuditContext
  ) => Effect.Effect<BatchResult<StoredRecord>, Conflict | NotFound | InvalidRecord | StoreUnavailable>

  /** Audit entries of the tenant in the order written, optionally for one record, after a seq. */
  readonly auditLog: (tenantId: string, query?: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreUnavailable>
}

/** The storage port as an Effect service. Adapters provide it as a `Layer`. */
export class Store extends Context.Tag("@zhibu/core/Store")<Store, StoreShape>() {}
