import { generate } from "@zhibu/testing"
import type { Member } from "../src/member/member.js"
import type { Organization } from "../src/org/organization.js"

/**
 * The research county from `@zhibu/testing`'s generator (seed 3, as its figures give): one 教育工委
 * (`county`) over 66 school branches (`b01` … `b66`) and their party groups, 1,510 party members and
 * 140 files in recruitment, as they stand at the end of 2025.
 */
export const BRANCHES = 66

export const county = (): { organizations: ReadonlyArray<Organization>; members: ReadonlyArray<Member> } => {
  const world = generate({ scale: "county", seed: 3, year: 2025 })
  return { organizations: world.organizations, members: world.members }
}
