/**
 * Where the county's annual summary spends its time on SQLite, part by part, in one process with the
 * parts alternating (`run.sh bench/profile/annual-parts.ts county 30`): the whole report, the reads
 * with compliance (`readYearRecords`), the member files (`filesUnder`) beside a raw select and
 * `JSON.parse` of them, compliance alone (`complianceOf`, the files given), the pure summary
 * (`summarizeYear`), one empty aggregate (the fixed cost of a statement through the adapter), and the
 * leadership history as a stream beside the same read as one `list`. Medians and minimums in ms.
 */
import { leadershipRecordKind, organizationKind, rectificationItemKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { addDays, minDate } from "../../../core/src/calendar/civil-date.js"
import { summarizeYear } from "../../../core/src/report/annual-summary.js"
import { readLeadershipHistory } from "../../../core/src/meeting/compliance-committee.js"
import { branchesOf } from "../../../core/src/meeting/compliance-read.js"
import { complianceOf } from "../../../core/src/report/compliance-units.js"
import { yearEnd, yearStart } from "../../../core/src/report/member-place.js"
import { filesUnder, readYearRecords, treeOfDate } from "../../../core/src/report/year-records.js"
import { annualSummarySetup } from "./annual-summary-setup.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 30)
const { db, root, annualSummary, ctx } = await annualSummarySetup(scale, `parts-${scale}`)
const run = <A>(e: Effect.Effect<A, unknown, Store>) => Effect.runPromise(e.pipe(Effect.provideService(Store, db.store)))

const orgs = await run(Effect.flatMap(Store, (s) => s.list(organizationKind, ctx.tenantId, {})))
const rootOrg = orgs.find((o) => o.id === root)!
const year = 2025
const asOf = minDate(yearEnd(year), "2026-01-05" as never)
const { tree, ids } = await run(treeOfDate(ctx, rootOrg, orgs, asOf))
const members = await run(filesUnder(ctx, ids))
const records = await run(readYearRecords(ctx, rootOrg, orgs, year))
const judgedOn = minDate(addDays(yearEnd(year), 1), "2026-01-05" as never)
const options = { profile: ctx.profile, from: yearStart(year), to: yearEnd(year), asOf: judgedOn }

const branchIds = branchesOf(tree).map((b) => b.branch.id as string)
const parts: Record<string, () => Promise<unknown>> = {
  "annualSummary (whole)": annualSummary,
  "readYearRecords (reads + compliance)": () => run(readYearRecords(ctx, rootOrg, orgs, year)),
  "filesUnder (member pages)": () => run(filesUnder(ctx, ids)),
  "complianceOf (files given)": () => run(complianceOf(ctx.tenantId, tree, members, options)),
  "summarizeYear (pure)": async () => summarizeYear(records),
  "one empty aggregate over the subtree (rectification)": () =>
    run(Effect.flatMap(Store, (s) => s.aggregate(rectificationItemKind, ctx.tenantId, { groupBy: ["organizationId", "raisedOn", "closedOn"], filter: { organizationId: ids, raisedOn: { lte: asOf } } }))),
  "raw select + JSON.parse of the files": async () => {
    for (const r of db.raw.prepare("select data from zhibu_member where tenant_id = ?").all(ctx.tenantId) as Array<{ data: string }>) JSON.parse(r.data)
  },
  "leadership history of the branches (a stream)": () => run(readLeadershipHistory(ctx.tenantId, branchIds, yearEnd(year))),
  "the same read as one list": () =>
    run(Effect.flatMap(Store, (s) => s.list(leadershipRecordKind, ctx.tenantId, { organizationId: branchIds, effectiveOn: { lte: yearEnd(year) } }, { limit: 500 })))
}
const times: Record<string, Array<number>> = Object.fromEntries(Object.keys(parts).map((k) => [k, []]))
const names = Object.keys(parts)
for (let i = 0; i < 3; i++) for (const n of names) await parts[n]!()
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? names : [...names].reverse()
  for (const n of order) {
    const t = performance.now()
    await parts[n]!()
    times[n]!.push(performance.now() - t)
  }
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
for (const n of names) console.log(`${median(times[n]!).toFixed(2).padStart(8)} median ${Math.min(...times[n]!).toFixed(2).padStart(8)} min  ${n}`)
await db.close()
