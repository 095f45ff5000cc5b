/**
 * The statements of the county's annual summary on SQLite with their times (Kysely's log). With the
 * argument `covering`, first adds (as an experiment, not a migration) indexes that cover the dues and
 * study aggregates. Run through `bench/profile/run.sh` (which also prints a profile) or any bundler.
 */
import { nationalBaseline, reportService, weekdayCalendar } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { Kysely, SqliteDialect, sql } from "kysely"
import { migrateToLatest } from "../../src/migrate.js"
import { makeSqlStore } from "../../src/sql-store.js"
import { seedYear } from "../support/seed.js"

const log: Array<{ sql: string; ms: number }> = []
let logging = false
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(":memory:") }), log: (e) => void (logging && log.push({ sql: e.query.sql, ms: e.queryDurationMillis })) })
await Effect.runPromise(migrateToLatest(db, "sqlite"))
const store = makeSqlStore(db, "sqlite")
const seeded = await seedYear(store, "county", "t-county", { meetings: true, attendance: true, cycles: true })
const root = seeded.plan.committees[0]!.id
const ctx = { tenantId: "t-county" as never, actor: { personId: "p" as never, roles: [{ role: "higherOrganizer" as const, organizationId: root as never }] }, now: new Date("2026-01-05T02:00:00Z"), profile: nationalBaseline, workdays: weekdayCalendar }
if (process.argv[2] === "covering") {
  // An experiment, not a migration: indexes that cover the annual summary's grouped aggregates.
  for (const ddl of [
    "create index x_dm on zhibu_dues_month (tenant_id, organization_id, year, quarter, month_start, due, paid)",
    "create index x_dp on zhibu_dues_payment (tenant_id, organization_id, year, quarter, paid_on, amount)",
    "create index x_sc on zhibu_study_credit (tenant_id, organization_id, year, \"on\", member_id, tenths, centralized)"
  ])
    await sql.raw(ddl).execute(db)
}
for (let i = 0; i < 3; i++) await Effect.runPromise(reportService.annualSummary(ctx, { organizationId: root, year: 2025 }).pipe(Effect.provideService(Store, store)))
logging = true
const t = performance.now()
await Effect.runPromise(reportService.annualSummary(ctx, { organizationId: root, year: 2025 }).pipe(Effect.provideService(Store, store)))
console.log(`total ${(performance.now() - t).toFixed(1)} ms`)
for (const q of log) console.log(q.ms.toFixed(2).padStart(8), q.sql.slice(0, 150))
