import { createWrite, memberKind, organizationKind, Store, type StoreShape, streamRecords, updateWrite, type Write } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import { auditContext, freshTenant } from "@zhibu/store-testkit"
import { generate } from "@zhibu/testing"
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
 * `@zhibu/testing`'s county of seed 3: one 教育工委 over 66 school branches and their party groups,
 * 1,650 member files at every stage (1,510 party members). Each dialect: import the county as one
 * batch, read one branch, page and stream through every member, count members by branch and stage,
 * and update one record. Real servers run when PG_URL / MYSQL_URL are set.
 */
const world = generate({ scale: "county", seed: 3, year: 2025 })
const BRANCHES = world.organizations.filter((o) => o.kind === "branch").length
const MEMBERS = world.members.length
const branchIds = world.organizations.filter((o) => o.kind === "branch").map((o) => o.id as string)
const someBranch = branchIds[32]!
const someMember = world.members[0]!.id as string

const countyWrites = (tenant: string): ReadonlyArray<Write> => [
  ...world.organizations.map((o) => createWrite(organizationKind, { ...o, tenantId: tenant } as never)),
  ...world.members.map((m) => createWrite(memberKind, { ...m, tenantId: tenant } as never))
]

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

  describe(`${name}: a county of ${BRANCHES} branches, ${MEMBERS} member files`, () => {
    bench("import the county as one batch (a new tenant each time)", async () => {
      const tenant = freshTenant()
      await run((s) => s.importBatch(tenant, "county", countyWrites(tenant), auditContext()))
    }, { iterations: 5, warmupIterations: 1 })

    bench("list one branch's members", async () => {
      await ready
      await run((s) => s.list(memberKind, loaded, { organizationId: [someBranch] }))
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
      await run((s) => s.aggregate(memberKind, loaded, { groupBy: ["organizationId"], filter: { organizationId: branchIds, status: "active" } }))
    })

    bench("update one member (read, write with version check, audit)", async () => {
      await ready
      const member = await run((s) => s.get(memberKind, loaded, someMember))
      await run((s) => s.write(loaded, [updateWrite(memberKind, { ...member, name: `改名${version}` } as typeof member)], auditContext()))
      version++
    })
  })
}
