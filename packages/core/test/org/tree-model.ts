import * as Either from "effect/Either"
import { addMonths, type CivilDate } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import { memberSignals } from "../../src/member/signals.js"
import type { Organization } from "../../src/org/organization.js"
import { checkOrganization } from "../../src/org/setup-check.js"
import { termFindings } from "../../src/org/term.js"
import { allowedParents } from "../../src/org/tree.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import { type AgendaFlag, type AgendaItem, type AgendaOrganization, type BranchAgenda, compareAgendaItems } from "../../src/report/agenda.js"
import type { BranchAgendaOptions } from "../../src/report/branch-agenda.js"
import { memberAgendaItems, memberSubject } from "../../src/report/member-agenda.js"

/**
 * The tree walks by their plain definitions, as they were written before the tree was indexed:
 * each one scans the whole list, so they are slow (up to n⁴ for the agenda) but easy to read. The
 * indexed versions must give exactly their answers (`tree-index.test.ts`).
 */

/** Up from `organizationId` through `parentId`, through a Map built from the whole list (the last of a repeated id wins). */
export const naiveAncestry = (organizationId: string, organizations: ReadonlyArray<Organization>): ReadonlySet<string> => {
  const byId = new Map<string, Organization>(organizations.map((o) => [o.id, o]))
  const seen = new Set<string>()
  let current: string | null = organizationId
  while (current !== null && !seen.has(current)) {
    seen.add(current)
    current = byId.get(current)?.parentId ?? null
  }
  return seen
}

/** `rootId`, then every organization of the list whose ancestry holds `rootId`. */
export const naiveSubtreeIds = (rootId: string, organizations: ReadonlyArray<Organization>): ReadonlyArray<string> => [
  rootId,
  ...organizations.filter((o) => o.id !== rootId && naiveAncestry(o.id, organizations).has(rootId)).map((o) => o.id)
]

/** Depth-first, scanning the list for the children of each node; an id already on the path is skipped. */
export const naiveDepthFirstOffPath = (root: Organization, organizations: ReadonlyArray<Organization>) => {
  const out: Array<{ organization: Organization; depth: number }> = []
  const visit = (organization: Organization, depth: number, seen: ReadonlySet<string>) => {
    out.push({ organization, depth })
    for (const child of organizations) {
      if (child.parentId === organization.id && !seen.has(child.id)) visit(child, depth + 1, new Set([...seen, child.id]))
    }
  }
  visit(root, 0, new Set([root.id]))
  return out
}

/** Depth-first, scanning the list for the children of each node; an id already visited is skipped. */
export const naiveDepthFirstOnce = (root: Organization, organizations: ReadonlyArray<Organization>) => {
  const out: Array<{ organization: Organization; depth: number }> = []
  const seen = new Set<string>()
  const visit = (organization: Organization, depth: number) => {
    if (seen.has(organization.id)) return
    seen.add(organization.id)
    out.push({ organization, depth })
    for (const child of organizations) if (child.parentId === organization.id) visit(child, depth + 1)
  }
  visit(root, 0)
  return out
}

type Placed = Pick<Organization, "id" | "tenantId" | "kind" | "parentId">

/** The placement check's verdict only (the problem), by its plain definition. */
export const naivePlacementProblem = (org: Placed, organizations: ReadonlyArray<Organization>): string => {
  if (org.parentId === null) return allowedParents[org.kind].includes("root") ? "ok" : "parentKind"
  const parent = organizations.find((o) => o.id === org.parentId)
  if (parent === undefined) return "parentMissing"
  if (parent.tenantId !== org.tenantId) return "tenantMismatch"
  if (parent.dissolvedOn !== null) return "parentDissolved"
  if (!allowedParents[org.kind].includes(parent.kind)) return "parentKind"
  const others = organizations.filter((o) => o.id !== org.id)
  return naiveAncestry(parent.id, others).has(org.id) ? "cycle" : "ok"
}

/** The verdict of an `Either` from `checkPlacement`. */
export const verdict = (result: Either.Either<void, { readonly problem: string }>): string =>
  Either.isLeft(result) ? result.left.problem : "ok"

/** The branch agenda as first written: the subtree recomputed for every organization and every member. */
export const naiveBranchAgenda = (
  organization: Organization,
  organizations: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  today: CivilDate,
  options: BranchAgendaOptions
): BranchAgenda => {
  const belongsTo = (member: Member, ids: ReadonlySet<string>): boolean =>
    ids.has(member.organizationId) || (member.partyGroupId !== null && ids.has(member.partyGroupId))
  const horizonEnd = addMonths(today, options.horizonMonths)
  const tree = organizations.some((o) => o.id === organization.id) ? organizations : [...organizations, organization]
  const inSubtree = (id: string) => new Set(naiveSubtreeIds(id, tree))
  const ours = members.filter((m) => belongsTo(m, inSubtree(organization.id)))
  const reports: Array<AgendaOrganization> = []
  const items: Array<AgendaItem> = []
  for (const { organization: org, depth } of naiveDepthFirstOffPath(organization, tree)) {
    const below = ours.filter((m) => belongsTo(m, inSubtree(org.id)))
    const findings = [...checkOrganization(org, below, profile, today), ...termFindings(org, profile, today)]
    reports.push({ organization: org, depth, findings })
    for (const f of findings) {
      if (f.due !== undefined && (f.due <= horizonEnd || today > f.due)) {
        items.push({
          date: f.due,
          kind: "due",
          overdue: today > f.due,
          severity: f.severity,
          subject: { kind: "organization", id: org.id, name: org.name },
          ruleId: f.ruleId,
          message: f.message,
          source: f.source,
          confidence: f.confidence
        })
      }
    }
  }
  const flags: Array<AgendaFlag> = []
  for (const member of ours) {
    items.push(...memberAgendaItems(member, profile, today, horizonEnd))
    const signals = memberSignals(member, options.evidence?.[member.id] ?? {}, profile, today)
    flags.push(...signals.map((finding) => ({ subject: memberSubject(member), finding })))
  }
  return { organizationId: organization.id, today, horizonEnd, organizations: reports, items: items.sort(compareAgendaItems), flags }
}
