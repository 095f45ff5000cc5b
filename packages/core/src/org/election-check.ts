import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { PersonId } from "../tenant/ids.js"
import { ElectionTally, electionQuorum, electionResult, minimumCandidates } from "./election.js"
import {
  electionBallotsRule,
  electionCandidateMarginRule,
  electionQuorumRule,
  electionVotingRightsRule,
  electionWinningMajorityRule
} from "./rules-election.js"
import { hasElectoralRights, isFullMember } from "./eligibility.js"
import { OrganizationRuleBroken } from "./errors.js"
import type { Leadership, Organization, Term } from "./organization.js"
import { branchCommitteeSizeRule, branchSecretaryRule } from "./rules-setup.js"
import { termLengthRule } from "./rules-term.js"

/**
 * 换届选举 — what a 党员大会 elected: a committee (`committee`, the committee then chose the secretary
 * and deputies among its members) or, in a branch without a committee, the secretary and deputies
 * directly (`secretary`). Candidates are person ids.
 */
export const ElectionRecord = Schema.Struct({
  electedOn: CivilDate,
  elects: Schema.Literal("committee", "secretary"),
  /** 应到会有选举权的党员 — voters entitled to attend. */
  eligibleVoters: Schema.Int.pipe(Schema.nonNegative()),
  tally: ElectionTally,
  secretaryId: PersonId,
  deputySecretaryIds: Schema.optionalWith(Schema.Array(PersonId), { default: () => [] })
}).pipe(
  Schema.filter((r) => {
    if (r.tally.presentVoters > r.eligibleVoters) return "more voters present than entitled to attend"
    const bad = Object.keys(r.tally.votes).find((c) => !Schema.is(PersonId)(c))
    return bad === undefined ? true : `candidate "${bad}" is not a person id`
  })
)
export type ElectionRecord = typeof ElectionRecord.Type

const isBranch = (org: Organization) => org.kind === "branch" || org.kind === "jointBranch"

/**
 * Checks an election against the rules in force on its date and returns the new leadership and
 * term: quorum, 差额 (committee elections), ballots, majority (no tie, no unfilled seat), the
 * candidates' electoral rights among `members` (the organization's and those below it), the
 * committee rule for branches, and that the secretary and deputies were elected. The term length
 * is the profile's for the organization's kind.
 */
export const checkElection = (
  org: Organization,
  record: ElectionRecord,
  members: ReadonlyArray<Member>,
  profile: RuleProfile
): Either.Either<{ readonly leadership: Leadership; readonly term: Term }, OrganizationRuleBroken> => {
  const on = record.electedOn
  const refuse = (rule: ResolvedRule, zh: string, en: string) =>
    Either.left(new OrganizationRuleBroken({ operation: "organization.recordElection", organizationId: org.id, ...refusedBy(rule, { zh, en }) }))
  const { tally } = record
  if (org.kind === "partyGroup") {
    return refuse(ruleAt(profile, termLengthRule, on), "党小组不经选举，组长由支部指定或推选", "a party group is not elected; the branch appoints its leader")
  }
  if (org.formation === "appointed") {
    return refuse(
      ruleAt(profile, termLengthRule, on),
      `${org.name}由上级党委任命，不经选举；如已改为选举产生，请先修改组建方式`,
      `${org.name} is appointed by the higher committee, not elected; change its formation first if it is now elected`
    )
  }
  const quorumRule = ruleAt(profile, electionQuorumRule, on)
  const quorum = electionQuorum({ eligible: record.eligibleVoters, present: tally.presentVoters }, quorumRule.parameters)
  if (!quorum.met) {
    return refuse(
      quorumRule,
      `应到 ${record.eligibleVoters} 人，实到 ${tally.presentVoters} 人，至少需到会 ${quorum.minimumPresent} 人`,
      `${tally.presentVoters} of ${record.eligibleVoters} voters present; at least ${quorum.minimumPresent} are needed`
    )
  }
  const candidates = Object.keys(tally.votes)
  if (record.elects === "committee") {
    const margin = ruleAt(profile, electionCandidateMarginRule, on)
    const least = minimumCandidates(tally.seats, margin.parameters)
    if (candidates.length < least) {
      return refuse(
        margin,
        `应选 ${tally.seats} 人，候选人 ${candidates.length} 人，至少需 ${least} 人`,
        `${candidates.length} candidates for ${tally.seats} seats; at least ${least} are needed`
      )
    }
  }
  const majority = ruleAt(profile, electionWinningMajorityRule, on)
  const result = electionResult(tally, majority.parameters)
  if (result._tag === "void") {
    return refuse(
      ruleAt(profile, electionBallotsRule, on),
      `收回选票 ${tally.ballotsReturned} 张，多于发出的 ${tally.ballotsIssued} 张，选举无效，应重新选举`,
      `${tally.ballotsReturned} ballots returned, more than the ${tally.ballotsIssued} issued: the election is void, vote again`
    )
  }
  if (result._tag === "tieAtLastSeat") {
    return refuse(
      majority,
      `${result.tied.join("、")} 得票相等，争 ${result.seatsForTied} 个席位，应就票数相等的候选人再次投票`,
      `${result.tied.join(", ")} tie for ${result.seatsForTied} seat(s): hold another vote among them`
    )
  }
  if (result.unfilledSeats > 0) {
    return refuse(
      majority,
      `${result.unfilledSeats} 个席位无人得票超过实到人数半数（${result.votesNeeded} 票），应另行选举或经大会同意减少名额`,
      `${result.unfilledSeats} seat(s) unfilled (${result.votesNeeded} votes needed): hold another round, or reduce the seats if the meeting agrees, then record again`
    )
  }
  const rights = ruleAt(profile, electionVotingRightsRule, on)
  const byId = new Map(members.map((m) => [m.id as string, m]))
  const ineligible = candidates.filter((c) => {
    const m = byId.get(c)
    return m === undefined || !hasElectoralRights(m, on)
  })
  if (ineligible.length > 0) {
    return refuse(
      rights,
      `候选人 ${ineligible.join("、")} 不是本组织有被选举权的正式党员`,
      `candidate(s) ${ineligible.join(", ")} are not full members of this organization with the right to stand`
    )
  }
  if (isBranch(org)) {
    const committee = ruleAt(profile, branchCommitteeSizeRule, on)
    const full = members.filter(isFullMember).length
    if (record.elects === "secretary" && full >= committee.parameters.fullMembersForCommittee) {
      return refuse(committee, `正式党员 ${full} 人，应选举支部委员会`, `${full} full members: the branch must elect a committee`)
    }
    if (record.elects === "committee" && tally.seats < committee.parameters.minimum) {
      return refuse(
        committee,
        `支部委员会应选 ${tally.seats} 人，至少 ${committee.parameters.minimum} 人`,
        `a branch committee of ${tally.seats} seats; at least ${committee.parameters.minimum}`
      )
    }
    const secretary = ruleAt(profile, branchSecretaryRule, on)
    if (record.deputySecretaryIds.length > secretary.parameters.maximumDeputies) {
      return refuse(
        secretary,
        `副书记 ${record.deputySecretaryIds.length} 名，最多 ${secretary.parameters.maximumDeputies} 名`,
        `${record.deputySecretaryIds.length} deputy secretaries; at most ${secretary.parameters.maximumDeputies}`
      )
    }
  }
  const winners = result.winners as ReadonlyArray<PersonId>
  const officers = [record.secretaryId, ...record.deputySecretaryIds]
  const notElected = officers.filter((p) => !winners.includes(p))
  const duplicated = new Set(officers).size !== officers.length
  const extra = record.elects === "secretary" && winners.length !== officers.length
  if (notElected.length > 0 || duplicated || extra) {
    return refuse(
      majority,
      `书记、副书记应从当选人中产生且各不相同（当选：${winners.join("、")}）`,
      `the secretary and deputies must be distinct people among those elected (elected: ${winners.join(", ")})`
    )
  }
  const lengths = ruleAt(profile, termLengthRule, on).parameters
  const years = lengths[org.kind]
  return Either.right({
    leadership: {
      secretaryId: record.secretaryId,
      deputySecretaryIds: record.deputySecretaryIds,
      committeeMemberIds: record.elects === "committee" ? winners : []
    },
    term: { electedOn: on, years }
  })
}
