import * as Effect from "effect/Effect"
import {
  type AuditContext,
  type Conflict,
  createWrite,
  type InvalidRecord,
  type Member,
  memberKind,
  type NotFound,
  type Organization,
  organizationKind,
  Store,
  type StoreUnavailable,
  type Write
} from "./internal/core.js"

/**
 * 写入存储 — puts generated or built records into any store through the port, in idempotent
 * batches (`importBatch`): organizations first (parents before children, as given), then members.
 * This is the one file that knows how writes are shaped; when the port changes, only it changes.
 */

/** How {@link seedStore} writes: the batch size, the batch ids and the audit context. */
export interface SeedOptions {
  /** Records per batch (default 500). */
  readonly batchSize?: number
  /** Batch ids are `<prefix>:organization:<n>` and `<prefix>:member:<n>`, so a re-run writes nothing twice (default `zhibu-testing`). */
  readonly batchPrefix?: string
  /** Who and when, for the audit log (default: actor `zhibu-testing`, action `testing.seed`, at 2000-01-01T00:00Z). */
  readonly audit?: AuditContext
}

/** What was written (a batch already applied by an earlier run counts as not applied). */
export interface SeedResult {
  readonly organizations: number
  readonly members: number
  readonly batches: number
  readonly applied: number
}

/** What {@link seedStore} writes: one tenant's organizations (parents first) and members. */
export interface SeedData {
  readonly tenantId: string
  readonly organizations: Iterable<Organization>
  /** An array, or any iterable — e.g. `memberChunks(plan)` flattened — so a province streams through. */
  readonly members: Iterable<Member>
}

const defaultAudit: AuditContext = { actorId: "zhibu-testing", action: "testing.seed", at: new Date(Date.UTC(2000, 0, 1)) }

const withoutVersion = <A extends { readonly version: number }>(record: A): Omit<A, "version"> => {
  const { version: _version, ...rest } = record
  return rest
}

/** Groups `items` into arrays of `size`, lazily. */
function* batches<A>(items: Iterable<A>, size: number): Generator<ReadonlyArray<A>> {
  let batch: Array<A> = []
  for (const item of items) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * Writes the records with the `Store` in context:
 *
 * ```ts
 * const world = generate({ scale: "county", seed: 3 })
 * await Effect.runPromise(seedStore(world).pipe(Effect.provide(MemoryStore.layer())))
 * ```
 */
export const seedStore = (
  data: SeedData,
  options: SeedOptions = {}
): Effect.Effect<SeedResult, Conflict | NotFound | InvalidRecord | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const size = options.batchSize ?? 500
    const prefix = options.batchPrefix ?? "zhibu-testing"
    const audit = options.audit ?? defaultAudit
    const result = { organizations: 0, members: 0, batches: 0, applied: 0 }
    const run = function* (name: string, writes: Iterable<ReadonlyArray<Write>>) {
      let n = 0
      for (const batch of writes) {
        const { applied } = yield* store.importBatch(data.tenantId, `${prefix}:${name}:${++n}`, batch, audit)
        result.batches++
        if (applied) result.applied++
      }
    }
    const organizations = (function* () {
      for (const o of data.organizations) {
        result.organizations++
        yield createWrite(organizationKind, withoutVersion(o)) as Write
      }
    })()
    const members = (function* () {
      for (const m of data.members) {
        result.members++
        yield createWrite(memberKind, withoutVersion(m)) as Write
      }
    })()
    yield* run("organization", batches(organizations, size))
    yield* run("member", batches(members, size))
    return result
  })
