import * as Schema from "effect/Schema"
import { MemberStage, MemberStatus } from "../member/member.js"
import { OrganizationId } from "../tenant/ids.js"

/**
 * 人数统计 — how many members of one organization are at one stage in one status: one row of
 * `countMembers` (see `StoreShape`). Only groups with members are rows, so `count` is at least 1.
 */
export const MemberCount = Schema.Struct({
  organizationId: OrganizationId,
  stage: MemberStage,
  status: MemberStatus,
  count: Schema.Int.pipe(Schema.positive())
})
export type MemberCount = typeof MemberCount.Type

/** The fields a member is counted by. */
export type MemberCountKey = Pick<MemberCount, "organizationId" | "stage" | "status">

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The order of `countMembers`: by organization id, then stage, then status, each in code-unit order. */
export const compareMemberCounts = (a: MemberCountKey, b: MemberCountKey): number =>
  byCodeUnit(a.organizationId, b.organizationId) || byCodeUnit(a.stage, b.stage) || byCodeUnit(a.status, b.status)

/**
 * Groups members into counts per (organization, stage, status), in the order of
 * {@link compareMemberCounts}: what `countMembers` answers for these members. Adapters that hold
 * records in memory count with it.
 */
export const groupMemberCounts = (members: Iterable<MemberCountKey>): ReadonlyArray<MemberCount> => {
  const groups = new Map<string, { key: MemberCountKey; count: number }>()
  for (const m of members) {
    // Ids and enum values never hold U+0000, so it separates the parts of the key.
    const key = `${m.organizationId}\u0000${m.stage}\u0000${m.status}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { key: { organizationId: m.organizationId, stage: m.stage, status: m.status }, count: 1 })
    else group.count++
  }
  return [...groups.values()].map(({ key, count }) => ({ ...key, count })).sort(compareMemberCounts)
}
