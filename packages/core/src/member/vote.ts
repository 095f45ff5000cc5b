import type { Message } from "../i18n/message.js"
import { exceeds, leastExceeding } from "../vote/share.js"
import type { MembershipVoteParameters } from "./rules-admission.js"
import type { VoteTally } from "./step.js"

/**
 * Which part of an admission or conversion vote failed:
 * - `tally`: the counts do not add up (more ballots than people, no one due to vote);
 * - `attendance`: 实到 voting members did not exceed the share of 应到;
 * - `majority`: yes votes, written opinions included, did not exceed the share of 应到.
 */
export type MembershipVoteThreshold = "tally" | "attendance" | "majority"

/** 表决结果 — the outcome of an admission or conversion vote, with the numbers it was judged on. */
export interface MembershipVoteResult {
  readonly passed: boolean
  /** The thresholds that failed, in the order above; empty when the vote passed. */
  readonly failed: ReadonlyArray<MembershipVoteThreshold>
  /** 赞成票: yes votes at the meeting plus written yes opinions of absent voting members. */
  readonly votesFor: number
  /** The least number of voting members present that meets the attendance threshold. */
  readonly attendanceNeeded: number
  /** The least number of yes votes that adopts the resolution. */
  readonly votesNeeded: number
  /** Why the tally is inconsistent, when `tally` failed. */
  readonly tallyProblem?: Message
}

const tallyProblem = (t: VoteTally): Message | undefined => {
  if (t.dueVoting === 0) return { zh: "应到会有表决权的党员人数为0", en: "no voting member is due to attend" }
  if (t.yes + t.no + t.abstain > t.presentVoting)
    return { zh: "票数多于实到会有表决权的党员", en: "more votes than voting members present" }
  if (t.presentVoting + t.writtenYes + t.writtenNo > t.dueVoting)
    return {
      zh: "实到人数与书面意见人数之和多于应到人数",
      en: "members present plus written opinions exceed the members due"
    }
  return undefined
}

/**
 * 接收预备党员/转正表决 (rules.md §2.4): the vote stands only when voting members present exceed
 * the attendance share of those due (应到), and the resolution is adopted when yes votes — with the
 * written opinions of absent voting members, which count as votes — exceed the pass share of 应到.
 * Both shares are ½ nationally (`member.admission.vote`, `member.conversion.vote`).
 */
export const judgeMembershipVote = (tally: VoteTally, parameters: MembershipVoteParameters): MembershipVoteResult => {
  const votesFor = tally.yes + tally.writtenYes
  const problem = tallyProblem(tally)
  const failed: Array<MembershipVoteThreshold> = []
  if (problem !== undefined) failed.push("tally")
  const { attendance, pass } = parameters
  if (!exceeds(attendance, tally.presentVoting, tally.dueVoting)) failed.push("attendance")
  if (!exceeds(pass, votesFor, tally.dueVoting)) failed.push("majority")
  return {
    passed: failed.length === 0,
    failed,
    votesFor,
    attendanceNeeded: leastExceeding(attendance, tally.dueVoting),
    votesNeeded: leastExceeding(pass, tally.dueVoting),
    ...(problem === undefined ? {} : { tallyProblem: problem })
  }
}
