import { addDays, type CivilDate } from "../calendar/civil-date.js"
import type { BranchCompliance } from "../meeting/compliance.js"
import type { Organization } from "../org/organization.js"
import type { Finding } from "../profile/finding.js"
import type { AgendaItem, BranchAgenda } from "./agenda.js"
import type { StalledFile } from "./stalled.js"

/** 支部合规看板 — one branch: what is wrong and what is coming, each entry citing its rule. */
export interface BranchDashboard {
  readonly branchId: string
  readonly name: string
  /** 组织生活缺项 — the year's meeting periods that ended short of the rule, per obligation. */
  readonly gaps: ReadonlyArray<Finding>
  /** Agenda entries already past their deadline. */
  readonly overdue: ReadonlyArray<AgendaItem>
  /** Deadlines and openings from today to today + 30 days. */
  readonly next30: ReadonlyArray<AgendaItem>
  /** Deadlines and openings from today to today + 90 days (the 30 days included). */
  readonly next90: ReadonlyArray<AgendaItem>
  /** 停滞支部 — the silent-branch flag, when the branch recorded no organizational life in the rule's window. */
  readonly silent: Finding | null
  /** 逾期换届 — the branch's (or its groups') terms ended without an election. */
  readonly overdueElections: ReadonlyArray<Finding>
  /** 培养停滞 — files stalled in recruitment beyond `report.recruitment.stalled`. */
  readonly stalled: ReadonlyArray<StalledFile>
}

/** 合规看板 — every branch of an organization's subtree on today. */
export interface ComplianceDashboard {
  readonly organizationId: string
  readonly today: CivilDate
  readonly branches: ReadonlyArray<BranchDashboard>
}

/** What the dashboard is composed from: each part computed by its own check, never re-derived here. */
export interface DashboardParts {
  readonly organizationId: string
  readonly today: CivilDate
  /** The subtree's organizations (the branches and their party groups). */
  readonly organizations: ReadonlyArray<Organization>
  /** The subtree's agenda, looking at least 90 days ahead. */
  readonly agenda: BranchAgenda
  readonly compliance: ReadonlyArray<BranchCompliance>
  readonly silent: ReadonlyArray<Finding>
  readonly stalled: ReadonlyArray<StalledFile>
}

const isBranch = (o: Organization): boolean => o.kind === "branch" || o.kind === "jointBranch"

/**
 * 合规看板 — per branch of the subtree (党支部 and 联合党支部, in the tree's order): its meeting gaps, the
 * agenda split into overdue, the next 30 and the next 90 days, the silent-branch flag, terms overdue
 * for election, and files stalled in recruitment. An entry about a 党小组 or one of its members goes to
 * the group's branch. Pure.
 */
export const complianceDashboard = (parts: DashboardParts): ComplianceDashboard => {
  const { today } = parts
  const in30 = addDays(today, 30)
  const in90 = addDays(today, 90)
  const byId = new Map(parts.organizations.map((o) => [o.id as string, o]))
  const branchOf = (organizationId: string): string => {
    const o = byId.get(organizationId)
    return o?.kind === "partyGroup" && o.parentId !== null ? o.parentId : organizationId
  }
  const itemBranch = (item: AgendaItem) => branchOf(item.subject.kind === "member" ? item.subject.organizationId : item.subject.id)
  const overdueTerms = parts.agenda.organizations.flatMap((entry) =>
    entry.findings
      .filter((f) => f.due !== undefined && f.due < today && f.severity === "violation" && f.ruleId.startsWith("org.term."))
      .map((f) => ({ branchId: branchOf(entry.organization.id), finding: f }))
  )
  const branches = parts.organizations.filter(isBranch).map((branch): BranchDashboard => {
    const items = parts.agenda.items.filter((i) => itemBranch(i) === branch.id)
    const upcoming = items.filter((i) => !i.overdue && i.date >= today)
    return {
      branchId: branch.id,
      name: branch.name,
      gaps: parts.compliance.filter((c) => c.branchId === branch.id).flatMap((c) => c.findings),
      overdue: items.filter((i) => i.overdue),
      next30: upcoming.filter((i) => i.date <= in30),
      next90: upcoming.filter((i) => i.date <= in90),
      silent: parts.silent.find((f) => f.subject.id === branch.id) ?? null,
      overdueElections: overdueTerms.filter((t) => t.branchId === branch.id).map((t) => t.finding),
      stalled: parts.stalled.filter((s) => branchOf(s.subject.organizationId) === branch.id)
    }
  })
  return { organizationId: parts.organizationId, today, branches }
}
