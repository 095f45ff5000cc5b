/** CPU profile of the county's annual summary from SQLite (`run.sh bench/profile/report-profile.ts county 20`). */
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { annualSummarySetup } from "./annual-summary-setup.js"
import { profiled } from "./inspect.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 20)
const { db, annualSummary: once } = await annualSummarySetup(scale, `profile-${scale}`)
// COLD=1 profiles the first runs of the process, as the bench measures them (one warm-up run, seven measured).
if (process.env.COLD !== "1") for (let i = 0; i < 3; i++) await once()
const t = performance.now()
await profiled(process.env.PROFILE_DIR, "annual-summary", async () => {
  for (let i = 0; i < rounds; i++) await once()
})
console.log(`annualSummary: ${((performance.now() - t) / rounds).toFixed(1)} ms per call`)
await db.close()
