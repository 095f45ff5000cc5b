import { createWrite, memberKind, organizationKind, Store, type StoreShape, streamRecords, updateWrite, type Write } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import { auditContext, freshTenant, makeMember, makeOrganization } from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Stream from "effect/Stream"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, bench, describe } from "vitest"
import { SqlStore } from "../src/layer.js"

/**
 * A county the size of the one in the research notes: 66 school branches under one committee,
 * 23 members each (1,518), at five stages and three statuses. Each dialect: import the county as
 * one batch, read one branch, page and stream through every member, count members by branch and
 * stage, and update one record. Real servers run when PG_URL / MYSQL_URL are set.
 */
const BRANCHES = 66
const PER_BRANCH = 23
const STAGES = ["applicant", "activist", "candidate", "probationary", "full"] as const
const STATUSES = ["active", "active", "active", "active", "transferredOut", "deceased"] as const

const countyWrites = (tenant: string): ReadonlyArray<Write> => {
  const writes: Array<Write> = [createWrite(organizationKind, makeOrganization(tenant, { id: "county", kind: "committee", parentId: null }))]
  for (let b = 1; b <= BRANCHES; b++) {
    writes.push(createWrite(organizationKind, makeOrganization(tenant, { id: `b${b}`, kind: "branch", parentId: "county" })))
    for (let m = 1; m <= PER_BRANCH; m++) {
      const shape = { stage: STAGES[m % STAGES.length], status: STATUSES[(b + m) % STATUSES.length] }
      writes.push(createWrite(memberKind, makeMember(tenant, { id: `b${b}-m${m}`, organizationId: `b${b}`, name: `教师${b}-${m}`, ...shape })))
    }
  }
  return writes
}

const fileDir = mkdtempSync(join(tmpdir(), "zhibu-bench-"))
afterAll(() => rmSync(fileDir, { recursive: true, force: true }))

const targets: ReadonlyArray<[string, Layer.Layer<Store, unknown>]> = [
  ["memory", MemoryStore.layer()],
  ["SQLite in memory", SqlStore.layerFromUrl("sqlite::memory:", { migrate: "onStart" })],
  ["SQLite file", SqlStore.layerFromUrl(`sqlite:${join(fileDir, "bench.db")}`, { migrate: "onStart" })],
  ...(process.env.PG_URL ? [["PostgreSQL", SqlStore.layerFromUrl(process.env.PG_URL, { migrate: "onStart" })] as [string, Layer.Layer<Store, unknown>]] : []),
  ...(process.env.MYSQL_URL ? [["MariaDB/MySQL", SqlStore.layerFromUrl(process.env.MYSQL_URL, { migrate: "onStart" })] as [string, Layer.Layer<Store, unknown>]] : [])
]

for (const [name, layer] of targets) {
  const runtime = ManagedRuntime.make(layer)
  const run = <A, E>(f: (store: StoreShape) => Effect.Effect<A, E>) => runtime.runPromise(Effect.flatMap(Store, f))
  afterAll(() => runtime.dispose())

  // One county loaded up front for the read benchmarks.
  const loaded = freshTenant()
  let version = 1
  const ready = run((s) => s.importBatch(loaded, "county", countyWrites(loaded), auditContext()))

  describe(`${name}: a county of ${BRANCHES} branches, ${BRANCHES * PER_BRANCH} members`, () => {
    bench("import the county as one batch (a new tenant each time)", async () => {
      const tenant = freshTenant()
      await run((s) => s.importBatch(tenant, "county", countyWrites(tenant), auditContext()))
    }, { iterations: 5, warmupIterations: 1 })

    bench("list one branch's members", async () => {
      await ready
      await run((s) => s.list(memberKind, loaded, { organizationId: ["b33"] }))
    })

    bench("page through every member, 200 at a time", async () => {
      await ready
      let afterId: string | undefined
      for (;;) {
        const page: ReadonlyArray<{ id: string }> = await run((s) => s.list(memberKind, loaded, {}, { limit: 200, ...(afterId === undefined ? {} : { afterId }) }))
        if (page.length < 200) break
        afterId = page[page.length - 1]!.id
      }
    })

    bench("stream every member (streamRecords, pages of 500)", async () => {
      await ready
      await runtime.runPromise(Stream.runDrain(streamRecords(memberKind, loaded)))
    })

    bench("count members by branch, stage and status (aggregate: one group-by statement)", async () => {
      await ready
      await run((s) => s.aggregate(memberKind, loaded, { groupBy: ["organizationId", "stage", "status"] }))
    })

    bench("count the active members of the county's 66 branches (aggregate filtered by a list of branches)", async () => {
      await ready
      const branches = Array.from({ length: BRANCHES }, (_, b) => `b${b + 1}`)
      await run((s) => s.aggregate(memberKind, loaded, { groupBy: ["organizationId"], filter: { organizationId: branches, status: "active" } }))
    })

    bench("update one member (read, write with version check, audit)", async () => {
      await ready
      const member = await run((s) => s.get(memberKind, loaded, "b1-m1"))
      await run((s) => s.write(loaded, [updateWrite(memberKind, { ...member, name: `改名${version}` } as typeof member)], auditContext()))
      version++
    })
  })
}
