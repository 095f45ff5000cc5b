/**
 * CPU profile of the annual summary's pure part (`summarizeYear`) on the county's records read once
 * from SQLite (`run.sh bench/profile/report-part-profile.ts county 200`), or with PART=compliance of its
 * compliance (`complianceOf`, the files given: the held aggregate, the leadership history and the rules),
 * or with PART=files of reading the subtree's member files (`filesUnder`).
 */
import { organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { addDays, minDate } from "../../../core/src/calendar/civil-date.js"
import { summarizeYear } from "../../../core/src/report/annual-summary.js"
import { complianceOf } from "../../../core/src/report/compliance-units.js"
import { yearEnd, yearStart } from "../../../core/src/report/member-place.js"
import { filesUnder, readYearRecords, treeOfDate } from "../../../core/src/report/year-records.js"
import { annualSummarySetup } from "./annual-summary-setup.js"
import { profiled } from "./inspect.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 200)
const { db, root, ctx } = await annualSummarySetup(scale, `summary-${scale}`)
const run = <A>(e: Effect.Effect<A, unknown, Store>) => Effect.runPromise(e.pipe(Effect.provideService(Store, db.store)))
const organizations = await run(Effect.flatMap(Store, (s) => s.list(organizationKind, ctx.tenantId, {})))
const records = await run(readYearRecords(ctx, organizations.find((o) => o.id === root)!, organizations, 2025))
const rootOrganization = organizations.find((o) => o.id === root)!
const { tree, ids } = await run(treeOfDate(ctx, rootOrganization, organizations, records.asOf))
const members = await run(filesUnder(ctx, ids))
const options = { profile: ctx.profile, from: yearStart(2025), to: yearEnd(2025), asOf: minDate(addDays(yearEnd(2025), 1), records.asOf) }
const once =
  process.env.PART === "compliance"
    ? () => run(complianceOf(ctx.tenantId, tree, members, options))
    : process.env.PART === "files"
      ? () => run(filesUnder(ctx, ids))
      : async () => summarizeYear(records)
for (let i = 0; i < 20; i++) await once()
const t = performance.now()
await profiled(process.env.PROFILE_DIR, process.env.PART ?? "summarize-year", async () => {
  for (let i = 0; i < rounds; i++) await once()
})
console.log(`${process.env.PART ?? "summarizeYear"}: ${((performance.now() - t) / rounds).toFixed(2)} ms per call`)
await db.close()
