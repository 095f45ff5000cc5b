import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { statusOn } from "../member/sanctions.js"
import { stageOn } from "../member/stage.js"
import { hasVotingRights } from "../member/voting-rights.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { OrganizationId } from "../tenant/ids.js"

/** One member due at a meeting, and whether they had a vote that day. */
export interface RosterEntry {
  readonly member: Member
  readonly voting: boolean
}

/** The branch whose member files hold an organization's members: a 党小组's branch, else the organization itself. */
export const filingBranchId = (organization: Organization): OrganizationId =>
  organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id

/**
 * True when the member belongs to the organization's roster on `on`, as far as the member file shows:
 * filed under the branch (and placed in the group, for a 党小组), a probationary or full member that
 * day (so a member admitted or entered mid-period is due from that day on), and `active` that day (so a
 * member transferred out, suspended, lapsed or removed is due until the day before the change).
 * A member transferred in is due from the day the file begins in the branch (its `joinedOn`, admission
 * or entry); the file does not record an earlier branch.
 */
export const onRoster = (member: Member, organization: Organization, on: CivilDate, profile: RuleProfile): boolean => {
  if (member.organizationId !== filingBranchId(organization)) return false
  if (organization.kind === "partyGroup" && member.partyGroupId !== organization.id) return false
  const stage = stageOn(member, on, profile)
  return (stage === "probationary" || stage === "full") && statusOn(member, on) === "active"
}

/**
 * 应到会党员 — the organization's members on `on`, in id order, each with their voting right that day
 * (rules.md §2.2: 预备党员 attend but have no vote; nor members under 留党察看 or 留置). Attendance due at a
 * branch or group meeting is exactly this roster.
 */
export const rosterOn = (
  members: ReadonlyArray<Member>,
  organization: Organization,
  on: CivilDate,
  profile: RuleProfile
): ReadonlyArray<RosterEntry> =>
  members
    .filter((m) => onRoster(m, organization, on, profile))
    .map((member) => ({ member, voting: hasVotingRights(member, on, profile).votes }))
    .sort((a, b) => (a.member.id < b.member.id ? -1 : a.member.id > b.member.id ? 1 : 0))

/** 有表决权的党员 — the voting members of a branch (or group) on `on`: the roster's members with a vote. */
export const votingMembersOn = (
  members: ReadonlyArray<Member>,
  organization: Organization,
  on: CivilDate,
  profile: RuleProfile
): ReadonlyArray<Member> =>
  rosterOn(members, organization, on, profile)
    .filter((e) => e.voting)
    .map((e) => e.member)

/** How many full members (正式党员, active) the branch has on `on`: decides whether a 支委会 is required. */
export const fullMembersOn = (members: ReadonlyArray<Member>, branch: Organization, on: CivilDate, profile: RuleProfile): number =>
  members.filter((m) => m.organizationId === branch.id && statusOn(m, on) === "active" && stageOn(m, on, profile) === "full").length
