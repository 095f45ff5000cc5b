import { branchCycles, branchMeetings, generateBranches, planWorld } from "@zhibu/testing"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import type { MonthFigures } from "../../src/dues/ledger.js"
import { countedKeys, type CountedKey, type HeldRow } from "../../src/meeting/held.js"
import { talkPairs } from "../../src/meeting/talks.js"
import { lastOrganizationalLifeOf } from "../../src/member/signals.js"
import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import type { StudyTotals } from "../../src/study/ledger.js"
import type { BenchScale } from "./harness.js"

/**
 * 全年数据 — a generated world's year (`@zhibu/testing`, seed 1, 2025) as the rules read it from the
 * store: per branch its organizations and member files, the held meetings as the grouped aggregate
 * returns them (organization × month, a count per kind), each member's last organizational life (from
 * the attendance rows), dues months, and study totals. Built branch by branch from the generator's
 * streams, so the attendance rows (9 million for a province) are never held.
 */
export interface BranchYear {
  readonly branch: Organization
  readonly groups: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
  readonly heldRows: ReadonlyArray<HeldRow>
  readonly lastOrganizationalLife: ReadonlyMap<string, CivilDate>
  readonly dues: ReadonlyMap<string, ReadonlyArray<MonthFigures>>
  readonly people: ReadonlyArray<{ readonly memberId: string; readonly leader: boolean }>
  readonly credited: ReadonlyMap<string, StudyTotals>
  readonly planned: ReadonlyMap<string, StudyTotals>
  readonly excused: ReadonlySet<string>
}

export interface Year {
  readonly scale: BenchScale
  readonly branches: ReadonlyArray<BranchYear>
  /** What the year holds, for the tables. */
  readonly counts: { readonly branches: number; readonly members: number; readonly meetings: number; readonly attendance: number; readonly duesMonths: number; readonly studyCredits: number }
}

const add = (totals: Map<string, StudyTotals>, memberId: string, tenths: number, centralized: number) => {
  const t = totals.get(memberId) ?? { tenths: 0, centralized: 0 }
  totals.set(memberId, { tenths: t.tenths + tenths, centralized: t.centralized + centralized })
}

const onRoll = (m: Member) => m.status === "active" && (m.stage === "probationary" || m.stage === "full")

/** Branches built between two yields to the event loop (see {@link loadYear}). */
const BRANCHES_PER_TURN = 250

/**
 * The year of a scale (the last one asked for is kept; asking for another scale drops it). It yields
 * to the event loop every few hundred branches: a province takes a minute or more to build, and a
 * vitest worker blocked for over 60 s misses the answer to its own RPC calls ("Timeout calling
 * onTaskUpdate") and fails the run although every bench completed.
 */
let kept: Year | undefined
export const loadYear = async (scale: BenchScale): Promise<Year> => {
  if (kept?.scale === scale) return kept
  kept = undefined
  const plan = planWorld({ scale, seed: 1, year: 2025 })
  const branches: Array<BranchYear> = []
  const counts = { branches: 0, members: 0, meetings: 0, attendance: 0, duesMonths: 0, studyCredits: 0 }
  for (const g of generateBranches(plan)) {
    if (counts.branches % BRANCHES_PER_TURN === BRANCHES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve))
    const [branch, ...groups] = g.organizations as [Organization, ...Array<Organization>]
    const members = g.members as ReadonlyArray<Member>
    const year = branchMeetings(plan, g.plan, g.members)
    const cycles = branchCycles(plan, g.plan, g.members)
    // The held counts as one grouped aggregate returns them: organization × month, a sum per kind.
    const rows = new Map<string, { organizationId: string; bucket: string; localKinds: null; meetings: number; counts: Partial<Record<CountedKey, number>> }>()
    for (const m of year.meetings) {
      const key = `${m.organizationId}|${m.date.slice(0, 7)}`
      let row = rows.get(key)
      if (row === undefined) {
        row = { organizationId: m.organizationId, bucket: m.date.slice(0, 7), localKinds: null, meetings: 0, counts: {} }
        rows.set(key, row)
      }
      row.meetings++
      for (const k of m.kinds) if ((countedKeys as ReadonlyArray<string>).includes(k)) row.counts[k as CountedKey] = (row.counts[k as CountedKey] ?? 0) + 1
      if (m.kinds.includes("lecture") && m.lecturer?.isSecretary === true) row.counts.secretaryLecture = (row.counts.secretaryLecture ?? 0) + 1
      // A plain talks record counts for each 谈心谈话 pair type, as the stored meeting's fields say (meeting/kinds.ts).
      if (m.kinds.includes("talks")) for (const pair of talkPairs) if (!m.kinds.includes(pair)) row.counts[pair] = (row.counts[pair] ?? 0) + 1
    }
    const attendance = new Map<string, Array<{ date: CivilDate; status: "present" | "leave" | "absent" }>>()
    for (const a of year.attendance) {
      const list = attendance.get(a.memberId)
      if (list === undefined) attendance.set(a.memberId, [{ date: a.date, status: a.status }])
      else list.push({ date: a.date, status: a.status })
    }
    const lastOrganizationalLife = new Map<string, CivilDate>()
    for (const [memberId, list] of attendance) {
      const last = lastOrganizationalLifeOf(list)
      if (last !== undefined) lastOrganizationalLife.set(memberId, last)
    }
    const dues = new Map<string, Array<MonthFigures>>()
    for (const d of cycles.duesMonths) {
      const list = dues.get(d.memberId)
      const figures = { month: d.month, due: d.due, paid: d.paid }
      if (list === undefined) dues.set(d.memberId, [figures])
      else list.push(figures)
    }
    const credited = new Map<string, StudyTotals>()
    for (const c of cycles.studyCredits) add(credited, c.memberId, c.tenths, c.centralized ? 1 : 0)
    const planned = new Map<string, StudyTotals>()
    for (const p of cycles.studyPlans) add(planned, p.memberId, p.tenths, p.centralized ? 1 : 0)
    const leaders = new Set<string>([...(branch.leadership.secretaryId === null ? [] : [branch.leadership.secretaryId]), ...branch.leadership.deputySecretaryIds, ...branch.leadership.committeeMemberIds])
    branches.push({
      branch,
      groups,
      members,
      heldRows: [...rows.values()],
      lastOrganizationalLife,
      dues,
      people: members.filter(onRoll).map((m) => ({ memberId: m.id, leader: leaders.has(m.id) })),
      credited,
      planned,
      excused: new Set()
    })
    counts.branches++
    counts.members += members.length
    counts.meetings += year.meetings.length
    counts.attendance += year.attendance.length
    counts.duesMonths += cycles.duesMonths.length
    counts.studyCredits += cycles.studyCredits.length
  }
  kept = { scale, branches, counts }
  return kept
}
