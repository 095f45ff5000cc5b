import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { electionVotingRightsRule } from "./rules-election.js"
import { hasElectoralRights } from "./eligibility.js"
import { OrganizationRuleBroken } from "./errors.js"
import { Leadership, type Organization } from "./organization.js"
import { branchSecretaryRule } from "./rules-setup.js"

/**
 * 班子 as a change request: the same shape as {@link Leadership}, with the consistency the record
 * promises — no one twice, the secretary not also a deputy, and, when there is a committee, the
 * secretary and deputies among its members.
 */
export const LeadershipChange = Leadership.pipe(
  Schema.filter((l) => {
    const officers = [...(l.secretaryId === null ? [] : [l.secretaryId]), ...l.deputySecretaryIds]
    if (new Set(officers).size !== officers.length) return "the secretary and the deputies must be different people"
    if (new Set(l.committeeMemberIds).size !== l.committeeMemberIds.length) return "a committee member is listed twice"
    if (l.committeeMemberIds.length > 0 && officers.some((p) => !l.committeeMemberIds.includes(p))) {
      return "the secretary and deputies must be committee members"
    }
    return true
  })
)

/**
 * Checks a new leadership of a branch or joint branch on `on`: at most the deputies the rule allows,
 * and everyone in it an active full member of the branch (`members`) with the right to be elected.
 * Committees and general branches are not checked here: their members may come from anywhere in
 * their subtree or from outside the tenant.
 */
export const checkLeadership = (
  org: Organization,
  leadership: Leadership,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  on: CivilDate
): Either.Either<void, OrganizationRuleBroken> => {
  if (org.kind !== "branch" && org.kind !== "jointBranch") return Either.void
  const refuse = (rule: ResolvedRule, zh: string, en: string) =>
    Either.left(new OrganizationRuleBroken({ operation: "organization.update", organizationId: org.id, ...refusedBy(rule, { zh, en }) }))
  const secretary = ruleAt(profile, branchSecretaryRule, on)
  if (leadership.deputySecretaryIds.length > secretary.parameters.maximumDeputies) {
    return refuse(
      secretary,
      `副书记 ${leadership.deputySecretaryIds.length} 名，最多 ${secretary.parameters.maximumDeputies} 名`,
      `${leadership.deputySecretaryIds.length} deputy secretaries; at most ${secretary.parameters.maximumDeputies}`
    )
  }
  const people = new Set([
    ...(leadership.secretaryId === null ? [] : [leadership.secretaryId]),
    ...leadership.deputySecretaryIds,
    ...leadership.committeeMemberIds
  ])
  const byId = new Map(members.map((m) => [m.id as string, m]))
  const ineligible = [...people].filter((p) => {
    const m = byId.get(p)
    return m === undefined || !hasElectoralRights(m, on)
  })
  if (ineligible.length > 0) {
    return refuse(
      ruleAt(profile, electionVotingRightsRule, on),
      `${ineligible.join("、")} 不是本支部有被选举权的正式党员`,
      `${ineligible.join(", ")} are not full members of this branch with the right to be elected`
    )
  }
  return Either.void
}
