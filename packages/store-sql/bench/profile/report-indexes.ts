/**
 * Migration 0006's covering indexes, side by side: the county's annual summary from one SQLite file,
 * alternately with the indexes and with them dropped (and its three aggregates alone, as the report sends them) (which goes first alternates too), medians of
 * `rounds` runs each. `bench/profile/run.sh bench/profile/report-indexes.ts county 15`.
 */
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { reportIndexes } from "../../src/migrations/0006-report-indexes.js"
import { annualSummarySetup } from "./annual-summary-setup.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 15)
const tenant = `indexes-${scale}`
const { db, annualSummary } = await annualSummarySetup(scale, tenant)
const once = async (): Promise<number> => {
  const t = performance.now()
  await annualSummary()
  return performance.now() - t
}
const setIndexes = (on: boolean) => {
  for (const index of reportIndexes) {
    db.raw.exec(on ? `create index if not exists ${index.name} on ${index.table} (${index.columns.map((c) => `"${c}"`).join(", ")})` : `drop index if exists ${index.name}`)
  }
}
const times = { with: [] as Array<number>, without: [] as Array<number> }
for (let i = 0; i < 3; i++) await once()
for (let i = 0; i < rounds; i++) {
  for (const on of i % 2 === 0 ? [true, false] : [false, true]) {
    setIndexes(on)
    await once()
    times[on ? "with" : "without"].push(await once())
  }
}
// The three aggregates alone, as the adapter sends them, through the raw driver.
const orgs = (db.raw.prepare("select id from zhibu_organization where tenant_id = ?").all(tenant) as Array<{ id: string }>).map((r) => r.id)
const list = orgs.map(() => "?").join(", ")
const statements = {
  duesMonth: `select count(*), sum(due), sum(paid), organization_id, quarter from zhibu_dues_month where tenant_id = ? and organization_id in (${list}) and year = 2025 and month_start <= '2025-12-31' group by organization_id, quarter`,
  duesPayment: `select count(*), sum(amount), organization_id, quarter from zhibu_dues_payment where tenant_id = ? and organization_id in (${list}) and year = 2025 and paid_on <= '2025-12-31' group by organization_id, quarter`,
  studyCredit: `select count(*), sum(tenths), sum(centralized), organization_id, member_id from zhibu_study_credit where tenant_id = ? and organization_id in (${list}) and year = 2025 and "on" <= '2025-12-31' group by organization_id, member_id`
}
const statementTimes: Record<string, { with: Array<number>; without: Array<number> }> = {}
for (let i = 0; i < rounds; i++) {
  for (const on of i % 2 === 0 ? [true, false] : [false, true]) {
    setIndexes(on)
    for (const [name, text] of Object.entries(statements)) {
      const statement = db.raw.prepare(text)
      statement.all(tenant, ...orgs)
      const t = performance.now()
      statement.all(tenant, ...orgs)
      const ms = performance.now() - t
      statementTimes[name] ??= { with: [], without: [] }
      statementTimes[name]![on ? "with" : "without"].push(ms)
    }
  }
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(`annual summary, ${scale}, ${rounds} runs each: with 0006's indexes ${median(times.with).toFixed(1)} ms (min ${Math.min(...times.with).toFixed(1)}), without ${median(times.without).toFixed(1)} ms (min ${Math.min(...times.without).toFixed(1)})`)
for (const [name, t] of Object.entries(statementTimes)) {
  console.log(`${name} aggregate: with ${median(t.with).toFixed(2)} ms (min ${Math.min(...t.with).toFixed(2)}), without ${median(t.without).toFixed(2)} ms (min ${Math.min(...t.without).toFixed(2)})`)
}
await db.close()
