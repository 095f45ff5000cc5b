import { memberKind, Store, streamRecords } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { afterAll, bench, describe } from "vitest"
import { benchScales, runsAt, Timings } from "../../core/bench/support/harness.js"
import { freshTenant, postgresBench, sqliteBench } from "./support/databases.js"
import { seedYear } from "./support/seed.js"

/**
 * 读取 — issue 12, measure 3: every member file of a generated world read back, through the adapter
 * (`streamRecords`, pages of 500: each record decoded and checked against its Schema) against the raw
 * driver (one `select data … order by id` and `JSON.parse` of each row), side by side on the same
 * database. Also one `list()` of everything, and the memory store. Target: the stream within 2× of
 * the raw select and parse.
 */
const timings = new Timings("read")
const postgres = await postgresBench()
afterAll(() => postgres?.close())

for (const scale of benchScales()) {
  const sqlite = await sqliteBench()
  afterAll(() => sqlite.close())
  const tenant = freshTenant(`read-${scale}`)
  const seeded = await seedYear(sqlite.store, scale, tenant, { meetings: false, attendance: false, cycles: false })
  const members = seeded.counts.member ?? 0
  const pgTenant = `bench-read-${scale}-v1`
  if (postgres !== undefined) {
    await seedYear(postgres.store, scale, pgTenant, { meetings: false, attendance: false, cycles: false })
    // Fresh rows have no statistics until autovacuum runs; a user runs ANALYZE after a large import (docs/deployment.md).
    await postgres.pool.query("analyze")
  }
  const memory = await Effect.runPromise(MemoryStore.make())
  await seedYear(memory, scale, tenant, { meetings: false, attendance: false, cycles: false })

  const options = { iterations: runsAt(scale, 10), time: 0, warmupIterations: 0, warmupTime: 0 }
  const drain = (store: typeof memory, t: string, pageSize?: number) =>
    Effect.runPromise(
      Stream.runFold(streamRecords(memberKind, t, undefined, pageSize === undefined ? {} : { pageSize }), 0, (n) => n + 1).pipe(Effect.provideService(Store, store))
    )
  const check = (n: number) => {
    if (n !== members) throw new Error(`read ${n} of ${members} members`)
  }

  describe(`${scale}: read every one of ${members.toLocaleString("en-US")} member files`, () => {
    // The ways of reading alternate within each run, starting with the raw one and rotating, so a
    // busy machine slows all alike and the ratios of the medians are side by side.
    const group = `${scale}: read all ${members.toLocaleString("en-US")} member files, SQLite file`
    const sqliteSides: ReadonlyArray<() => Promise<void>> = [
      async () => {
        const start = performance.now()
        let n = 0
        for (const row of sqlite.raw.prepare("select data from zhibu_member where tenant_id = ? order by id").iterate(tenant) as Iterable<{ data: string }>)
          if (JSON.parse(row.data).id !== undefined) n++
        timings.add(group, "raw select + JSON.parse", performance.now() - start, members)
        check(n)
      },
      async () => {
        const start = performance.now()
        const n = await drain(sqlite.store, tenant)
        timings.add(group, "adapter streamRecords, pages of 500", performance.now() - start, members)
        check(n)
      },
      async () => {
        const start = performance.now()
        const n = await drain(sqlite.store, tenant, 5_000)
        timings.add(group, "adapter streamRecords, pages of 5,000", performance.now() - start, members)
        check(n)
      },
      async () => {
        const start = performance.now()
        const all = await Effect.runPromise(sqlite.store.list(memberKind, tenant))
        timings.add(group, "adapter list() of everything", performance.now() - start, members)
        check(all.length)
      },
      async () => {
        const start = performance.now()
        const n = await drain(memory, tenant)
        timings.add(group, "memory store: streamRecords, pages of 500", performance.now() - start, members)
        check(n)
      }
    ]
    let turn = 0
    bench("SQLite file: raw select + JSON.parse, the adapter's stream and list, and the memory store, in turns", async () => {
      const first = turn++ % sqliteSides.length
      for (let i = 0; i < sqliteSides.length; i++) await sqliteSides[(first + i) % sqliteSides.length]!()
    }, options)

    if (postgres !== undefined) {
      const pgGroup = `${scale}: read all ${members.toLocaleString("en-US")} member files, PostgreSQL`
      const pgSides: ReadonlyArray<() => Promise<void>> = [
        async () => {
          const start = performance.now()
          const result = await postgres.pool.query("select data from zhibu_member where tenant_id = $1 order by id", [pgTenant])
          let n = 0
          for (const row of result.rows as Array<{ data: string }>) if (JSON.parse(row.data).id !== undefined) n++
          timings.add(pgGroup, "raw select + JSON.parse", performance.now() - start, members)
          check(n)
        },
        async () => {
          const start = performance.now()
          const n = await drain(postgres.store, pgTenant)
          timings.add(pgGroup, "adapter streamRecords, pages of 500", performance.now() - start, members)
          check(n)
        }
      ]
      let pgTurn = 0
      bench("PostgreSQL: raw select + JSON.parse and the adapter's stream, in turns", async () => {
        const first = pgTurn++ % pgSides.length
        for (let i = 0; i < pgSides.length; i++) await pgSides[(first + i) % pgSides.length]!()
      }, options)
    }
  })
}
