import type { Member } from "../src/member/member.js"
import type { Organization } from "../src/org/organization.js"
import { before, path2026, walk } from "../test/member/fixtures.js"
import { member, org } from "../test/support/records.js"

/**
 * A county the size of the one in the research notes: 66 school branches and 1,510 members.
 * Each branch has 18 full members and 5 files in recruitment (two applicants, an activist, a
 * candidate, a probationary member) — 23 per branch, 1,518 in all.
 */
export const BRANCHES = 66

const recruitmentStages = [
  before(path2026, "applicationTalk"),
  before(path2026, "activistDesignation"),
  before(path2026, "candidateDesignation"),
  before(path2026, "introducersAssigned"),
  before(path2026, "conversionApplication")
]

// Walk each recruitment path once, then copy the file into every branch under new ids.
const templates = recruitmentStages.map((records) => walk(records, undefined, "2028-06-30"))

export const county = (): { organizations: ReadonlyArray<Organization>; members: ReadonlyArray<Member> } => {
  const organizations: Array<Organization> = [org("county", "committee", null)]
  const members: Array<Member> = []
  for (let b = 1; b <= BRANCHES; b++) {
    const branchId = `b${b}`
    organizations.push(org(branchId, "branch", "county"))
    for (let m = 1; m <= 18; m++) members.push(member(`${branchId}-m${m}`, branchId))
    for (const [i, file] of templates.entries()) {
      members.push({ ...file, id: `${branchId}-r${i}` as Member["id"], organizationId: branchId as Member["organizationId"] })
    }
  }
  return { organizations, members }
}
