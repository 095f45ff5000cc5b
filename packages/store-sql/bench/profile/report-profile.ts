/** CPU profile of the county's annual summary from SQLite (`run.sh bench/profile/report-profile.ts county 20`). */
import { nationalBaseline, reportService, weekdayCalendar } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { sqliteBench } from "../support/databases.js"
import { seedYear } from "../support/seed.js"
import { profiled } from "./inspect.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 20)
const db = await sqliteBench()
const tenant = `profile-${scale}`
const seeded = await seedYear(db.store, scale, tenant, { meetings: true, attendance: true, cycles: true })
const root = seeded.plan.committees[0]!.id
const ctx = {
  tenantId: tenant as never,
  actor: { personId: "p-bench" as never, roles: [{ role: "higherOrganizer" as const, organizationId: root as never }] },
  now: new Date("2026-01-05T02:00:00Z"),
  profile: nationalBaseline,
  workdays: weekdayCalendar
}
const once = () => Effect.runPromise(reportService.annualSummary(ctx, { organizationId: root, year: 2025 }).pipe(Effect.provideService(Store, db.store)))
for (let i = 0; i < 3; i++) await once()
const t = performance.now()
await profiled(process.env.PROFILE_DIR, "annual-summary", async () => {
  for (let i = 0; i < rounds; i++) await once()
})
console.log(`annualSummary: ${((performance.now() - t) / rounds).toFixed(1)} ms per call`)
await db.close()
