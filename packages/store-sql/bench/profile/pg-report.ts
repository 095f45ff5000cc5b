/** One run of each report on the PostgreSQL tenant the reports bench keeps (`PG_URL=… run-ts bench/profile/pg-report.ts province`). */
import { meetingService, nationalBaseline, reportService, weekdayCalendar } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { postgresBench } from "../support/databases.js"
import { profiled } from "./inspect.js"

const scale = process.argv[2] ?? "province"
const only = process.argv[3]
const pg = (await postgresBench())!
const tenant = `bench-reports-${scale}-v1`
const root = scale === "province" ? "province" : "county"
const ctx = { tenantId: tenant as never, actor: { personId: "p" as never, roles: [{ role: "higherOrganizer" as const, organizationId: root as never }] }, now: new Date("2026-01-05T02:00:00Z"), profile: nationalBaseline, workdays: weekdayCalendar }
const reports: Record<string, () => Effect.Effect<unknown, unknown, Store>> = {
  annual: () => reportService.annualSummary(ctx, { organizationId: root, year: 2025 }),
  membership: () => reportService.membershipSummary(ctx, { organizationId: root }),
  compliance: () => meetingService.compliance(ctx, { organizationId: root, view: "year", on: "2025-06-01" })
}
for (const [name, report] of Object.entries(reports)) {
  if (only !== undefined && only !== name) continue
  const before = pg.counter.queries
  const t = performance.now()
  await profiled(process.env.PROFILE_DIR, name, () => Effect.runPromise(report().pipe(Effect.provideService(Store, pg.store))))
  console.log(`${name}: ${(performance.now() - t).toFixed(0)} ms, ${pg.counter.queries - before} statements`)
}
await pg.close()
