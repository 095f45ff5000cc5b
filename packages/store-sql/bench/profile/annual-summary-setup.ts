import { nationalBaseline, reportService, weekdayCalendar } from "@zhibu/core"
import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { sqliteBench } from "../support/databases.js"
import { seedYear } from "../support/seed.js"

/**
 * The profile scripts' common start: a fresh SQLite file seeded with the scale's year (meetings,
 * attendance, cycles) under `tenant`, and `annualSummary()` running 2025's annual summary of the
 * whole tree as the county's organizer, in early 2026.
 */
export const annualSummarySetup = async (scale: BenchScale, tenant: string) => {
  const db = await sqliteBench()
  const seeded = await seedYear(db.store, scale, tenant, { meetings: true, attendance: true, cycles: true })
  const root = seeded.plan.committees[0]!.id
  const ctx = {
    tenantId: tenant as never,
    actor: { personId: "p-bench" as never, roles: [{ role: "higherOrganizer" as const, organizationId: root as never }] },
    now: new Date("2026-01-05T02:00:00Z"),
    profile: nationalBaseline,
    workdays: weekdayCalendar
  }
  const annualSummary = () =>
    Effect.runPromise(reportService.annualSummary(ctx, { organizationId: root, year: 2025 }).pipe(Effect.provideService(Store, db.store)))
  return { db, root, ctx, annualSummary }
}
