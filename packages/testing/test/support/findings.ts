import type { Member, Organization } from "./core.js"
import { type CivilDate, checkOrganization, nationalBaseline, termFindings, timeline } from "./core.js"

/** Timeline findings worse than a reminder (violations and warnings), as `memberId ruleId` lines. */
export const memberProblems = (members: ReadonlyArray<Member>, today: CivilDate): ReadonlyArray<string> =>
  members.flatMap((m) =>
    timeline(m, nationalBaseline, today)
      .findings.filter((f) => f.severity !== "reminder")
      .map((f) => `${m.id} ${f.ruleId}`)
  )

/** Setup and term findings of every organization (violations and warnings), as `organizationId ruleId` lines. */
export const organizationProblems = (organizations: ReadonlyArray<Organization>, members: ReadonlyArray<Member>, today: CivilDate): ReadonlyArray<string> => {
  const byOrganization = new Map<string, Array<Member>>()
  for (const m of members) byOrganization.set(m.organizationId, [...(byOrganization.get(m.organizationId) ?? []), m])
  return organizations.flatMap((o) =>
    [...checkOrganization(o, byOrganization.get(o.id) ?? [], nationalBaseline, today), ...termFindings(o, nationalBaseline, today)]
      .filter((f) => f.severity !== "reminder")
      .map((f) => `${o.id} ${f.ruleId}`)
  )
}
