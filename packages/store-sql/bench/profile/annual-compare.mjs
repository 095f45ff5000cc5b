/**
 * The county's annual summary from SQLite, this tree's core against an earlier revision's, side by
 * side in one process (alternating, which goes first alternating too), with a check that both give
 * the same summary, key order included. The earlier core is a copy of its sources (JavaScript, so the
 * type check never reads the copy):
 *
 *   git archive <rev> packages/core/src | tar -x -C node_modules/.cache/zhibu-old
 *   bash packages/store-sql/bench/profile/run.sh packages/store-sql/bench/profile/annual-compare.mjs county 40
 *
 * Medians and minimums in ms (wall time, and the process's CPU time), and statements per call of each. PART=summarize times the pure part
 * alone (`summarizeYear` of the same records, read once); COLD=1 skips the check and the warm-up (as
 * the bench runs: one warm-up run, seven measured) and prints every run; ONLY=after (or before) runs one; GC_FIRST=1 collects the
 * seeding's garbage before the runs.
 */
import { reportService } from "@zhibu/core"
import { organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { reportService as oldReportService } from "../../../../node_modules/.cache/zhibu-old/packages/core/src/index.js"
import { summarizeYear as oldSummarizeYear } from "../../../../node_modules/.cache/zhibu-old/packages/core/src/report/annual-summary.js"
import { summarizeYear } from "../../../core/src/report/annual-summary.js"
import { readYearRecords } from "../../../core/src/report/year-records.js"
import { annualSummarySetup } from "./annual-summary-setup.js"

const scale = process.argv[2] ?? "county"
const rounds = Number(process.argv[3] ?? 40)
const { db, root, ctx } = await annualSummarySetup(scale, `compare-${scale}`)
const input = { organizationId: root, year: 2025 }
const provided = (e) => Effect.runPromise(e.pipe(Effect.provideService(Store, db.store)))
const summarizing = async () => {
  const organizations = await provided(Effect.flatMap(Store, (s) => s.list(organizationKind, ctx.tenantId, {})))
  const records = await provided(readYearRecords(ctx, organizations.find((o) => o.id === root), organizations, 2025))
  return { before: async () => oldSummarizeYear(records), after: async () => summarizeYear(records) }
}
const versions =
  process.env.PART === "summarize"
    ? await summarizing()
    : { before: () => provided(oldReportService.annualSummary(ctx, input)), after: () => provided(reportService.annualSummary(ctx, input)) }
const cold = process.env.COLD === "1"
if (process.env.GC_FIRST === "1") {
  // A full collection before the runs (of the seeding's garbage), to tell it from the compiler's warm-up.
  const { setFlagsFromString } = await import("node:v8")
  const { runInNewContext } = await import("node:vm")
  setFlagsFromString("--expose-gc")
  runInNewContext("gc")()
}
if (!cold) {
  const before = JSON.stringify(await versions.before())
  const after = JSON.stringify(await versions.after())
  if (before !== after) throw new Error(`the summaries differ (${before.length} and ${after.length} characters)`)
  console.log(`same summary (${after.length} characters of JSON)`)
}

const names = process.env.ONLY === undefined ? ["before", "after"] : [process.env.ONLY]
const times = { before: [], after: [] }
// CPU time of the process (all its threads) besides wall time: on a shared machine it leaves out the waits for a core.
const cpu = { before: [], after: [] }
const statements = { before: 0, after: 0 }
if (!cold) for (let i = 0; i < 5; i++) for (const n of names) await versions[n]()
for (let r = 0; r < rounds; r++) {
  for (const n of r % 2 === 0 ? names : [...names].reverse()) {
    const counted = db.counter.queries
    const c = process.cpuUsage()
    const t = performance.now()
    await versions[n]()
    times[n].push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu[n].push((used.user + used.system) / 1000)
    statements[n] = db.counter.queries - counted
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const n of names)
  console.log(
    `${n.padEnd(7)} median ${median(times[n]).toFixed(2).padStart(7)} ms  min ${Math.min(...times[n]).toFixed(2).padStart(7)} ms  ` +
      `CPU median ${median(cpu[n]).toFixed(2).padStart(7)} ms  ${statements[n]} statements`
  )
if (cold)
  for (const n of names) {
    console.log(`${n.padEnd(7)} runs ${times[n].map((t) => t.toFixed(1)).join(" ")}`)
    console.log(`${n.padEnd(7)} CPU  ${cpu[n].map((t) => t.toFixed(1)).join(" ")}`)
  }
if (names.length === 2)
  console.log(`after/before: ${(median(times.after) / median(times.before)).toFixed(3)} (wall medians), ${(median(cpu.after) / median(cpu.before)).toFixed(3)} (CPU medians)`)
await db.close()
