import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { MeetingRejected } from "./errors.js"
import type { Resolution } from "./meeting.js"
import { generalAssemblyVote, meetingQuorum, type QuorumBody } from "./quorum.js"
import { majorMattersPriorDiscussionRule } from "./rules-governance.js"
import type { Threshold } from "./threshold.js"

/** "超过1/2" / "more than 1/2", "2/3以上" / "at least 2/3". */
export const thresholdText = (t: Threshold): Message => {
  const share = `${t.numerator}/${t.denominator}`
  return t.inclusive ? { zh: `${share}以上`, en: `at least ${share}` } : { zh: `超过${share}`, en: `more than ${share}` }
}

const refuse = (meetingId: string, rule: ResolvedRule, text: Message) => Either.left(new MeetingRejected({ meetingId, ...refusedBy(rule, text) }))

/** The names of the bodies in refusals. */
const bodyNames: Readonly<Record<QuorumBody, Message>> = {
  generalAssembly: { zh: "有表决权的党员", en: "voting members" },
  committee: { zh: "支部委员", en: "committee members" },
  partyOrganizationMeeting: { zh: "党组织班子成员", en: "members of the party organization" },
  principalOfficeMeeting: { zh: "行政班子成员", en: "members of the administrative team" }
}

/** The threshold a body's quorum uses (for the refusal's text). */
const quorumThreshold = (body: QuorumBody, rule: ResolvedRule, keyMatters: boolean): Threshold => {
  const p = rule.parameters as { attendance: Threshold; keyMattersAttendance?: Threshold }
  return body === "partyOrganizationMeeting" && keyMatters && p.keyMattersAttendance !== undefined ? p.keyMattersAttendance : p.attendance
}

/**
 * 法定人数检查 — refuses a meeting whose body did not have its quorum (rules.md 2.1, 2.3, 2.10), naming
 * the rule, the threshold and the shortfall: "有表决权的党员应到15人、实到7人，须超过1/2（至少8人），差1人".
 */
export const checkQuorum = (
  meetingId: string,
  body: QuorumBody,
  due: number,
  present: number,
  keyMatters: boolean,
  profile: RuleProfile,
  on: CivilDate
): Either.Either<void, MeetingRejected> => {
  const result = meetingQuorum(body, { due, present, keyMatters }, profile, on)
  if (result.met) return Either.void
  const t = thresholdText(quorumThreshold(body, result.rule, keyMatters))
  const short = result.minimumPresent - present
  const who = bodyNames[body]
  return refuse(meetingId, result.rule, {
    zh: `${who.zh}应到${due}人、实到${present}人，须${t.zh}（至少${result.minimumPresent}人），差${short}人`,
    en: `${present} of ${due} ${who.en} present; the quorum is ${t.en} (at least ${result.minimumPresent}): ${short} short`
  })
}

/**
 * 党员大会表决 — each resolution marked passed must have yes votes exceeding the share of the voting
 * members who should attend (rules.md 2.1: the denominator is 应到, not 实到); votes cast cannot exceed
 * the voting members present.
 */
export const checkAssemblyResolutions = (
  meetingId: string,
  resolutions: ReadonlyArray<Resolution>,
  dueVoting: number,
  presentVoting: number,
  profile: RuleProfile,
  on: CivilDate
): Either.Either<void, MeetingRejected> => {
  for (const r of resolutions) {
    const result = generalAssemblyVote({ dueVoting, presentVoting, yes: r.votes.yes }, profile, on)
    const cast = r.votes.yes + r.votes.no + r.votes.abstain
    if (cast > presentVoting) {
      return refuse(meetingId, result.rule, {
        zh: `决议“${r.title}”共${cast}票，多于实到有表决权的党员${presentVoting}人`,
        en: `resolution "${r.title}" has ${cast} votes, more than the ${presentVoting} voting members present`
      })
    }
    if (!r.passed) continue
    const passing = (result.rule.parameters as { passing: Threshold }).passing
    if (!result.passed) {
      const t = thresholdText(passing)
      const short = result.yesNeeded - r.votes.yes
      return refuse(meetingId, result.rule, {
        zh: `决议“${r.title}”赞成${r.votes.yes}票，须${t.zh}应到会有表决权党员${dueVoting}人（至少${result.yesNeeded}票），差${short}票，不能记为通过`,
        en: `resolution "${r.title}" has ${r.votes.yes} yes votes; passing needs ${t.en} of the ${dueVoting} voting members who should attend (at least ${result.yesNeeded}): ${short} short, so it cannot be recorded as passed`
      })
    }
  }
  return Either.void
}

/** True when a school 党组织会议 decides a matter that needs the key-matters quorum (cadre appointments by default). */
export const decidesKeyMatters = (resolutions: ReadonlyArray<Resolution>, profile: RuleProfile, on: CivilDate): boolean => {
  const keyMatters = ruleAt(profile, majorMattersPriorDiscussionRule, on).parameters.keyMatters
  return resolutions.some((r) => r.matter !== undefined && keyMatters.includes(r.matter))
}
