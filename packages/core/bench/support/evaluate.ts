import type { CivilDate } from "../../src/calendar/civil-date.js"
import { type DuesPosition, duesPosition } from "../../src/dues/ledger.js"
import { type BranchCompliance, branchCompliance } from "../../src/meeting/compliance.js"
import { HeldIndex } from "../../src/meeting/held.js"
import { fullMembersOn } from "../../src/meeting/roster.js"
import type { Member } from "../../src/member/member.js"
import { lapseSixMonthsRule } from "../../src/member/rules-status.js"
import { lastDuesPaidMonthOf, sixMonthSignals } from "../../src/member/signals.js"
import { type MemberTimeline, timeline } from "../../src/member/timeline.js"
import type { Organization } from "../../src/org/organization.js"
import type { Finding } from "../../src/profile/finding.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import { type StudyStatus, studyStatus } from "../../src/study/ledger.js"
import type { BranchYear, Year } from "./year.js"

/**
 * 年度规则计算 — the province-year's rule answers, two ways over the same inputs:
 * - {@link libraryYear}: zhibu's rule functions, as the services call them (compliance from the held
 *   counts, six-month signals from the evidence, every member's timeline, study and dues status);
 * - {@link handYear}: a hand-written single pass per branch computing the same answers for the
 *   national baseline of 2025, the way an application would write it without zhibu.
 * `digest*` turn either's answers into the same lines, so a bench checks they agree.
 */

export interface Window {
  readonly profile: RuleProfile
  readonly from: CivilDate
  readonly to: CivilDate
  /** Today: the day after the year, so every period of it is judged. */
  readonly today: CivilDate
  /** The last month of dues counted (`YYYY-MM`). */
  readonly duesMonth: string
}

export interface LibraryAnswers {
  readonly compliance: BranchCompliance
  readonly signals: ReadonlyArray<readonly [string, ReadonlyArray<Finding>]>
  readonly timelines: ReadonlyArray<MemberTimeline>
  readonly study: ReadonlyArray<StudyStatus>
  readonly dues: ReadonlyArray<readonly [string, DuesPosition]>
}

/** zhibu's answers for each branch, handed to `sink` one branch at a time. */
export const libraryYear = (year: Year, w: Window, sink: (answers: LibraryAnswers) => void): void => {
  for (const b of year.branches) {
    const held = new HeldIndex()
    for (const row of b.heldRows) held.add(row)
    const counted = new Map<string, number>()
    const unit = {
      branch: b.branch,
      groups: b.groups,
      fullMembersOn: (date: CivilDate) => {
        const known = counted.get(date)
        if (known !== undefined) return known
        const n = fullMembersOn(b.members, b.branch, date, w.profile)
        counted.set(date, n)
        return n
      }
    }
    const compliance = branchCompliance(unit, held, { profile: w.profile, from: w.from, to: w.to, asOf: w.today })
    const signals: Array<readonly [string, ReadonlyArray<Finding>]> = []
    const timelines: Array<MemberTimeline> = []
    const dues: Array<readonly [string, DuesPosition]> = []
    for (const m of b.members) {
      const months = b.dues.get(m.id)
      const lastDuesPaidMonth = months === undefined ? undefined : lastDuesPaidMonthOf(months)
      const lastOrganizationalLifeOn = b.lastOrganizationalLife.get(m.id)
      // The evidence as a caller assembles it; not with conditional spreads, which take V8's slow path
      // for adding keys and were 15% of this loop's own time at the county.
      const evidence: { lastOrganizationalLifeOn?: CivilDate; lastDuesPaidMonth?: string } = {}
      if (lastOrganizationalLifeOn !== undefined) evidence.lastOrganizationalLifeOn = lastOrganizationalLifeOn
      if (lastDuesPaidMonth !== undefined) evidence.lastDuesPaidMonth = lastDuesPaidMonth
      signals.push([m.id, sixMonthSignals(m, evidence, w.profile, w.today)])
      timelines.push(timeline(m, w.profile, w.today))
      if (months !== undefined) dues.push([m.id, duesPosition(months, w.duesMonth)])
    }
    sink({ compliance, signals, timelines, study: studyStatus(b.people, b.credited, b.planned, b.excused, w.profile, w.today), dues })
  }
}

// ---------------------------------------------------------------------------------------------
// The hand-written loop: the national baseline of 2025 written out, dates as strings.
// ---------------------------------------------------------------------------------------------

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const daysIn = (y: number, m: number) => (m === 2 && leap(y) ? 29 : DAYS[m - 1]!)

/** `date` plus `months`, the day clamped to the month's last (core's `addMonths`). */
const plusMonths = (date: string, months: number): string => {
  const y = +date.slice(0, 4)
  const m = +date.slice(5, 7)
  const d = +date.slice(8, 10)
  const index = y * 12 + m - 1 + months
  const ny = Math.floor(index / 12)
  const nm = (index % 12) + 1
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysIn(ny, nm)))}`
}

/** The last day of the month `months` after `YYYY-MM`. */
const monthEndAfter = (month: string, months: number): string => {
  const index = +month.slice(0, 4) * 12 + +month.slice(5, 7) - 1 + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return `${y}-${pad(m)}-${pad(daysIn(y, m))}`
}

const previousMonth = (month: string): string => {
  const index = +month.slice(0, 4) * 12 + +month.slice(5, 7) - 2
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

export interface HandAnswers {
  /** `organization kind period` of each gap. */
  readonly gaps: Array<string>
  /** `member orgLife|dues` of each six-month flag. */
  readonly flags: Array<string>
  /** `member step earliest due overdue` of each timeline item. */
  readonly items: Array<string>
  /** `member status gap` of each member on the study roll. */
  readonly study: Array<string>
  /** `member arrears open` of each member with dues months. */
  readonly dues: Array<string>
}

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
const LAPSE = lapseSixMonthsRule.id
const COMMITTEE_FROM = 7 // org.branchCommittee.size: full members for a 支委会 without a committee
const REVISED = "2026-05-11" // the 2026 recruitment rules

const exists = (o: Organization, start: string, end: string) => o.foundedOn <= end && (o.dissolvedOn === null || o.dissolvedOn >= start)

/** Full members of the branch on `date`, from each file's entry, conversion and status history. */
const fullOn = (members: ReadonlyArray<Member>, branchId: string, date: string): number => {
  let n = 0
  for (const m of members) {
    if (m.organizationId !== branchId) continue
    let status = "active"
    for (const c of m.statusHistory) if (c.date <= date) status = c.status
    if (status !== "active") continue
    let full = m.joinedOn !== null && m.joinedOn <= date && m.convertedOn !== null && m.convertedOn <= date
    let pending = false
    for (const s of m.steps) {
      const effective = s.publicity !== undefined && s.publicity.to > s.date ? s.publicity.to : s.date
      if (effective > date) break
      if (s.step === "conversionMeeting") pending = s.decision?.outcome === "convert"
      else if (s.step === "conversionApproval") {
        if (pending && (s.decision?.outcome === "approved" || s.decision?.outcome === "passed")) full = true
        pending = false
      }
    }
    if (full) n++
  }
  return n
}

/** One branch, one pass over each of its inputs. */
const handBranch = (b: BranchYear, w: Window, out: HandAnswers): void => {
  const year = w.from.slice(0, 4)
  // Held counts by organization, kind and month (0-based), from the grouped rows.
  const held = new Map<string, Map<string, Array<number>>>()
  for (const r of b.heldRows) {
    let byKind = held.get(r.organizationId)
    if (byKind === undefined) {
      byKind = new Map()
      held.set(r.organizationId, byKind)
    }
    const month = +r.bucket.slice(5, 7) - 1
    for (const kind in r.counts) {
      let months = byKind.get(kind)
      if (months === undefined) {
        months = new Array<number>(12).fill(0)
        byKind.set(kind, months)
      }
      months[month] = months[month]! + r.counts[kind as keyof typeof r.counts]!
    }
  }
  const count = (org: string, kind: string, first: number, last: number) => {
    const months = held.get(org)?.get(kind)
    if (months === undefined) return 0
    let n = 0
    for (let i = first; i <= last; i++) n += months[i]!
    return n
  }
  const branch = b.branch
  const hasCommittee = branch.leadership.committeeMemberIds.length > 0
  const gap = (org: string, kind: string, label: string) => out.gaps.push(`${org} ${kind} ${label}`)
  const monthly = (o: Organization, kind: string, required: (i: number) => boolean) => {
    for (let i = 0; i < 12; i++) {
      const start = `${year}-${MONTHS[i]}-01`
      const end = `${year}-${MONTHS[i]}-${pad(daysIn(+year, i + 1))}`
      if (exists(o, start, end) && exists(branch, start, end) && required(i) && count(o.id, kind, i, i) === 0) gap(o.id, kind, `${year}-${MONTHS[i]}`)
    }
  }
  const quarterly = (kind: string) => {
    for (let q = 0; q < 4; q++) {
      const start = `${year}-${MONTHS[3 * q]}-01`
      const end = `${year}-${MONTHS[3 * q + 2]}-${pad(daysIn(+year, 3 * q + 3))}`
      if (exists(branch, start, end) && count(branch.id, kind, 3 * q, 3 * q + 2) === 0) gap(branch.id, kind, `${year}-Q${q + 1}`)
    }
  }
  const yearly = (kind: string, label = kind) => {
    if (exists(branch, `${year}-01-01`, `${year}-12-31`) && count(branch.id, kind, 0, 11) === 0) gap(branch.id, label, year)
  }
  // The national baseline's obligations, in its order.
  quarterly("generalAssembly")
  monthly(branch, "committee", (i) => hasCommittee || fullOn(b.members, branch.id, `${year}-${MONTHS[i]}-${pad(daysIn(+year, i + 1))}`) >= COMMITTEE_FROM)
  for (const g of b.groups) monthly(g, "partyGroup", () => true)
  quarterly("lecture")
  yearly("secretaryLecture", "lecture")
  monthly(branch, "themeDay", () => true)
  yearly("orgLifeMeeting")
  yearly("democraticEvaluation")
  // 谈心谈话: each of the three pair types once a year (a plain talks record counts for all three in the held rows).
  yearly("talksAmongCommittee")
  yearly("talksCommitteeWithMembers")
  yearly("talksAmongMembers")

  for (const m of b.members) {
    // Dues: one pass over the months, in order.
    const months = b.dues.get(m.id)
    let lastPaid: string | undefined
    if (months !== undefined) {
      let due = 0
      let paid = 0
      let open = 0
      for (const x of months) {
        if (x.month > w.duesMonth) continue
        due += x.due
        paid += x.paid
        if (x.paid >= x.due) {
          lastPaid = x.month
          open = 0
        } else open++
      }
      out.dues.push(`${m.id} ${due - paid} ${open}`)
      if (lastPaid === undefined && months.length > 0) lastPaid = previousMonth(months[0]!.month)
    }
    if (m.status !== "active") continue
    // Six-month signals.
    if (m.stage === "probationary" || m.stage === "full") {
      const silenced = (since: string) => m.flagDecisions.some((d) => d.ruleId === LAPSE && d.outcome === "justified" && d.date > since)
      const life = b.lastOrganizationalLife.get(m.id)
      if (life !== undefined && w.today >= plusMonths(life, 6) && !silenced(life)) out.flags.push(`${m.id} orgLife`)
      if (lastPaid !== undefined && w.today >= monthEndAfter(lastPaid, 6) && !silenced(monthEndAfter(lastPaid, 0))) out.flags.push(`${m.id} dues`)
    }
    // Timeline: one pass over the steps for the dates that start the clocks.
    let stage: string | undefined = m.joinedOn === null ? undefined : m.convertedOn === null ? "probationary" : "full"
    let probationEnd = m.joinedOn !== null && m.convertedOn === null ? plusMonths(m.joinedOn, 12) : undefined
    let applied: string | undefined
    let talk: string | undefined
    let activist: string | undefined
    let assessed: string | undefined
    let designated: string | undefined
    let review: string | undefined
    let meeting: string | undefined
    let approval: string | undefined
    let oath: string | undefined
    let pending: { on: string; outcome: string; months: number } | undefined
    let last: string | undefined
    for (const s of m.steps) {
      last = s.step
      const positive = s.decision?.outcome === "approved" || s.decision?.outcome === "passed"
      switch (s.step) {
        case "application":
          stage = "applicant"
          applied = s.date
          break
        case "applicationTalk":
          talk = s.date
          break
        case "activistDesignation":
          stage = "activist"
          activist = s.date
          break
        case "activistAssessment":
          assessed = s.date
          break
        case "candidateDesignation":
          designated = s.date
          if (s.date < REVISED) stage = "candidate"
          break
        case "candidateApproval":
          if (s.decision?.outcome === "rejected" || s.decision?.outcome === "failed") stage = "activist"
          else if (designated !== undefined && designated >= REVISED) stage = "candidate"
          break
        case "preliminaryReview":
          if (positive) review = s.date
          break
        case "admissionMeeting":
          meeting = s.date
          probationEnd = plusMonths(s.date, 12)
          break
        case "admissionApproval":
          if (positive) {
            stage = "probationary"
            approval = s.date
          }
          break
        case "oath":
          oath = s.date
          break
        case "conversionMeeting": {
          const outcome = s.decision?.outcome
          if (outcome === "convert" || outcome === "extend" || outcome === "cancel") pending = { on: s.date, outcome, months: s.decision?.extensionMonths ?? 0 }
          break
        }
        case "conversionApproval":
          if (pending !== undefined && positive) {
            if (pending.outcome === "convert") stage = "full"
            else if (pending.outcome === "extend") probationEnd = plusMonths(probationEnd!, pending.months)
          }
          pending = undefined
          break
      }
    }
    const item = (step: string, earliest: string, due: string) => out.items.push(`${m.id} ${step} ${earliest} ${due} ${due !== "" && w.today > due}`)
    if (applied !== undefined && talk === undefined) item("applicationTalk", "", plusMonths(applied, 1))
    if (stage === "activist" && activist !== undefined) {
      item("activistAssessment", "", plusMonths(assessed ?? activist, 6))
      if (designated === undefined || last !== "candidateDesignation") item("candidateDesignation", plusMonths(activist, 12), "")
    }
    if (review !== undefined && meeting === undefined && review >= REVISED) item("admissionMeeting", "", plusMonths(review, 1))
    if (meeting !== undefined && approval === undefined) item("admissionApproval", "", plusMonths(meeting, 3))
    if (stage === "probationary" && approval !== undefined && oath === undefined && approval >= REVISED) item("oath", "", plusMonths(approval, 1))
    if (stage === "probationary" && probationEnd !== undefined && pending === undefined) item("conversionMeeting", probationEnd, "")
    if (pending !== undefined) item("conversionApproval", "", plusMonths(pending.on, 3))
  }
  // Study: the targets of 2025 (32 学时; 56 and one centralized training for leaders).
  for (const p of b.people) {
    const c = b.credited.get(p.memberId)
    const tenths = c?.tenths ?? 0
    const target = p.leader ? 560 : 320
    const gapTenths = tenths >= target ? 0 : target - tenths
    const met = gapTenths === 0 && (c?.centralized ?? 0) >= (p.leader ? 1 : 0)
    out.study.push(`${p.memberId} ${b.excused.has(p.memberId) ? "excused" : met ? "met" : "behind"} ${gapTenths}`)
  }
}

/** The hand-written answers for each branch, handed to `sink` one branch at a time. */
export const handYear = (year: Year, w: Window, sink: (answers: HandAnswers) => void): void => {
  for (const b of year.branches) {
    const out: HandAnswers = { gaps: [], flags: [], items: [], study: [], dues: [] }
    handBranch(b, w, out)
    sink(out)
  }
}

const countKind = (kind: string, speaker: string) => (kind === "lecture" && speaker === "secretary" ? "secretaryLecture" : kind)

/** zhibu's answers of a branch as the hand-written loop writes them. */
export const digestLibrary = (a: LibraryAnswers, out: HandAnswers): void => {
  for (const o of a.compliance.obligations)
    for (const p of o.periods) if (p.state === "gap") out.gaps.push(`${o.organizationId} ${countKind(o.kind, o.speaker) === "secretaryLecture" ? "lecture" : o.kind} ${p.period.label}`)
  for (const [id, findings] of a.signals)
    for (const f of findings) out.flags.push(`${id} ${f.message.en.includes("without organizational life") ? "orgLife" : "dues"}`)
  for (const t of a.timelines) for (const i of t.items) out.items.push(`${t.memberId} ${i.step} ${i.earliest ?? ""} ${i.due ?? ""} ${i.due !== undefined && i.overdue}`)
  for (const s of a.study) out.study.push(`${s.memberId} ${s.status} ${s.gap}`)
  for (const [id, d] of a.dues) out.dues.push(`${id} ${d.arrears} ${d.consecutiveOpen}`)
}
