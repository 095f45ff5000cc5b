import {
  type AnyRecordKind,
  type AuditContext,
  type AuditEntry,
  aggregateProjected,
  type CheckedRecord,
  coreRecordKinds,
  makeKindRegistry,
  NotFound,
  planWrites,
  projectRecord,
  recordJson,
  requireAggregateFields,
  requireValidAuditContext,
  Store,
  type StoredRecord,
  type StoreShape,
  type Write
} from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { decodeEntry, filterEntries, selectAudit, selectEntries } from "./read.js"
import { peekTenant, recordsOf, type StoredEntry, type StoreState, type TenantState, tenantOf } from "./tenant-state.js"

const copyEntry = (entry: AuditEntry): AuditEntry => ({
  ...entry,
  at: new Date(entry.at.getTime()),
  before: structuredClone(entry.before),
  after: structuredClone(entry.after)
})

/** How the memory store keeps a checked record: its JSON text (refused as every adapter refuses it), and its projection. */
const toEntry = (kind: AnyRecordKind, checked: CheckedRecord): Either.Either<StoredEntry, string> =>
  Either.map(recordJson(checked), (json) => ({ version: checked.value.version, json, projected: projectRecord(kind, checked.value) }))

export interface MemoryStoreOptions {
  /** The record kinds the store serves; `coreRecordKinds` when absent. */
  readonly kinds?: ReadonlyArray<AnyRecordKind>
}

/**
 * 内存存储 — a store kept in this process's memory: the reference model of the storage contract
 * (`StoreShape` in `@zhibu/core/store`). Each call makes an empty, independent store.
 *
 * Every write is planned against the current state (`planWrites`, as every adapter does) and then
 * applied in one synchronous step, so writes are atomic and concurrent fibers see each other's
 * writes whole or not at all. Aggregates group the projected fields kept beside each record, so
 * they never decode a record.
 */
export const makeMemoryStore = (options: MemoryStoreOptions = {}): Effect.Effect<StoreShape> =>
  Effect.sync(() => {
    const kinds = makeKindRegistry(options.kinds ?? coreRecordKinds)
    const state: StoreState = new Map()
    const served = (kind: AnyRecordKind | undefined): AnyRecordKind | undefined => kinds.get(kind?.name)

    // Plan and commit run in one synchronous step: no other fiber can see or change a half-write.
    const applyWrites = (tenant: TenantState, tenantId: string, writes: ReadonlyArray<Write>, audit: AuditContext) =>
      Either.map(
        planWrites<StoredEntry>(
          kinds,
          tenantId,
          writes,
          (kind, id) => {
            const entry = tenant.records.get(kind.name)?.get(id)
            return entry === undefined ? undefined : { version: entry.version, stored: entry }
          },
          toEntry
        ),
        (plan): ReadonlyArray<StoredRecord> => {
          for (const t of plan.touched) recordsOf(tenant, t.kind.name).set(t.id, t.final.stored)
          let seq = tenant.audit.length
          for (const a of plan.audit) {
            tenant.audit.push({
              seq: ++seq,
              tenantId,
              at: new Date(audit.at.getTime()),
              actorId: audit.actorId,
              action: audit.action,
              kind: a.kind,
              recordId: a.recordId,
              version: a.version,
              before: a.before === null ? null : JSON.parse(a.before.json),
              after: JSON.parse(a.after.json)
            })
          }
          // Fresh values from the check's own decoding: the store keeps only its private encodings.
          return plan.results
        }
      )

    const store: StoreShape = {
      get: (kind, tenantId, id) =>
        Effect.suspend(() => {
          const k = served(kind)
          const entry = k === undefined ? undefined : peekTenant(state, tenantId).records.get(k.name)?.get(id)
          return k === undefined || entry === undefined
            ? Effect.fail(new NotFound({ kind: String(kind?.name), id, tenantId }))
            : Effect.succeed(decodeEntry(k, entry) as never)
        }),

      list: (kind, tenantId, filter, options) =>
        Effect.sync(() => {
          const k = served(kind)
          if (k === undefined) return []
          const records = peekTenant(state, tenantId).records.get(k.name)
          return selectEntries(k, records, filter, options).map((e) => decodeEntry(k, e) as never)
        }),

      aggregate: (kind, tenantId, query) =>
        Effect.sync(() => {
          const k = served(kind)
          if (k === undefined) return []
          const records = peekTenant(state, tenantId).records.get(k.name)
          requireAggregateFields(k, query.groupBy, query.sum ?? [])
          const entries = filterEntries(k, records, query.filter)
          return aggregateProjected(
            entries.map(([, e]) => e.projected),
            query.groupBy,
            query.sum ?? []
          ) as never
        }),

      write: (tenantId, writes, audit) =>
        Effect.zipRight(
          requireValidAuditContext(audit),
          Effect.suspend(() => applyWrites(tenantOf(state, tenantId), tenantId, writes, audit))
        ),

      importBatch: (tenantId, batchId, writes, audit) =>
        Effect.zipRight(
          requireValidAuditContext(audit),
          Effect.suspend((): ReturnType<StoreShape["importBatch"]> => {
            const tenant = tenantOf(state, tenantId)
            const previous = tenant.batches.get(batchId)
            if (previous !== undefined) {
              const records = previous.flatMap(({ kind, id }) => {
                const k = kinds.get(kind)
                const entry = k === undefined ? undefined : tenant.records.get(kind)?.get(id)
                return k === undefined || entry === undefined ? [] : [decodeEntry(k, entry)]
              })
              return Effect.succeed({ applied: false, records })
            }
            const written = applyWrites(tenant, tenantId, writes, audit)
            if (Either.isLeft(written)) return Effect.fail(written.left)
            tenant.batches.set(
              batchId,
              writes.map((w) => ({ kind: w.kind.name, id: String(w.record.id) }))
            )
            return Effect.succeed({ applied: true, records: written.right })
          })
        ),

      auditLog: (tenantId, query) => Effect.sync(() => selectAudit(peekTenant(state, tenantId).audit, query).map(copyEntry))
    }
    return store
  })

/** 内存存储 — the in-memory adapter, constructed like `SqlStore`. */
export const MemoryStore = {
  /** The port itself, without a layer: an empty, independent store. */
  make: makeMemoryStore,
  /** The port as a `Layer`; each use of the layer starts empty. */
  layer: (options: MemoryStoreOptions = {}): Layer.Layer<Store> => Layer.effect(Store, makeMemoryStore(options))
} as const
