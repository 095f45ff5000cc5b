import type { Member } from "../../src/member/member.js"
import { member } from "../support/records.js"

export { actor, member, org, schoolTree, TENANT } from "../support/records.js"

/** `count` active full members of `organizationId`, ids `${prefix}1`, `${prefix}2`, … */
export const fullMembers = (count: number, organizationId: string, prefix = "m"): ReadonlyArray<Member> =>
  Array.from({ length: count }, (_, i) => member(`${prefix}${i + 1}`, organizationId))

