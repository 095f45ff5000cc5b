import { addMonths, type CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { memberSignals, type SignalEvidence } from "../member/signals.js"
import type { Organization } from "../org/organization.js"
import { checkOrganization } from "../org/setup-check.js"
import { termFindings } from "../org/term.js"
import { ancestryIn, depthFirstIn, indexTree, type OrganizationTree } from "../org/tree-index.js"
import type { Finding } from "../profile/finding.js"
import type { RuleProfile } from "../profile/profile.js"
import { type AgendaFlag, type AgendaItem, type BranchAgenda, compareAgendaItems, type AgendaOrganization } from "./agenda.js"
import { memberAgendaItems, memberSubject } from "./member-agenda.js"

/** Options of {@link branchAgenda}: how many months ahead to look, and what the caller knows of each member. */
export interface BranchAgendaOptions {
  /** How far ahead to look, in calendar months (0: only today and what is overdue). */
  readonly horizonMonths: number
  /** What the caller knows of each member's organizational life, dues and work, by member id (see `SignalEvidence`). */
  readonly evidence?: Readonly<Record<string, SignalEvidence>>
}

/**
 * The ids whose subtree `member` belongs to, by the branch they are in or by their 党小组: an id's
 * subtree holds a member exactly when the id lies on the walk up from the member's branch or group.
 */
const reachedBy = (member: Member, tree: OrganizationTree): ReadonlySet<string> => {
  const up = ancestryIn(tree, member.organizationId)
  if (member.partyGroupId === null) return up
  const all = new Set(up)
  for (const id of ancestryIn(tree, member.partyGroupId)) all.add(id)
  return all
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
  const tree = indexTree(organizations.some((o) => o.id === organization.id) ? organizations : [...organizations, organization])
  // Each member is filed under every organization whose subtree holds them, in the order given.
  const ours: Array<Member> = []
  const membersBelow = new Map<string, Array<Member>>()
  // Members of one branch (and 党小组) reach the same organizations: walk up once per place.
  const reachedFrom = new Map<string, Map<string | null, ReadonlySet<string>>>()
  for (const member of members) {
    let byGroup = reachedFrom.get(member.organizationId)
    if (byGroup === undefined) {
      byGroup = new Map()
      reachedFrom.set(member.organizationId, byGroup)
    }
    let reached = byGroup.get(member.partyGroupId)
    if (reached === undefined) {
      reached = reachedBy(member, tree)
      byGroup.set(member.partyGroupId, reached)
    }
    if (!reached.has(organization.id)) continue
    ours.push(member)
    for (const id of reached) {
      const list = membersBelow.get(id)
      if (list === undefined) membersBelow.set(id, [member])
      else list.push(member)
    }
  }

  const reports: Array<AgendaOrganization> = []
  const items: Array<AgendaItem> = []
  for (const { organization: org, depth } of depthFirstIn(tree, organization, "offPath")) {
    const below = membersBelow.get(org.id) ?? []
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
