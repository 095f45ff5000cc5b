import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Conflict, InvalidRecord, NotFound, StoreUnavailable } from "./errors.js"
import type { Entities, EntityFilters, EntityKind } from "./entities.js"
import type { MemberCount } from "./member-counts.js"

/** A new record: everything but `version`, which the store sets to 1. */
export interface CreateWrite<K extends EntityKind = EntityKind> {
  readonly op: "create"
  readonly kind: K
  readonly record: Omit<Entities[K], "version">
}

/** A change to an existing record, based on the version the caller read. */
export interface UpdateWrite<K extends EntityKind = EntityKind> {
  readonly op: "update"
  readonly kind: K
  readonly record: Omit<Entities[K], "version">
  readonly expectedVersion: number
}

export type Write = { [K in EntityKind]: CreateWrite<K> | UpdateWrite<K> }[EntityKind]

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
  readonly kind: EntityKind
  readonly recordId: string
  /** The version the write produced. */
  readonly version: number
  /** The record before the write (encoded), or null for a create. */
  readonly before: unknown
  /** The record after the write (encoded). */
  readonly after: unknown
}

export interface ListOptions {
  /** Return records whose id sorts after this one (for paging). */
  readonly afterId?: string
  /** At most this many records; 0 (or a negative number) returns nothing. */
  readonly limit?: number
}

export interface AuditQuery {
  readonly recordId?: string
  readonly afterSeq?: number
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
 *   `streamRecords` walks) or aggregated in the store (`countMembers`), never one query per
 *   organization.
 * - Records are checked against their Schema on the way in (encoded for storage, and the encoded
 *   form must decode again) and decoded on the way out, so callers never share state with the
 *   store. A record that does not encode, or whose `tenantId` is not the call's tenant, is refused
 *   with `InvalidRecord`. Fields the Schema does not know are dropped.
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
  readonly get: <K extends EntityKind>(
    kind: K,
    tenantId: string,
    id: string
  ) => Effect.Effect<Entities[K], NotFound | StoreUnavailable>

  /**
   * Records of the tenant matching every given filter field, ordered by id ascending in code-unit
   * order. An empty `organizationIds` matches no member.
   */
  readonly list: <K extends EntityKind>(
    kind: K,
    tenantId: string,
    filter?: EntityFilters[K],
    options?: ListOptions
  ) => Effect.Effect<ReadonlyArray<Entities[K]>, StoreUnavailable>

  /**
   * 人数统计 — how many members of the tenant match every given filter field, per organization,
   * stage and status: one row per group with at least one member, ordered by `organizationId`,
   * then `stage`, then `status`, in code-unit order. The counts are exactly what `list` with the
   * same filter returns, grouped; an empty `organizationIds` counts no member. An adapter counts
   * where the records are (one statement in SQL), without decoding them, however many
   * organizations the tenant has.
   */
  readonly countMembers: (
    tenantId: string,
    filter?: EntityFilters["member"]
  ) => Effect.Effect<ReadonlyArray<MemberCount>, StoreUnavailable>

  /**
   * Applies the writes, in order, atomically, each with an audit entry. Returns the stored records
   * with their new versions, in the order of the writes. An empty list writes nothing.
   */
  readonly write: (
    tenantId: string,
    writes: ReadonlyArray<Write>,
    audit: AuditContext
  ) => Effect.Effect<ReadonlyArray<Entities[EntityKind]>, Conflict | NotFound | InvalidRecord | StoreUnavailable>

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
  ) => Effect.Effect<BatchResult<Entities[EntityKind]>, Conflict | NotFound | InvalidRecord | StoreUnavailable>

  /** Audit entries of the tenant in the order written, optionally for one record, after a seq. */
  readonly auditLog: (tenantId: string, query?: AuditQuery) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreUnavailable>
}

/** The storage port as an Effect service. Adapters provide it as a `Layer`. */
export class Store extends Context.Tag("@zhibu/core/Store")<Store, StoreShape>() {}
