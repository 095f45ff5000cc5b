/**
 * Where the county's annual summary allocates on SQLite: V8's sampling heap profiler over `rounds`
 * runs (objects collected by either collector included), bytes per report by allocating function
 * (`run.sh bench/profile/report-allocations.ts county 20`).
 */
import { Session } from "node:inspector/promises"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { annualSummarySetup } from "./annual-summary-setup.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 20)
const { db, annualSummary } = await annualSummarySetup(scale, `allocations-${scale}`)
for (let i = 0; i < 5; i++) await annualSummary()
const session = new Session()
session.connect()
await session.post("HeapProfiler.enable")
await session.post("HeapProfiler.startSampling", { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never)
for (let i = 0; i < rounds; i++) await annualSummary()
const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: Node } }
interface Node {
  readonly selfSize: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children: ReadonlyArray<Node>
}
const bytes = new Map<string, number>()
let total = 0
const walk = (n: Node): void => {
  total += n.selfSize
  const f = n.callFrame
  const key = `${f.functionName || "(anon)"}  [${f.url.endsWith("profile.mjs") ? "bundle" : f.url.replace(/.*\//, "")}:${f.lineNumber + 1}]`
  bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize)
  for (const c of n.children) walk(c)
}
walk(profile.head)
console.log(`${(total / rounds / 1e6).toFixed(2)} MB allocated per report (sampled)`)
for (const [key, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25)))
  console.log(`${(b / rounds / 1e3).toFixed(0).padStart(7)} kB ${((100 * b) / total).toFixed(1).padStart(5)}%  ${key}`)
await db.close()
