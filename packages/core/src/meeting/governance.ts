import type { CivilDate } from "../calendar/civil-date.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Meeting, MajorMatter } from "./meeting.js"
import { majorMattersPriorDiscussionRule } from "./rules-governance.js"

/** The names of the 三重一大 matters. */
export const majorMatterNames: Readonly<Record<MajorMatter, { readonly zh: string; readonly en: string }>> = {
  developmentPlan: { zh: "学校发展规划", en: "the development plan" },
  cadreAppointment: { zh: "干部任免", en: "cadre appointments" },
  awardsAndPenalties: { zh: "奖惩", en: "awards and penalties" },
  professionalTitles: { zh: "职称评聘", en: "professional titles" },
  buildingProject: { zh: "基建项目", en: "a building project" },
  largeExpense: { zh: "大额资金使用", en: "a large expense" },
  other: { zh: "其他事项", en: "another matter" }
}

/** True when `discussion` is a 党组织会议 of the same organization, not later, that took up `matter`. */
const discussed = (decision: Meeting, discussion: Meeting | undefined, matter: MajorMatter): boolean => {
  if (discussion === undefined) return false
  return (
    discussion.kinds.includes("partyOrganizationMeeting") &&
  discussion.organizationId === decision.organizationId &&
  discussion.date <= decision.date &&
    discussion.resolutions.some((r) => r.matter === matter)
  )
}

/**
 * 前置研究 — a `flag` for each decision of a 校长办公会议 on a matter of the profile's 三重一大 list
 * that names no prior 党组织会议 discussion of that matter (or names one that is not a party
 * organization meeting of the school, is later, or did not take the matter up). `discussions` are the
 * meetings the decisions name (others are ignored). A flag asks the school to check; it decides nothing.
 */
export const majorMatterFindings = (
  decision: Meeting,
  discussions: ReadonlyArray<Meeting>,
  profile: RuleProfile,
  on: CivilDate = decision.date
): ReadonlyArray<Finding> => {
  if (!decision.kinds.includes("principalOfficeMeeting")) return []
  const rule = ruleAt(profile, majorMattersPriorDiscussionRule, on)
  const byId = new Map(discussions.map((m) => [m.id as string, m] as const))
  return decision.resolutions.flatMap((r) => {
    if (r.matter === undefined || !rule.parameters.matters.includes(r.matter)) return []
    const prior = r.priorDiscussionId === undefined ? undefined : byId.get(r.priorDiscussionId)
    if (discussed(decision, prior, r.matter)) return []
    const name = majorMatterNames[r.matter]
    return [
      finding(rule, "flag", { kind: "organization", id: decision.organizationId }, {
        zh: `${decision.date}校长办公会议决定“${r.title}”（${name.zh}），未见党组织会议事先研究讨论的记录`,
        en: `the principal's office meeting of ${decision.date} decided "${r.title}" (${name.en}) with no record of prior discussion by the party organization`
      })
    ]
  })
}
