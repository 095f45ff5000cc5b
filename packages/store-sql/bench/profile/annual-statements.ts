/**
 * The county's annual summary's statements on its SQLite file, each timed alone on the raw driver
 * (medians of `rounds` runs, the rows read as objects and, beside them, as arrays; rows returned) with
 * SQLite's plan, captured from one run of the report
 * through the adapter (`run.sh bench/profile/annual-statements.ts county 30`). PLAN=1 prints the plans; DDL runs
 * statements (an index to try) first; COLUMNS=<table> prints a table's columns.
 */
import type Database from "better-sqlite3"
import type { BenchScale } from "../../../core/bench/support/harness.js"
import { annualSummarySetup } from "./annual-summary-setup.js"

const scale = (process.argv[2] ?? "county") as BenchScale
const rounds = Number(process.argv[3] ?? 30)
const { db, annualSummary } = await annualSummarySetup(scale, `statements-${scale}`)
await annualSummary()

const captured: Array<{ sql: string; args: Array<unknown> }> = []
let capturing = false
const proto = Object.getPrototypeOf(db.raw.prepare("select 1")) as { all: (...args: Array<unknown>) => unknown; source: string }
const all = proto.all
proto.all = function (this: { source: string }, ...args: Array<unknown>) {
  if (capturing) captured.push({ sql: this.source, args })
  return all.apply(this, args)
}
capturing = true
await annualSummary()
capturing = false

const raw: Database.Database = db.raw
// DDL=… (statements separated by ";") runs first: an index to try, say, without a migration.
for (const ddl of (process.env.DDL ?? "").split(";").filter((d) => d.trim() !== "")) raw.exec(ddl)
if (process.env.COLUMNS) console.log((raw.prepare(`pragma table_info(${process.env.COLUMNS})`).all() as Array<{ name: string }>).map((c) => c.name).join(", "))
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
let total = 0
let totalArrays = 0
console.log("rows as objects (as the adapter reads them), rows as arrays (better-sqlite3's raw mode), rows returned, statement")
for (const { sql, args } of captured) {
  const statement = raw.prepare(sql)
  const arrays = raw.prepare(sql).raw(true)
  const times: Array<number> = []
  const arrayTimes: Array<number> = []
  let rows = 0
  for (let i = 0; i < rounds; i++) {
    let t = performance.now()
    rows = (statement.all(...args) as Array<unknown>).length
    times.push(performance.now() - t)
    t = performance.now()
    arrays.all(...args)
    arrayTimes.push(performance.now() - t)
  }
  total += median(times)
  totalArrays += median(arrayTimes)
  const text = sql.replace(/(\?, ){4,}/g, "…, ").slice(0, 160)
  console.log(`${median(times).toFixed(2).padStart(7)} ms ${median(arrayTimes).toFixed(2).padStart(7)} ms ${String(rows).padStart(6)} rows  ${text}`)
  if (process.env.PLAN) for (const p of raw.prepare(`explain query plan ${sql}`).all(...args) as Array<{ detail: string }>) console.log(`            ${p.detail}`)
}
console.log(`${total.toFixed(2).padStart(7)} ms ${totalArrays.toFixed(2).padStart(7)} ms in all`)
await db.close()
