import { addMonths, type CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { memberSignals, type SignalEvidence } from "../member/signals.js"
import type { Organization } from "../org/organization.js"
import { checkOrganization } from "../org/setup-check.js"
import { termFindings } from "../org/term.js"
import { subtreeIds } from "../org/tree.js"
import type { Finding } from "../profile/finding.js"
import type { RuleProfile } from "../profile/profile.js"
import { type AgendaFlag, type AgendaItem, type BranchAgenda, compareAgendaItems, type AgendaOrganization } from "./agenda.js"
import { memberAgendaItems, memberSubject } from "./member-agenda.js"

export interface BranchAgendaOptions {
  /** How far ahead to look, in calendar months (0: only today and what is overdue). */
  readonly horizonMonths: number
  /** What the caller knows of each member's organizational life, dues and work, by member id (see `SignalEvidence`). */
  readonly evidence?: Readonly<Record<string, SignalEvidence>>
}

/** A member belongs to an organization's subtree by the branch they are in or by their 党小组. */
const belongsTo = (member: Member, ids: ReadonlySet<string>): boolean =>
  ids.has(member.organizationId) || (member.partyGroupId !== null && ids.has(member.partyGroupId))

/** `root` and the organizations below it, depth-first, siblings in the order given. */
const depthFirst = (root: Organization, organizations: ReadonlyArray<Organization>): ReadonlyArray<{ org: Organization; depth: number }> => {
  const out: Array<{ org: Organization; depth: number }> = []
  const visit = (org: Organization, depth: number, seen: ReadonlySet<string>) => {
    out.push({ org, depth })
    for (const child of organizations) {
      if (child.parentId === org.id && !seen.has(child.id)) visit(child, depth + 1, new Set([...seen, child.id]))
    }
  }
  visit(root, 0, new Set([root.id]))
  return out
}

/** An organization finding with a date (a term that ends or has ended) as an agenda entry. */
const organizationItem = (org: Organization, finding: Finding, due: CivilDate, today: CivilDate): AgendaItem => ({
  date: due,
  kind: "due",
  overdue: today > due,
  severity: finding.severity,
  subject: { kind: "organization", id: org.id, name: org.name },
  ruleId: finding.ruleId,
  message: finding.message,
  source: finding.source,
  confidence: finding.confidence
})

/**
 * 支部工作日程 — "every deadline known in advance" for `organization` and its subtree on `today`,
 * composed from the checks and timelines, never re-deriving them:
 *
 * - each organization's findings: `checkOrganization` (counting the members of its subtree) and
 *   `termFindings`;
 * - the agenda: each member's `timeline` items that are overdue, or fall due or become possible on or
 *   before `today + horizonMonths` (calendar months), plus the organization findings that carry a
 *   date (the term end), sorted by {@link compareAgendaItems};
 * - the flags for a human decision: `memberSignals` with the member's `evidence` (none known when
 *   absent; the lost-contact flag needs only the member's `lastContactOn`).
 *
 * `organizations` is the tenant's tree; `members` may be any superset of the subtree's members (those
 * whose branch or 党小组 lies in it are used).
 */
export const branchAgenda = (
  organization: Organization,
  organizations: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  today: CivilDate,
  options: BranchAgendaOptions
): BranchAgenda => {
  const horizonEnd = addMonths(today, options.horizonMonths)
  const tree = organizations.some((o) => o.id === organization.id) ? organizations : [...organizations, organization]
  const inSubtree = (id: string) => new Set(subtreeIds(id, tree))
  const ours = members.filter((m) => belongsTo(m, inSubtree(organization.id)))

  const reports: Array<AgendaOrganization> = []
  const items: Array<AgendaItem> = []
  for (const { org, depth } of depthFirst(organization, tree)) {
    const below = ours.filter((m) => belongsTo(m, inSubtree(org.id)))
    const findings = [...checkOrganization(org, below, profile, today), ...termFindings(org, profile, today)]
    reports.push({ organization: org, depth, findings })
    for (const f of findings) {
      if (f.due !== undefined && (f.due <= horizonEnd || today > f.due)) items.push(organizationItem(org, f, f.due, today))
    }
  }

  const flags: Array<AgendaFlag> = []
  for (const member of ours) {
    items.push(...memberAgendaItems(member, profile, today, horizonEnd))
    const signals = memberSignals(member, options.evidence?.[member.id] ?? {}, profile, today)
    flags.push(...signals.map((finding) => ({ subject: memberSubject(member), finding })))
  }

  return {
    organizationId: organization.id,
    today,
    horizonEnd,
    organizations: reports,
    items: items.sort(compareAgendaItems),
    flags
  }
}
