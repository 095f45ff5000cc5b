import { bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import { duesPosition, type MonthFigures } from "../src/dues/ledger.js"
import { nationalBaseline } from "../src/national-profile.js"
import { studyStatus, type StudyTotals } from "../src/study/ledger.js"

/**
 * 全省年度状况 — the province-year status of issue 8: for 250,000 members in 10,000 branches, each
 * member's dues position (due, paid, arrears, the run of open months that feeds the six-month flag)
 * over 12 month records, and each branch's study status (targets 32 / 56 学时, gaps, plans,
 * excusals) from per-member totals as the grouped aggregates return them. Pure, in memory; the data
 * is built once from a fixed arithmetic pattern (no randomness, no clock). Not a timed test: the
 * figures go to docs/benchmarks.md.
 */
const BRANCHES = 10_000
const PER_BRANCH = 25
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`)

interface BranchData {
  readonly people: ReadonlyArray<{ readonly memberId: string; readonly leader: boolean }>
  readonly dues: ReadonlyArray<ReadonlyArray<MonthFigures>>
  readonly credited: ReadonlyMap<string, StudyTotals>
  readonly planned: ReadonlyMap<string, StudyTotals>
  readonly excused: ReadonlySet<string>
}

const province: ReadonlyArray<BranchData> = Array.from({ length: BRANCHES }, (_, b) => {
  const people = Array.from({ length: PER_BRANCH }, (_, i) => ({ memberId: `b${b}-m${i}`, leader: i < 3 }))
  const dues = people.map((_, i) => {
    const amount = 1500 + ((b * 31 + i * 17) % 200) * 100
    // One member in 29 stops paying in May; one in 7 skips a month.
    const stopsAt = (b + i) % 29 === 0 ? 4 : 12
    const skips = (b * 7 + i) % 7 === 0 ? (b + i) % 12 : -1
    return months.map((month, m) => ({ month, due: amount, paid: m < stopsAt && m !== skips ? amount : 0 }))
  })
  const credited = new Map(people.map((p, i) => [p.memberId, { tenths: 200 + ((b * 13 + i * 29) % 500), centralized: (b + i) % 3 === 0 ? 1 : 0 }]))
  const planned = new Map(people.filter((_, i) => i % 4 === 0).map((p) => [p.memberId, { tenths: 80, centralized: 1 }]))
  const excused = new Set(people.filter((_, i) => (b + i) % 97 === 0).map((p) => p.memberId))
  return { people, dues, credited, planned, excused }
})

const asOf = civilDate("2026-12-31")

describe("province year: 250,000 members in 10,000 branches", () => {
  bench(
    "dues positions of every member (12 months each: arrears and six-month runs)",
    () => {
      let arrears = 0
      let sixMonths = 0
      for (const branch of province)
        for (const m of branch.dues) {
          const p = duesPosition(m, "2026-12")
          arrears += p.arrears
          if (p.consecutiveOpen >= 6) sixMonths++
        }
      if (arrears <= 0 || sixMonths === 0) throw new Error("the pattern has arrears and six-month runs")
    },
    { iterations: 5, time: 0 }
  )

  bench(
    "study status of every member (targets, gaps, plans, excusals)",
    () => {
      let behind = 0
      for (const branch of province) {
        for (const s of studyStatus(branch.people, branch.credited, branch.planned, branch.excused, nationalBaseline, asOf)) if (s.status === "behind") behind++
      }
      if (behind === 0) throw new Error("the pattern has members behind")
    },
    { iterations: 5, time: 0 }
  )
})
