import type { CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { convenerRule } from "./rules-conduct.js"

/** The role of the person who convened and chaired a meeting. */
export type ChairRole = "secretary" | "deputySecretary" | "committeeMember" | "groupLeader" | "other"

/** The meetings whose chair the convener rule names. */
export type ChairedMeeting = "generalAssembly" | "committee" | "partyGroup"

/**
 * 召集和主持 — whether `chair` may convene and chair the meeting (rules.md 1.4): the secretary for the
 * 党员大会 and 支委会, or the deputy secretary or a committee member the secretary asked to
 * (`delegatedBySecretary`); the group leader for the 党小组会.
 */
export const mayChair = (
  meeting: ChairedMeeting,
  chair: ChairRole,
  delegatedBySecretary: boolean,
  profile: RuleProfile,
  on: CivilDate
): { readonly allowed: boolean; readonly rule: ResolvedRule } => {
  const rule = ruleAt(profile, convenerRule, on)
  const named = rule.parameters[meeting]
  if (chair === named) return { allowed: true, rule }
  const delegate = chair === "deputySecretary" || chair === "committeeMember"
  const allowed = named === "secretary" && delegate && delegatedBySecretary && rule.parameters.secretaryMayDelegate
  return { allowed, rule }
}
