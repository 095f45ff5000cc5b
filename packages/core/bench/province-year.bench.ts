import { bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import { nationalBaseline } from "../src/national-profile.js"
import { digestLibrary, type HandAnswers, handYear, libraryYear, type Window } from "./support/evaluate.js"
import { type BenchScale, benchScales, runsAt, Timings } from "./support/harness.js"
import { loadYear, type Year } from "./support/year.js"

/**
 * 年度规则计算 — issue 12, measure 1: the rules of a whole year in memory — meeting compliance of
 * every branch (from the held counts), six-month signals (organizational life and dues), every
 * member's timeline, study-hour and dues status — through zhibu's rule functions, against a
 * hand-written single pass computing the same answers (`support/evaluate.ts`), checked to agree line
 * for line before timing. Data: `@zhibu/testing`'s world of seed 1 with its year of meetings
 * (`generateMeetings`), dues and study (`generateCycles`), judged on 2026-01-01.
 * Target: at most 3× the loop and 1 s for the province on one core; heap under 1 GB (the live heap is
 * measured when the process exposes a collector: `NODE_OPTIONS=--expose-gc`).
 */
const timings = new Timings("province-year")
const w: Window = { profile: nationalBaseline, from: civilDate("2025-01-01"), to: civilDate("2025-12-31"), today: civilDate("2026-01-01"), duesMonth: "2025-12" }
const empty = (): HandAnswers => ({ gaps: [], flags: [], items: [], study: [], dues: [] })
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * The heap after a full collection — live data only — when the process exposes `gc`
 * (`NODE_OPTIONS=--expose-gc`); `undefined` otherwise. `heapUsed` alone also counts garbage the
 * collector has not reached yet: V8 collects the old generation only once it is a few times its live
 * size (building the province's year: 1,866 MB before a full collection, 559 MB after), so that figure
 * says when the collector last ran, not what the evaluation holds.
 */
const gc = (globalThis as { gc?: () => void }).gc
const liveHeap = (): number | undefined => {
  if (gc === undefined) return undefined
  gc()
  return process.memoryUsage().heapUsed
}

/**
 * What the evaluation holds: the live heap with the year's data, then at most while zhibu evaluates,
 * by full collections at eight points of an untimed run (each with its branch's answers in hand).
 */
const noteLiveHeap = (scale: BenchScale, year: Year): void => {
  const before = liveHeap()
  if (before === undefined) {
    timings.note(`${scale}: live heap not measured (no collector to call: run with NODE_OPTIONS=--expose-gc)`)
    return
  }
  const every = Math.max(1, Math.floor(year.branches.length / 8))
  let most = before
  let branch = 0
  libraryYear(year, w, () => {
    if (++branch % every === 0) most = Math.max(most, liveHeap() ?? 0)
  })
  timings.note(
    `${scale}: the process's live heap (after a full collection) ${mb(before)} with the year's data; while zhibu evaluates at most ${mb(most)}, ${(Math.max(0, most - before) / 1024 / 1024).toFixed(1)} MB more (8 points of an untimed run)`
  )
}

/**
 * A scale's year, built and checked on its first run (not timed), so each scale runs with only its own
 * data in memory: the answers of both sides must agree line for line. A disagreement fails every run
 * of the scale and is noted under the tables: vitest's bench runner reports no error thrown by a bench
 * function, so a check made only on the first run failed unseen and the other runs went on unchecked.
 */
const prepared = new Map<BenchScale, Error | undefined>()
const prepare = async (scale: BenchScale) => {
  const before = process.memoryUsage().heapUsed
  const year = await loadYear(scale)
  if (prepared.has(scale)) {
    const failed = prepared.get(scale)
    if (failed !== undefined) throw failed
    return year
  }
  prepared.set(scale, undefined)
  const hand = empty()
  handYear(year, w, (a) => {
    for (const k of Object.keys(hand) as Array<keyof HandAnswers>) for (const line of a[k]) hand[k].push(line)
  })
  const library = empty()
  libraryYear(year, w, (a) => digestLibrary(a, library))
  for (const k of Object.keys(hand) as Array<keyof HandAnswers>) {
    const [x, y] = [[...hand[k]].sort(), [...library[k]].sort()]
    const differ = x.findIndex((line, i) => line !== y[i])
    if (x.length !== y.length || differ !== -1) {
      const failed = new Error(`${scale}: the hand-written ${k} (${x.length}) differ from zhibu's (${y.length}) at ${differ}: ${x[differ]} | ${y[differ]}`)
      prepared.set(scale, failed)
      // vitest's bench runner drops a bench function's error without a word: say it where the tables are.
      timings.note(`${scale}: NOT TIMED — ${failed.message}`)
      console.error(failed)
      throw failed
    }
  }
  timings.note(
    `${scale}: answers agree — ${hand.gaps.length} compliance gaps, ${hand.flags.length} six-month flags, ${hand.items.length} timeline items, ${hand.study.length} study statuses, ${hand.dues.length} dues positions; heapUsed grew ${mb(Math.max(0, process.memoryUsage().heapUsed - before))} while the year was built and checked (garbage included)`
  )
  noteLiveHeap(scale, year)
  return year
}

for (const scale of benchScales()) {
  const group = `${scale}: the year's rules in memory`
  let peak = 0
  timings.noteLater(
    () => `${scale}: heapUsed during zhibu's timed runs, sampled every 16 branches without a collection (garbage not yet collected included): up to ${mb(peak)}`
  )
  describe(group, () => {
    // The two alternate within each run (which goes first alternates too), so a busy machine slows
    // both alike and the ratio of the medians is a side-by-side one.
    const sides = [
      async () => {
        const year = await prepare(scale)
        let n = 0
        timings.add(
          `${group} (${describeYear(year)})`,
          "hand-written single pass",
          time(() =>
            handYear(year, w, (a) => {
              n += a.gaps.length + a.flags.length
            })
          ),
          year.counts.members
        )
        return n
      },
      async () => {
        const year = await prepare(scale)
        let n = 0
        let branches = 0
        timings.add(
          `${group} (${describeYear(year)})`,
          "zhibu rule functions",
          time(() =>
            libraryYear(year, w, (a) => {
              n += a.compliance.findings.length + a.timelines.length
              if (++branches % 16 === 0 || branches === year.branches.length) peak = Math.max(peak, process.memoryUsage().heapUsed)
            })
          ),
          year.counts.members
        )
        return n
      }
    ]
    let turn = 0
    bench(
      "hand-written single pass and zhibu (branchCompliance, sixMonthSignals, timeline, studyStatus, duesPosition), in turns",
      async () => {
        for (const side of turn++ % 2 === 0 ? sides : [...sides].reverse()) await side()
      },
      { iterations: runsAt(scale, 15), time: 0, warmupIterations: 2, warmupTime: 0 }
    )
  })
}

function describeYear(year: Year): string {
  const c = year.counts
  const n = (x: number) => x.toLocaleString("en-US")
  return `${n(c.branches)} branches, ${n(c.members)} member files, ${n(c.meetings)} meetings, ${n(c.attendance)} attendance rows, ${n(c.duesMonths)} dues months`
}

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}
