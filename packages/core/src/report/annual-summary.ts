import { addYears, type CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { BranchCompliance } from "../meeting/compliance.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { RuleSource } from "../profile/rule.js"
import { studyStatus } from "../study/ledger.js"
import { type AnnualFigures, type ObligationTally, type QuarterKey, zeroAnnualFigures } from "./annual-figures.js"
import { FigureTally, type RolledUpRow, rollUpFigures } from "./figures.js"
import { within, yearStart } from "./member-place.js"
import { type RollEntry, tallyMemberYear } from "./member-year.js"

/** Leadership changes of the year per organization and basis (a `leadershipRecord` aggregate row). */
export interface LeadershipRow {
  readonly organizationId: string
  readonly basis: string
  readonly count: number
  readonly secretaryChanged: number
}

/**
 * 年度记录 — what the annual summary of `root` for `year` is computed from: the tree of the year, the
 * member files of its subtree, and the grouped aggregates of the year's records.
 */
export interface YearRecords {
  readonly root: Organization
  /** The organizations as they stood on `asOf` (`treeOn`), so a past year is counted on its own tree. */
  readonly organizations: ReadonlyArray<Organization>
  readonly year: number
  /** The report date: the year's last day, or today when the year is not over. */
  readonly asOf: CivilDate
  readonly profile: RuleProfile
  /** The member files of the subtree (any superset: files placed outside it are ignored). */
  readonly members: Iterable<Member>
  readonly leadership: ReadonlyArray<LeadershipRow>
  /** Dues months of the year by organization and quarter (`2025-Q1`), in fen. */
  readonly duesMonths: ReadonlyArray<{ readonly organizationId: string; readonly quarter: string; readonly due: number; readonly paid: number }>
  /** Dues payments of the year by organization and quarter of payment, in fen. */
  readonly duesPayments: ReadonlyArray<{ readonly organizationId: string; readonly quarter: string; readonly amount: number }>
  /** Study credits of the year per member (tenths, centralized trainings); a member may have several rows, which add up. */
  readonly studyCredits: ReadonlyArray<{ readonly memberId: string; readonly tenths: number; readonly centralized: number }>
  /** Members excused from the year's study target. */
  readonly studyExcused: ReadonlyArray<string>
  /** Each branch's compliance over the year, judged the day after it ends (or today, when it is not over). */
  readonly compliance: ReadonlyArray<BranchCompliance>
  readonly evaluations: ReadonlyArray<{
    readonly organizationId: string
    readonly evaluated: number
    readonly excellent: number
    readonly qualified: number
    readonly basicallyQualified: number
    readonly unqualified: number
  }>
  /** Rectification items raised by `asOf`, counted per organization, raising date and closing date. */
  readonly rectification: ReadonlyArray<{ readonly organizationId: string; readonly raisedOn: string; readonly closedOn: string | null; readonly count: number }>
}

/** The rule behind one compliance key of the summary, so the figure can be cited. */
export interface ObligationRule {
  readonly ruleId: string
  readonly name: Message
  readonly source: RuleSource
}

/**
 * 年度工作情况 — the annual summary a county asks its branches for, of `root`'s subtree: each
 * organization's own figures and its subtree's (rolled up exactly: a county's are the sum of its
 * schools'), the totals (the root's subtree), and the rule behind each compliance figure. Counts and
 * sums only: no person's id or name.
 */
export interface AnnualSummary {
  readonly organizationId: string
  readonly year: number
  readonly asOf: CivilDate
  readonly organizations: ReadonlyArray<RolledUpRow<AnnualFigures>>
  readonly totals: AnnualFigures
  readonly obligations: Readonly<Record<string, ObligationRule>>
}

/** 合规率 — met periods over judged periods; null when none was judged. */
export const complianceRate = (t: ObligationTally): number | null => (t.required === 0 ? null : t.met / t.required)

/** The key of an obligation in the figures: its kind, `…BySecretary` when the secretary must give it. */
export const obligationKey = (kind: string, speaker: string): string => `${kind.replace(/[^A-Za-z0-9]/g, "_")}${speaker === "secretary" ? "BySecretary" : ""}`

const leadersOf = (o: Organization | undefined): ReadonlySet<string> =>
  new Set(o === undefined ? [] : [...(o.leadership.secretaryId === null ? [] : [o.leadership.secretaryId]), ...o.leadership.deputySecretaryIds, ...o.leadership.committeeMemberIds])

const electedBody = (o: Organization): boolean => o.kind !== "partyGroup" && o.formation !== "appointed"

/**
 * 年度汇总 — the annual summary from the year's records (see {@link YearRecords}). Pure. Elections held
 * are the year's election records, or the current term when it began in the year (records kept before
 * the history existed); elections due are those held and those whose current term ended by the year's end.
 */
export const summarizeYear = (records: YearRecords): AnnualSummary => {
  const { root, organizations, year, asOf, profile } = records
  const from = yearStart(year)
  const yearEnd = `${year}-12-31` as CivilDate
  const tally = new FigureTally(zeroAnnualFigures)
  const byId = new Map(organizations.map((o) => [o.id as string, o]))

  const roll: Array<RollEntry> = []
  for (const member of records.members) {
    const entry = tallyMemberYear(tally, member, year, asOf, profile)
    if (entry !== undefined) roll.push(entry)
  }

  const electionRecords = new Map<string, number>()
  for (const r of records.leadership) {
    tally.addAt(r.organizationId, r.secretaryChanged, "secretariesChanged")
    if (r.basis === "election") electionRecords.set(r.organizationId, (electionRecords.get(r.organizationId) ?? 0) + r.count)
  }
  for (const o of organizations) {
    tally.addAt(o.id, 1, "organizations", o.kind)
    if (!electedBody(o) || o.dissolvedOn !== null) continue
    const held = Math.max(electionRecords.get(o.id) ?? 0, within(o.term?.electedOn, from, asOf) ? 1 : 0)
    if (held > 0) tally.addAt(o.id, held, "elections", "held")
    const ended = o.term !== null && o.term !== undefined && o.term.electedOn < from && addYears(o.term.electedOn, o.term.years) <= yearEnd
    if (held > 0 || ended) tally.addAt(o.id, 1, "elections", "due")
  }

  const quarter = (label: string) => label.slice(-2) as QuarterKey
  for (const r of records.duesMonths) {
    tally.addAt(r.organizationId, r.due, "dues", quarter(r.quarter), "due")
    tally.addAt(r.organizationId, r.paid, "dues", quarter(r.quarter), "paid")
  }
  for (const r of records.duesPayments) tally.addAt(r.organizationId, r.amount, "dues", quarter(r.quarter), "collected")

  const credited = new Map<string, { tenths: number; centralized: number }>()
  for (const c of records.studyCredits) {
    const sum = credited.get(c.memberId)
    if (sum === undefined) credited.set(c.memberId, { tenths: c.tenths, centralized: c.centralized })
    else {
      sum.tenths += c.tenths
      sum.centralized += c.centralized
    }
  }
  const excused = new Set(records.studyExcused)
  const leaders = new Map<string, ReadonlySet<string>>()
  const leadersIn = (id: string): ReadonlySet<string> => {
    let set = leaders.get(id)
    if (set === undefined) {
      set = leadersOf(byId.get(id))
      leaders.set(id, set)
    }
    return set
  }
  const people = roll.map((r) => ({ memberId: r.memberId, leader: leadersIn(r.organizationId).has(r.memberId) }))
  const lines = studyStatus(people, credited, new Map(), excused, profile, yearEnd)
  // Summed per organization first, then added to each organization's study record once.
  const study = new Map<string, { onRoll: number; met: number; behind: number; excused: number; creditedTenths: number; targetTenths: number }>()
  lines.forEach((line, i) => {
    const org = roll[i]!.organizationId
    let s = study.get(org)
    if (s === undefined) {
      s = { onRoll: 0, met: 0, behind: 0, excused: 0, creditedTenths: 0, targetTenths: 0 }
      study.set(org, s)
    }
    s.onRoll++
    s[line.status]++
    s.creditedTenths += line.credited.tenths
    if (!line.excused) s.targetTenths += line.target.tenths
  })
  for (const [org, s] of study) {
    const t = tally.recordAt(org, "study")
    t.onRoll = (t.onRoll ?? 0) + s.onRoll
    t.met = (t.met ?? 0) + s.met
    t.behind = (t.behind ?? 0) + s.behind
    t.excused = (t.excused ?? 0) + s.excused
    t.creditedTenths = (t.creditedTenths ?? 0) + s.creditedTenths
    t.targetTenths = (t.targetTenths ?? 0) + s.targetTenths
  }

  const obligations: Record<string, ObligationRule> = {}
  const keys = new Map<string, string>()
  for (const branch of records.compliance) {
    for (const o of branch.obligations) {
      const kindKey = `${o.kind}\u0000${o.speaker}`
      let key = keys.get(kindKey)
      if (key === undefined) {
        key = obligationKey(o.kind, o.speaker)
        keys.set(kindKey, key)
      }
      obligations[key] ??= { ruleId: o.rule.id, name: o.name, source: o.rule.source }
      // Counted per obligation, then added once: a county's branches judge about 12,000 periods.
      let counted = false
      let met = 0
      let gap = 0
      let required = 0
      let open = 0
      for (const p of o.periods) {
        if (p.required === 0 || p.state === "notRequired") continue
        counted = true
        if (p.state === "open") open++
        else {
          required++
          if (p.state === "met") met++
          else gap++
        }
      }
      // The tally's leaves in the order a period first added them: met, gap, required, open.
      if (counted) {
        const t = tally.recordAt(o.organizationId, "compliance", key)
        t.met = (t.met ?? 0) + met
        t.gap = (t.gap ?? 0) + gap
        t.required = (t.required ?? 0) + required
        t.open = (t.open ?? 0) + open
      }
    }
  }

  for (const r of records.evaluations) {
    for (const k of ["evaluated", "excellent", "qualified", "basicallyQualified", "unqualified"] as const) tally.addAt(r.organizationId, r[k], "evaluation", k)
  }
  for (const r of records.rectification) {
    const raised = r.raisedOn as CivilDate
    const closed = r.closedOn as CivilDate | null
    if (raised > asOf) continue
    if (within(raised, from, asOf)) tally.addAt(r.organizationId, r.count, "rectification", "raised")
    if (closed !== null && within(closed, from, asOf)) tally.addAt(r.organizationId, r.count, "rectification", "closed")
    if (closed === null || closed > asOf) tally.addAt(r.organizationId, r.count, "rectification", "open")
  }

  const rows = rollUpFigures(root, organizations, tally.result(), zeroAnnualFigures)
  return { organizationId: root.id, year, asOf, organizations: rows, totals: rows[0]!.subtree, obligations }
}
