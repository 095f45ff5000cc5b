import {
  type AuditContext,
  type AuditEntry,
  type Entities,
  type EntityFilters,
  type EntityKind,
  groupMemberCounts,
  type ListOptions,
  type MemberCountKey,
  NotFound,
  requireValidAuditContext,
  Store,
  type StoreShape,
  type Write
} from "@zhibu/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { commitPlan, planWrites } from "./apply-writes.js"
import { fromStored } from "./codec.js"
import { matchesFilter, selectAudit, selectRecords } from "./filters.js"
import { peekTenant, type StoreState, tenantOf } from "./tenant-state.js"

const copyEntry = (entry: AuditEntry): AuditEntry => ({
  ...entry,
  at: new Date(entry.at.getTime()),
  before: structuredClone(entry.before),
  after: structuredClone(entry.after)
})

/**
 * 内存存储 — a store kept in this process's memory: the reference model of the storage contract
 * (`StoreShape` in `@zhibu/core`). Each call makes an empty, independent store.
 *
 * Every write is planned against the current state and then applied in one synchronous step, so
 * writes are atomic and concurrent fibers see each other's writes whole or not at all. A replayed
 * `importBatch` returns, one per write of the first call and in its order, the records as they are now.
 */
export const makeMemoryStore = (): Effect.Effect<StoreShape> =>
  Effect.sync(() => {
    const state: StoreState = new Map()

    // Plan and commit run in one synchronous step: no other fiber can see or change a half-write.
    const applyWrites = (tenantId: string, writes: ReadonlyArray<Write>, audit: AuditContext) => {
      const tenant = tenantOf(state, tenantId)
      return Either.map(planWrites(tenant, tenantId, writes, audit), (plan) => commitPlan(tenant, plan))
    }

    const store: StoreShape = {
      get: <K extends EntityKind>(kind: K, tenantId: string, id: string) =>
        Effect.suspend(() => {
          const stored = peekTenant(state, tenantId).records.get(kind)?.get(id)
          return stored === undefined
            ? Effect.fail(new NotFound({ kind, id, tenantId }))
            : Effect.succeed(fromStored(kind, stored) as Entities[K])
        }),

      list: <K extends EntityKind>(
        kind: K,
        tenantId: string,
        filter?: EntityFilters[K],
        options?: ListOptions
      ) =>
        Effect.sync(() => {
          const records = peekTenant(state, tenantId).records.get(kind)?.values() ?? []
          return selectRecords(kind, records, filter, options).map((r) => fromStored(kind, r) as Entities[K])
        }),

      countMembers: (tenantId, filter) =>
        Effect.sync(() => {
          const members = peekTenant(state, tenantId).records.get("member")?.values() ?? []
          // Stored members are Schema-checked encodings: these three fields are plain strings as decoded.
          const selected = [...members].filter((m) => matchesFilter("member", m, filter))
          return groupMemberCounts(selected as unknown as ReadonlyArray<MemberCountKey>)
        }),

      write: (tenantId, writes, audit) =>
        Effect.zipRight(requireValidAuditContext(audit), Effect.suspend(() => applyWrites(tenantId, writes, audit))),

      importBatch: (tenantId, batchId, writes, audit) =>
        Effect.zipRight(requireValidAuditContext(audit), Effect.suspend((): ReturnType<StoreShape["importBatch"]> => {
          const tenant = tenantOf(state, tenantId)
          const previous = tenant.batches.get(batchId)
          if (previous !== undefined) {
            const records = previous.flatMap(({ kind, id }) => {
              const stored = tenant.records.get(kind)?.get(id)
              return stored === undefined ? [] : [fromStored(kind, stored)]
            })
            return Effect.succeed({ applied: false, records })
          }
          const written = applyWrites(tenantId, writes, audit)
          if (Either.isLeft(written)) return Effect.fail(written.left)
          tenant.batches.set(batchId, writes.map((w) => ({ kind: w.kind, id: String(w.record.id) })))
          return Effect.succeed({ applied: true, records: written.right })
        })),

      auditLog: (tenantId, query) =>
        Effect.sync(() => selectAudit(peekTenant(state, tenantId).audit, query).map(copyEntry))
    }
    return store
  })

/** The in-memory store as a `Layer` of the `Store` port; each use of the layer starts empty. */
export const memoryStoreLayer: Layer.Layer<Store> = Layer.effect(Store, makeMemoryStore())
