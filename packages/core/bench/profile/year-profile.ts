/**
 * CPU profile of the year's rules (zhibu's side of province-year.bench.ts) at a scale, the year built once:
 * `run.sh core/bench/profile/year-profile.ts province [rounds]` (rounds: 3 at the province, 20 below).
 * Run the bundle with `node --trace-gc` to see the collections of each phase (the phases are printed).
 */
import { civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { handYear, libraryYear, type Window } from "../support/evaluate.js"
import type { BenchScale } from "../support/harness.js"
import { loadYear } from "../support/year.js"
import { profiled } from "../../../store-sql/bench/profile/inspect.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? (scale === "province" ? 3 : 20))
const w: Window = { profile: nationalBaseline, from: civilDate("2025-01-01"), to: civilDate("2025-12-31"), today: civilDate("2026-01-01"), duesMonth: "2025-12" }
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`
const year = await loadYear(scale)
console.log(`-- year built; heap ${mb(process.memoryUsage().heapUsed)}`)
for (let i = 0; i < 3; i++) libraryYear(year, w, () => {})
console.log("-- warm; hand-written rounds")
const t0 = performance.now()
for (let i = 0; i < rounds; i++) handYear(year, w, () => {})
const t1 = performance.now()
console.log("-- zhibu rounds")
await profiled(process.env.PROFILE_DIR, "year", async () => {
  for (let i = 0; i < rounds; i++) libraryYear(year, w, () => {})
})
console.log(`hand ${((t1 - t0) / rounds).toFixed(1)} ms, zhibu ${((performance.now() - t1) / rounds).toFixed(1)} ms per round; heap ${mb(process.memoryUsage().heapUsed)}`)
