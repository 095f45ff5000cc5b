/**
 * CPU profile of the storage paths at a scale (`node --cpu-prof` on the bundle that
 * `bench/profile/run.sh` builds): one importBatch of the world into a SQLite file, streaming every
 * member back, and the raw SELECT + JSON.parse beside it. Prints the time of each part.
 */
import { createWrite, memberKind, streamRecords } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Store } from "@zhibu/core/store"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { profiled } from "./inspect.js"
import { freshTenant, recordKinds, sqliteBench, worldAt } from "../support/databases.js"

const scale = (process.argv[2] ?? "county") as BenchScale | `province/${number}`
const parts = (process.argv[3] ?? "ingest,stream").split(",")
const world = worldAt(scale)
const db = await sqliteBench()
const tenant = freshTenant("profile")
const writes = [
  ...world.organizations.map((o) => createWrite(recordKinds.organization, { ...o, tenantId: tenant } as never)),
  ...world.members.map((m) => createWrite(recordKinds.member, { ...m, tenantId: tenant } as never))
]
const audit = { actorId: "bench", at: new Date("2026-01-05T02:00:00Z"), action: "import" }
const t0 = performance.now()
await profiled(process.env.PROFILE_DIR, "1-ingest", () => Effect.runPromise(db.store.importBatch(tenant, "world", writes, audit)))
console.log(`importBatch ${writes.length}: ${(performance.now() - t0).toFixed(0)} ms, ${db.counter.queries} statements`)
if (parts.includes("stream")) {
  for (let i = 0; i < 3; i++) {
    const t1 = performance.now()
    let n = 0
    await profiled(i === 2 ? process.env.PROFILE_DIR : undefined, "2-stream", () =>
      Effect.runPromise(Stream.runForEach(streamRecords(memberKind, tenant), () => Effect.sync(() => void n++)).pipe(Effect.provideService(Store, db.store)))
    )
    const t2 = performance.now()
    let m = 0
    for (const row of db.raw.prepare("select data from zhibu_member where tenant_id = ? order by id").iterate(tenant) as Iterable<{ data: string }>) if (JSON.parse(row.data).id) m++
    console.log(`stream ${n}: ${(t2 - t1).toFixed(0)} ms; raw select + JSON.parse ${m}: ${(performance.now() - t2).toFixed(0)} ms`)
  }
}
await db.close()
