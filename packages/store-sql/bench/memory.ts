/**
 * Memory benchmark (run by `npm run bench:memory`): the heap a county of 66 branches takes in the
 * memory store, and the peak heap of exporting every member of a large tenant from SQLite by
 * `streamRecords` (one page at a time) against one `list` of everything, as heap retained after a
 * full collection (not allocation churn).
 * Needs `--expose-gc` so the measurements start from a collected heap.
 */
import { createWrite, memberKind, organizationKind, Store, streamRecords, type Write } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import { auditContext, freshTenant, makeMember, makeOrganization } from "@zhibu/store-testkit/fixtures"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { SqlStore } from "../src/layer.js"

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with node --expose-gc")
const mb = (bytes: number) => (Math.abs(bytes) < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

const tenantWrites = (tenant: string, branches: number, perBranch: number): ReadonlyArray<Write> => {
  const writes: Array<Write> = [createWrite(organizationKind, makeOrganization(tenant, { id: "county", kind: "committee", parentId: null }))]
  for (let b = 1; b <= branches; b++) {
    writes.push(createWrite(organizationKind, makeOrganization(tenant, { id: `b${b}`, kind: "branch", parentId: "county" })))
    for (let m = 1; m <= perBranch; m++) {
      writes.push(createWrite(memberKind, makeMember(tenant, { id: `b${b}-m${m}`, organizationId: `b${b}`, name: `教师${b}-${m}` })))
    }
  }
  return writes
}

/** Heap retained above `start` right now, after a full collection. */
const retained = (start: number): number => {
  gc()
  return process.memoryUsage().heapUsed - start
}

const county = Effect.gen(function* () {
  const store = yield* Store
  gc()
  const before = process.memoryUsage().heapUsed
  const tenant = freshTenant()
  yield* store.importBatch(tenant, "county", tenantWrites(tenant, 66, 23), auditContext())
  gc()
  return process.memoryUsage().heapUsed - before
})

const exportTenant = Effect.gen(function* () {
  const store = yield* Store
  const tenant = freshTenant()
  // Ten counties' worth of members in one tenant: 660 branches, 15,180 members.
  yield* store.importBatch(tenant, "province", tenantWrites(tenant, 660, 23), auditContext())
  gc()
  const start = process.memoryUsage().heapUsed
  // Streamed: the most ever retained at a page boundary, with the consumer keeping only a count.
  let streamed = 0
  let seen = 0
  yield* Stream.runForEach(streamRecords(memberKind, tenant, undefined, { pageSize: 500 }), () =>
    Effect.sync(() => {
      if (++seen % 500 === 0) streamed = Math.max(streamed, retained(start))
    })
  )
  // Listed: what one list() of everything retains while the caller holds it.
  const all = yield* store.list(memberKind, tenant)
  const listed = retained(start)
  if (all.length !== seen) throw new Error(`stream saw ${seen} members, list ${all.length}`)
  return { streamed, listed }
})

const countyHeap = await Effect.runPromise(Effect.provide(county, MemoryStore.layer()))
const exported = await Effect.runPromise(
  Effect.provide(exportTenant, SqlStore.layerFromUrl("sqlite::memory:", { migrate: "onStart" }))
)
console.log(`memory store holding a county (67 organizations, 1,518 members, 1,585 audit entries): ${mb(countyHeap)}`)
console.log(`SQLite export of 15,180 members, streamRecords (pages of 500): at most ${mb(exported.streamed)} retained`)
console.log(`SQLite export of 15,180 members, one list():                ${mb(exported.listed)} retained`)
