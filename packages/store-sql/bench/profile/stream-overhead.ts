/** Where a stream's time goes beyond `list` (`run.sh bench/profile/stream-overhead.ts county`): the memory store and SQLite, list against streamRecords. */
import { memberKind, Store, streamRecords } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as Chunk from "effect/Chunk"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { freshTenant, sqliteBench } from "../support/databases.js"
import { seedYear } from "../support/seed.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const memory = await Effect.runPromise(MemoryStore.make())
const sqlite = await sqliteBench()
const tenant = freshTenant("overhead")
for (const s of [memory, sqlite.store]) await seedYear(s, scale, tenant, { meetings: false, attendance: false, cycles: false })
const ways = {
  "memory list": () => Effect.runPromise(Effect.map(memory.list(memberKind, tenant), (a) => a.length)),
  "memory stream fold": () => Effect.runPromise(Stream.runFold(streamRecords(memberKind, tenant), 0, (n) => n + 1).pipe(Effect.provideService(Store, memory))),
  "memory stream collect": () => Effect.runPromise(Effect.map(Stream.runCollect(streamRecords(memberKind, tenant)), Chunk.size).pipe(Effect.provideService(Store, memory))),
  "sqlite list": () => Effect.runPromise(Effect.map(sqlite.store.list(memberKind, tenant), (a) => a.length)),
  "sqlite stream fold": () => Effect.runPromise(Stream.runFold(streamRecords(memberKind, tenant), 0, (n) => n + 1).pipe(Effect.provideService(Store, sqlite.store))),
  "sqlite stream collect": () => Effect.runPromise(Effect.map(Stream.runCollect(streamRecords(memberKind, tenant)), Chunk.size).pipe(Effect.provideService(Store, sqlite.store)))
}
const times: Record<string, Array<number>> = {}
for (let i = 0; i < 15; i++) {
  for (const [name, way] of Object.entries(ways)) {
    const t = performance.now()
    await way()
    times[name] ??= []
    times[name].push(performance.now() - t)
  }
}
for (const [name, xs] of Object.entries(times)) console.log(`${name}: median ${[...xs].sort((a, b) => a - b)[7]!.toFixed(2)} ms`)
await sqlite.close()
