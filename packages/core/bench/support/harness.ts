import { mkdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"

/**
 * What every benchmark of issue 12 shares: the scales to run, and a record of each run's time so a
 * file can print medians and the ratios of measures taken side by side in the same process (vitest's
 * own table gives means). Not a timed test: nothing here fails on a slow machine.
 */

export { type BenchScale, benchScales, runsAt } from "./scales.js"

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

interface Row {
  readonly group: string
  readonly name: string
  readonly runs: Array<number>
  /** Records (or rows) one run handles, for a rate per second. */
  readonly items?: number
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3))

/**
 * 计时记录 — collects the time of every run by group and name; at the end of the file prints one
 * table per group: runs, median and min (ms), items per second at the median, and each measure's
 * median against the group's first (the baseline: the hand-written loop or the raw driver), and
 * writes them as JSON to `$TMPDIR/zhibu-bench/<file>.json` for docs/benchmarks.md.
 */
export class Timings {
  private readonly rows = new Map<string, Row>()
  private readonly notes: Array<string> = []
  private readonly noted = new Set<string>()
  private readonly later: Array<() => string> = []

  constructor(private readonly file: string) {
    afterAll(() => this.report())
  }

  /** Adds one run of `ms`; `items` is what the run handled (for rows per second). */
  add(group: string, name: string, ms: number, items?: number): void {
    const key = `${group}\u0000${name}`
    const row = this.rows.get(key)
    if (row === undefined) this.rows.set(key, { group, name, runs: [ms], ...(items === undefined ? {} : { items }) })
    else row.runs.push(ms)
  }

  /** Times `run` and adds it; returns its result. */
  async time<A>(group: string, name: string, run: () => Promise<A> | A, items?: number): Promise<A> {
    const start = performance.now()
    const result = await run()
    this.add(group, name, performance.now() - start, items)
    return result
  }

  /** A line computed when the tables are printed (a maximum over runs, say). */
  noteLater(text: () => string): void {
    this.later.push(text)
  }

  /** A line printed under the tables (query counts, agreement checks, memory). */
  note(text: string): void {
    if (this.noted.has(text)) return
    this.noted.add(text)
    this.notes.push(text)
  }

  report(): void {
    const groups = new Map<string, Array<Row>>()
    for (const row of this.rows.values()) groups.set(row.group, [...(groups.get(row.group) ?? []), row])
    const lines: Array<string> = []
    const json: Array<Record<string, unknown>> = []
    for (const [group, rows] of groups) {
      const base = median(rows[0]!.runs)
      lines.push(`\n${group}`, "| measure | runs | median ms | min ms | per second | vs first |", "|---|---:|---:|---:|---:|---:|")
      for (const r of rows) {
        const m = median(r.runs)
        const rate = r.items === undefined ? "" : Math.round((r.items * 1000) / m).toLocaleString("en-US")
        lines.push(`| ${r.name} | ${r.runs.length} | ${fmt(m)} | ${fmt(Math.min(...r.runs))} | ${rate} | ${(m / base).toFixed(2)}× |`)
        json.push({ group, name: r.name, runs: r.runs, median: m, min: Math.min(...r.runs), items: r.items ?? null, ratio: m / base })
      }
    }
    for (const text of this.later) this.note(text())
    if (this.notes.length > 0) lines.push("", ...this.notes)
    console.log(`\n[${this.file}]${lines.join("\n")}\n`)
    const dir = join(tmpdir(), "zhibu-bench")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${this.file}.json`), JSON.stringify({ at: new Date().toISOString(), rows: json, notes: this.notes }, null, 1))
  }
}
