import { addDays, addMonths, type CivilDate } from "../calendar/civil-date.js"
import { fileState } from "../member/file-state.js"
import type { Member } from "../member/member.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { isPending, type TransferLetter } from "./letter.js"
import { pocketMemberSignalRule, receiptDeadlineRule } from "./rules-letter.js"
import { probationPostponementRule } from "./rules-probation.js"

/** Letters this tenant sent and waits on (a receipt from elsewhere, or the receiving branch here). */
const sentAndPending = (letter: TransferLetter): boolean => letter.direction !== "in" && isPending(letter)

/**
 * 回执提示 — for the sending branch: each letter it issued that is not received by its last valid day
 * (plus the rule's grace days) is a `flag` from the day after (rule `transfer.receipt.deadline`): the
 * branch contacts the receiving organization or issues a new letter. Nothing before.
 */
export const receiptFindings = (letters: ReadonlyArray<TransferLetter>, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> =>
  letters.filter(sentAndPending).flatMap((letter) => {
    const rule = ruleAt(profile, receiptDeadlineRule, letter.issuedOn)
    const due = addDays(letter.validUntil, rule.parameters.graceDays)
    if (today <= due) return []
    return [
      finding(
        rule,
        "flag",
        { kind: "organization", id: letter.organizationId },
        {
          zh: `${letter.memberName}的介绍信 ${letter.letterNumber}（${letter.issuedOn}开具，转往${letter.to.name}）有效期至${letter.validUntil}，至今未收到回执`,
          en: `no receipt for ${letter.memberName}'s letter ${letter.letterNumber} (issued ${letter.issuedOn} to ${letter.to.name}), valid until ${letter.validUntil}`
        },
        due
      )
    ]
  })

/**
 * 口袋党员 — for the county: each member transferred out and not received anywhere from the day the
 * rule's months after the issue date complete (rule `transfer.pocketMember.signal`). A `flag`: the
 * county finds out where the member is; the library decides nothing.
 */
export const pocketMemberSignals = (letters: ReadonlyArray<TransferLetter>, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> =>
  letters.filter(sentAndPending).flatMap((letter) => {
    const rule = ruleAt(profile, pocketMemberSignalRule, letter.issuedOn)
    const since = addMonths(letter.issuedOn, rule.parameters.months)
    if (today < since) return []
    return [
      finding(
        rule,
        "flag",
        { kind: "member", id: letter.memberId },
        {
          zh: `${letter.memberName}自${letter.issuedOn}持介绍信 ${letter.letterNumber} 转出，已满${rule.parameters.months}个月未被任何党组织接收（疑似“口袋党员”）`,
          en: `${letter.memberName} left with letter ${letter.letterNumber} on ${letter.issuedOn} and has not been received anywhere for ${rule.parameters.months} months (a possible pocket member)`
        },
        since
      )
    ]
  })

/** The probation end of a member received on probation, and the last day its conversion may be discussed. */
export interface PostponedConversion {
  readonly probationEnd: CivilDate
  readonly latestMeeting: CivilDate
}

/**
 * 推迟讨论转正 (rules.md 4.29) — for a probationary member received by a letter while on probation
 * (`within` or `in`), the last day the branch may discuss the conversion: the probation end plus the
 * rule's months (`transfer.probation.postponement`); undefined for anyone else. A conversion then
 * still dates from the probation end (the recruitment file does that: `partyStandingStart`).
 */
export const postponedConversion = (
  member: Member,
  letters: ReadonlyArray<TransferLetter>,
  profile: RuleProfile
): PostponedConversion | undefined => {
  const received = letters.some(
    (l) => l.memberId === member.id && l.direction !== "out" && l.receivedOn !== null && l.stage === "probationary"
  )
  if (!received || member.status !== "active") return undefined
  const state = fileState(member, profile)
  if (state.stage !== "probationary" || state.probationEnd === undefined) return undefined
  const rule = ruleAt(profile, probationPostponementRule, state.probationEnd)
  return { probationEnd: state.probationEnd, latestMeeting: addMonths(state.probationEnd, rule.parameters.months) }
}

/**
 * The conversion findings of a transferred-in probationary member on `today` (rule
 * `transfer.probation.postponement`): from the probation end until the conversion is discussed, a
 * `reminder` due on the last day the discussion may be postponed to; after that day, a `violation`.
 * Nothing once the branch meeting on the conversion is recorded, or before the probation ends.
 */
export const postponementFindings = (
  member: Member,
  letters: ReadonlyArray<TransferLetter>,
  profile: RuleProfile,
  today: CivilDate
): ReadonlyArray<Finding> => {
  const postponed = postponedConversion(member, letters, profile)
  if (postponed === undefined || today < postponed.probationEnd) return []
  if (fileState(member, profile).pendingConversion !== undefined) return []
  const rule = ruleAt(profile, probationPostponementRule, postponed.probationEnd)
  const subject = { kind: "member", id: member.id } as const
  const { probationEnd, latestMeeting } = postponed
  const months = rule.parameters.months
  return today <= latestMeeting
    ? [
        finding(
          rule,
          "reminder",
          subject,
          {
            zh: `${member.name}为转入的预备党员，预备期${probationEnd}期满，可推迟讨论转正，最迟${latestMeeting}（不超过${months}个月），转正时间自预备期满之日算起`,
            en: `${member.name} was received on probation, which ended on ${probationEnd}: the conversion may be discussed up to ${latestMeeting} (${months} months at most) and dates from the probation end`
          },
          latestMeeting
        )
      ]
    : [
        finding(
          rule,
          "violation",
          subject,
          {
            zh: `${member.name}为转入的预备党员，预备期${probationEnd}期满，推迟讨论转正已超过${months}个月（最迟${latestMeeting}）`,
            en: `${member.name} was received on probation, which ended on ${probationEnd}: the conversion was not discussed within ${months} months (by ${latestMeeting})`
          },
          latestMeeting
        )
      ]
}
