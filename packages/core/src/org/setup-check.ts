import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { finding, type Finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { isFullMember, isMember } from "./eligibility.js"
import type { Organization } from "./organization.js"
import {
  branchCommitteeSizeRule,
  branchMaximumMembersRule,
  branchMinimumFullMembersRule,
  branchSecretaryRule,
  committeeThresholdRule,
  generalBranchThresholdRule,
  jointBranchMaximumUnitsRule
} from "./rules-setup.js"

/**
 * 组织设置检查 — findings about how an organization is set up on `today` (rules.md §3.1–3.6):
 * a branch's full members, size, committee and secretary; a joint branch's units; the member
 * thresholds of general branches and committees. `members` are the members of the organization and
 * of those below it; only active ones count (see {@link isMember}, {@link isFullMember}).
 * Party groups and dissolved organizations give no findings.
 */
export const checkOrganization = (
  org: Organization,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  today: CivilDate
): ReadonlyArray<Finding> => {
  if (org.dissolvedOn !== null) return []
  // An appointed body (a 教育工委) is not set up by membership counts: the thresholds do not apply.
  if (org.formation === "appointed" && (org.kind === "committee" || org.kind === "generalBranch")) return []
  const subject = { kind: "organization", id: org.id } as const
  const memberCount = members.filter(isMember).length
  const out: Array<Finding> = []
  switch (org.kind) {
    case "branch":
    case "jointBranch":
      out.push(...branchFindings(org, members.filter(isFullMember).length, memberCount, profile, today))
      break
    case "generalBranch": {
      const threshold = ruleAt(profile, generalBranchThresholdRule, today)
      const above = ruleAt(profile, committeeThresholdRule, today)
      if (memberCount < threshold.parameters.minimumMembers) {
        out.push(
          finding(threshold, "warning", subject, {
            zh: `党总支有党员 ${memberCount} 人，不足 ${threshold.parameters.minimumMembers} 人，须经上级批准`,
            en: `the general branch has ${memberCount} members, fewer than ${threshold.parameters.minimumMembers}: it needs higher approval`
          })
        )
      }
      if (memberCount >= above.parameters.minimumMembers) {
        out.push(
          finding(above, "warning", subject, {
            zh: `党总支有党员 ${memberCount} 人，达到 ${above.parameters.minimumMembers} 人，可设立党的基层委员会`,
            en: `the general branch has ${memberCount} members, ${above.parameters.minimumMembers} or more: a committee may be set up`
          })
        )
      }
      break
    }
    case "committee": {
      const threshold = ruleAt(profile, committeeThresholdRule, today)
      if (memberCount < threshold.parameters.minimumMembers) {
        out.push(
          finding(threshold, "warning", subject, {
            zh: `党委有党员 ${memberCount} 人，不足 ${threshold.parameters.minimumMembers} 人，须经上级批准`,
            en: `the committee has ${memberCount} members, fewer than ${threshold.parameters.minimumMembers}: it needs higher approval`
          })
        )
      }
      break
    }
    case "partyGroup":
      break
  }
  return out
}

const branchFindings = (
  org: Organization,
  fullCount: number,
  memberCount: number,
  profile: RuleProfile,
  today: CivilDate
): ReadonlyArray<Finding> => {
  const subject = { kind: "organization", id: org.id } as const
  const out: Array<Finding> = []
  const minimum = ruleAt(profile, branchMinimumFullMembersRule, today)
  if (fullCount < minimum.parameters.minimum) {
    out.push(
      finding(minimum, "violation", subject, {
        zh: `党支部仅有正式党员 ${fullCount} 人，少于 ${minimum.parameters.minimum} 人`,
        en: `the branch has ${fullCount} full members, fewer than ${minimum.parameters.minimum}`
      })
    )
  }
  const maximum = ruleAt(profile, branchMaximumMembersRule, today)
  if (memberCount > maximum.parameters.maximum) {
    out.push(
      finding(maximum, "warning", subject, {
        zh: `党支部有党员 ${memberCount} 人，超过 ${maximum.parameters.maximum} 人，宜分设支部或设立党总支`,
        en: `the branch has ${memberCount} members, more than ${maximum.parameters.maximum}: consider splitting it or a general branch`
      })
    )
  }
  const committee = ruleAt(profile, branchCommitteeSizeRule, today)
  const { fullMembersForCommittee, minimum: least, maximum: most } = committee.parameters
  const size = org.leadership.committeeMemberIds.length
  if (fullCount >= fullMembersForCommittee && size === 0) {
    out.push(
      finding(committee, "violation", subject, {
        zh: `党支部有正式党员 ${fullCount} 人，应当设立支部委员会`,
        en: `the branch has ${fullCount} full members (${fullMembersForCommittee} or more): it must have a committee`
      })
    )
  } else if (fullCount >= fullMembersForCommittee && size < least) {
    out.push(
      finding(committee, "violation", subject, {
        zh: `支部委员会仅有 ${size} 人，应为 ${least} 人以上`,
        en: `the branch committee has ${size} members; it needs at least ${least}`
      })
    )
  } else if (size > most) {
    out.push(
      finding(committee, "warning", subject, {
        zh: `支部委员会有 ${size} 人，一般不超过 ${most} 人`,
        en: `the branch committee has ${size} members; it should generally have at most ${most}`
      })
    )
  } else if (fullCount < fullMembersForCommittee && size > 0) {
    out.push(
      finding(committee, "warning", subject, {
        zh: `正式党员不足 ${fullMembersForCommittee} 人的党支部不设支部委员会，只设书记（必要时设副书记1名）`,
        en: `a branch with fewer than ${fullMembersForCommittee} full members has no committee, only a secretary (and a deputy if needed)`
      })
    )
  }
  const secretary = ruleAt(profile, branchSecretaryRule, today)
  if (org.leadership.secretaryId === null) {
    out.push(finding(secretary, "violation", subject, { zh: "党支部未设书记", en: "the branch has no secretary" }))
  }
  const deputies = org.leadership.deputySecretaryIds.length
  if (deputies > secretary.parameters.maximumDeputies) {
    out.push(
      finding(secretary, "violation", subject, {
        zh: `党支部设副书记 ${deputies} 名，最多 ${secretary.parameters.maximumDeputies} 名`,
        en: `the branch has ${deputies} deputy secretaries; at most ${secretary.parameters.maximumDeputies}`
      })
    )
  }
  if (org.kind === "jointBranch") {
    const units = ruleAt(profile, jointBranchMaximumUnitsRule, today)
    if (org.units.length > units.parameters.maximum) {
      out.push(
        finding(units, "warning", subject, {
          zh: `联合党支部覆盖 ${org.units.length} 个单位，一般不超过 ${units.parameters.maximum} 个`,
          en: `the joint branch covers ${org.units.length} units; generally at most ${units.parameters.maximum}`
        })
      )
    }
  }
  return out
}
