import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { LeadershipRecord } from "../org/history-leadership.js"
import type { ComplianceUnit } from "./compliance.js"
import { committeeOn } from "./compliance-committee.js"
import { fullMembersOn } from "./roster.js"

/**
 * The compliance units of branches from their member files: each branch with its party groups, and
 * its full members on a date (counted once per date) and, given the branches' leadership history
 * (by organization id), whether it had a committee on a date: together they decide whether a 支委会 is
 * required. Without a history the branches' current committee fields decide.
 */
export const complianceUnits = (
  branches: ReadonlyArray<{ readonly branch: Organization; readonly groups: ReadonlyArray<Organization> }>,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  history?: ReadonlyMap<string, ReadonlyArray<LeadershipRecord>>
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
      ...(history === undefined ? {} : { hasCommitteeOn: committeeOn(branch, history.get(branch.id) ?? []) }),
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
