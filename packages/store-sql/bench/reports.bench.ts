import { meetingService, nationalBaseline, reportService, weekdayCalendar } from "@zhibu/core"
import { Store, type StoreShape } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { afterAll, bench, describe } from "vitest"
import { type BenchScale, benchScales, runsAt, Timings } from "../../core/bench/support/harness.js"
import { type Bench, freshTenant, postgresBench, sqliteBench } from "./support/databases.js"
import { seedYear } from "./support/seed.js"

/**
 * 报表 — issue 12, measures 4 and 5: reports read from the database, with the statements each runs
 * counted (a Kysely plugin sees every query): the annual summary of the whole tree
 * (`reportService.annualSummary`: the tree, the member files in pages, one grouped aggregate per kind),
 * the membership summary of every organization (`membershipSummary`: one aggregate), the year's meeting
 * compliance of every branch (`meetingService.compliance`: a few aggregates) and the six-month agenda
 * (`branchAgenda`: every member file). SQLite (a fresh file) at every scale; PostgreSQL (PG_URL) on
 * tenants kept between runs (seeding is idempotent, a province takes minutes once). Data: the world of
 * seed 1 with its year of meetings and attendance, dues, study and evaluations; the province's
 * attendance and yearly cycles are left out of the database (9 and 10 million rows).
 * Targets: the county's annual summary from SQLite ≤ 50 ms; the province's summary and compliance from
 * PostgreSQL ≤ 2 s; statements that do not grow with the branches.
 */
const timings = new Timings("reports")
const postgres = await postgresBench()
afterAll(() => postgres?.close())

interface Target {
  readonly db: string
  readonly bench: Bench
  readonly tenant: string
  readonly root: string
}

const prepare = async (scale: BenchScale): Promise<ReadonlyArray<Target>> => {
  const full = scale !== "province"
  const parts = { meetings: true, attendance: full, cycles: full }
  const targets: Array<Target> = []
  const sqlite = await sqliteBench()
  afterAll(() => sqlite.close())
  const tenant = freshTenant(`reports-${scale}`)
  const seeded = await seedYear(sqlite.store, scale, tenant, parts)
  targets.push({ db: "SQLite file", bench: sqlite, tenant, root: seeded.plan.committees[0]!.id })
  if (postgres !== undefined) {
    const pgTenant = `bench-reports-${scale}-v1`
    const pg = await seedYear(postgres.store, scale, pgTenant, parts)
    // Fresh rows have no statistics until autovacuum runs; a user runs ANALYZE after a large import (docs/deployment.md).
    await postgres.pool.query("analyze")
    targets.push({ db: "PostgreSQL", bench: postgres, tenant: pgTenant, root: pg.plan.committees[0]!.id })
  }
  timings.note(`${scale}: seeded ${Object.entries(seeded.counts).map(([k, n]) => `${n.toLocaleString("en-US")} ${k}`).join(", ")}`)
  return targets
}

const contextOf = (t: Target) => ({
  tenantId: t.tenant as never,
  actor: { personId: "p-bench" as never, roles: [{ role: "higherOrganizer" as const, organizationId: t.root as never }] },
  now: new Date("2026-01-05T02:00:00Z"),
  profile: nationalBaseline,
  workdays: weekdayCalendar
})

type Report = (t: Target) => Effect.Effect<unknown, unknown, Store>
const reports: ReadonlyArray<readonly [string, Report]> = [
  ["annual summary of the tree (reportService.annualSummary)", (t) => reportService.annualSummary(contextOf(t), { organizationId: t.root, year: 2025 })],
  ["membership summary of every organization (membershipSummary)", (t) => reportService.membershipSummary(contextOf(t), { organizationId: t.root })],
  ["meeting compliance of every branch, year 2025 (meetingService.compliance)", (t) => meetingService.compliance(contextOf(t), { organizationId: t.root, view: "year", on: "2025-06-01" })],
  ["six-month agenda of the tree (reportService.branchAgenda)", (t) => reportService.branchAgenda(contextOf(t), { organizationId: t.root })]
]

for (const scale of benchScales()) {
  const targets = await prepare(scale)
  describe(`${scale}: reports from the database`, () => {
    for (const t of targets) {
      const group = `${scale}: reports from ${t.db}`
      for (const [name, report] of reports) {
        if (scale === "province" && t.db === "SQLite file" && name.includes("agenda")) continue
        // A report in a running service is warm: the warm-up runs are left out of the table (the first
        // runs of a fresh process cost 1.3–2.4× the steady time, compiling), and the first one is noted.
        const warmup = scale === "province" ? 1 : 5
        let calls = 0
        bench(
          `${t.db}: ${name}`,
          async () => {
            const before = t.bench.counter.queries
            const start = performance.now()
            await Effect.runPromise(report(t).pipe(Effect.provideService(Store, t.bench.store as StoreShape)))
            const took = performance.now() - start
            if (++calls > warmup) timings.add(group, name, took)
            else if (calls === 1) timings.note(`${scale}, ${t.db}: ${name}: first run in this process ${took.toFixed(1)} ms`)
            timings.note(`${scale}, ${t.db}: ${name}: ${t.bench.counter.queries - before} statements`)
          },
          { iterations: runsAt(scale, 9), time: 0, warmupIterations: warmup, warmupTime: 0 }
        )
      }
    }
  })
}
