import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { ComplianceUnit } from "./compliance.js"
import { fullMembersOn } from "./roster.js"

/**
 * The compliance units of branches from their member files: each branch with its party groups, and
 * its full members on a date (counted once per date), which decides whether a 支委会 is required.
 */
export const complianceUnits = (
  branches: ReadonlyArray<{ readonly branch: Organization; readonly groups: ReadonlyArray<Organization> }>,
  members: ReadonlyArray<Member>,
  profile: RuleProfile
): ReadonlyArray<ComplianceUnit> => {
  const byBranch = new Map<string, Array<Member>>()
  for (const m of members) {
    const list = byBranch.get(m.organizationId)
    if (list === undefined) byBranch.set(m.organizationId, [m])
    else list.push(m)
  }
  return branches.map(({ branch, groups }) => {
    const own = byBranch.get(branch.id) ?? []
    const cache = new Map<string, number>()
    return {
      branch,
      groups,
      fullMembersOn: (date: CivilDate) => {
        const known = cache.get(date)
        if (known !== undefined) return known
        const n = fullMembersOn(own, branch, date, profile)
        cache.set(date, n)
        return n
      }
    }
  })
}
