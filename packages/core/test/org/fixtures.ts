import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import { member, org } from "../support/records.js"

export { actor, member, org, TENANT } from "../support/records.js"

/** `count` active full members of `organizationId`, ids `${prefix}1`, `${prefix}2`, … */
export const fullMembers = (count: number, organizationId: string, prefix = "m"): ReadonlyArray<Member> =>
  Array.from({ length: count }, (_, i) => member(`${prefix}${i + 1}`, organizationId))

/**
 * A county committee over a school committee with two branches; branch b1 has party group g1.
 *   county ─ school ─┬─ b1 ─ g1
 *                    └─ b2
 */
export const schoolTree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school"),
  org("b2", "branch", "school"),
  org("g1", "partyGroup", "b1")
]
