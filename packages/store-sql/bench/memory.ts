/**
 * Memory benchmark (`npm run bench:memory`; `ZHIBU_BENCH_SCALE=province` adds the province): issue
 * 12, measure 6. Each measurement runs in a child process of its own, so the peak resident memory the
 * process reports at its end (`maxRSS`) is that measurement's alone; each also reports the heap
 * retained after a full collection. The data is `@zhibu/testing`'s world of seed 1 (organizations and
 * member files), written through the adapter into a fresh SQLite file:
 * - `import-one`: the whole world as one `importBatch`;
 * - `import-batches`: the same in batches of 5,000 writes (streaming from the generator);
 * - `list`: one `list()` of every member, held;
 * - `stream`: `streamRecords` of every member, pages of 500, keeping only a count;
 * - `memory-store`: the memory store holding the world.
 * Needs `--expose-gc`.
 */
import { execFileSync } from "node:child_process"
import { createWrite, memberKind, organizationKind, Store, streamRecords, type Write } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { fileURLToPath } from "node:url"
import { type BenchScale, benchScales } from "../../core/bench/support/scales.js"
import { sqliteBench, worldAt } from "./support/databases.js"
import { seedYear } from "./support/seed.js"

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with node --expose-gc")
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const audit = { actorId: "bench", at: new Date("2026-01-05T02:00:00Z"), action: "import" }

type Measure = "import-one" | "import-batches" | "list" | "stream" | "memory-store"

/** Heap retained right now, after a full collection. */
const heap = (): number => {
  gc()
  return process.memoryUsage().heapUsed
}

/** One measurement in this process: its lines, with the peak RSS of the process at its end. */
const measure = async (what: Measure, scale: BenchScale): Promise<string> => {
  const db = await sqliteBench()
  const tenant = `memory-${scale}`
  const run = <A, E>(program: Effect.Effect<A, E, Store>) => Effect.runPromise(program.pipe(Effect.provideService(Store, db.store)))
  let line: string
  switch (what) {
    case "import-one": {
      const world = worldAt(scale)
      const writes: ReadonlyArray<Write> = [
        ...world.organizations.map((o) => createWrite(organizationKind, { ...o, tenantId: tenant } as never)),
        ...world.members.map((m) => createWrite(memberKind, { ...m, tenantId: tenant } as never))
      ]
      const before = heap()
      const rssBefore = process.memoryUsage().rss
      await run(Effect.flatMap(Store, (s) => s.importBatch(tenant, "world", writes, audit)))
      line = `import ${writes.length.toLocaleString("en-US")} records as one batch: heap of the writes ${mb(before)}, RSS before the import ${mb(rssBefore)}`
      break
    }
    case "import-batches": {
      const seeded = await seedYear(db.store, scale, tenant, { meetings: false, attendance: false, cycles: false })
      line = `import ${Object.values(seeded.counts).reduce((a, b) => a + b, 0).toLocaleString("en-US")} records in batches of 5,000, streamed from the generator`
      break
    }
    case "list":
    case "stream": {
      await seedYear(db.store, scale, tenant, { meetings: false, attendance: false, cycles: false })
      const start = heap()
      const rssStart = process.memoryUsage().rss
      if (what === "list") {
        const all = await run(Effect.flatMap(Store, (s) => s.list(memberKind, tenant)))
        line = `list() of ${all.length.toLocaleString("en-US")} members, held: ${mb(heap() - start)} retained; RSS before ${mb(rssStart)}`
      } else {
        let seen = 0
        let most = 0
        await run(
          Stream.runForEach(streamRecords(memberKind, tenant, undefined, { pageSize: 500 }), () =>
            Effect.sync(() => {
              if (++seen % 25_000 === 0) most = Math.max(most, heap() - start)
            })
          )
        )
        line = `streamRecords of ${seen.toLocaleString("en-US")} members (pages of 500): at most ${mb(most)} retained at a page boundary; RSS before ${mb(rssStart)}`
      }
      break
    }
    case "memory-store": {
      const store = await Effect.runPromise(MemoryStore.make())
      const before = heap()
      const seeded = await seedYear(store, scale, tenant, { meetings: false, attendance: false, cycles: false })
      line = `memory store holding ${Object.values(seeded.counts).reduce((a, b) => a + b, 0).toLocaleString("en-US")} records and their audit entries: ${mb(heap() - before)} retained`
      break
    }
  }
  await db.close()
  return `${line}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`
}

const [, , child, childScale] = process.argv
if (child !== undefined) {
  console.log(await measure(child as Measure, childScale as BenchScale))
} else {
  const self = fileURLToPath(import.meta.url)
  const measures: ReadonlyArray<Measure> = ["import-one", "import-batches", "list", "stream", "memory-store"]
  for (const scale of benchScales()) {
    for (const what of measures) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, what, scale], { encoding: "utf8", maxBuffer: 1 << 24 })
      console.log(`${scale}, ${what}: ${out.trim().split("\n").at(-1)}`)
    }
  }
}
