import * as Schema from "effect/Schema"
import type { electionCandidateMarginRule, electionQuorumRule, electionWinningMajorityRule } from "./rules-election.js"
import { half, leastExceeding, leastReaching, share } from "../vote/share.js"

/** 选举计算 — election arithmetic (rules.md §2.5–2.8). Counts are whole numbers of people or ballots. */

export type QuorumParameters = typeof electionQuorumRule.parameters.Type
/** The parameters of `org.election.candidateMargin`: how many more candidates than seats (差额). */
export type CandidateMarginParameters = typeof electionCandidateMarginRule.parameters.Type
/** The parameters of `org.election.winningMajority`: the share of votes a candidate needs to be elected. */
export type WinningMajorityParameters = typeof electionWinningMajorityRule.parameters.Type

const NATIONAL_QUORUM: QuorumParameters = share(4, 5)
const NATIONAL_MARGIN: CandidateMarginParameters = { percent: 20, minimumExtra: 1 }
const NATIONAL_MAJORITY: WinningMajorityParameters = half

/** Whether enough voters were present for an election, and the least number that would have been. */
export interface QuorumResult {
  readonly met: boolean
  /** The least number present that makes the election valid. */
  readonly minimumPresent: number
}

/**
 * 到会人数 — an election is valid only when the voters present are **more than** 4/5 of the voters
 * entitled to attend (rule `org.election.quorum`). Exactly 4/5 is not enough.
 */
export const electionQuorum = (
  counts: { readonly eligible: number; readonly present: number },
  parameters: QuorumParameters = NATIONAL_QUORUM
): QuorumResult => {
  const minimumPresent = leastExceeding(parameters, counts.eligible)
  return { met: counts.present >= minimumPresent, minimumPresent }
}

/**
 * 差额 — the least number of committee candidates for `seats` seats: 20% more, rounded up, and at
 * least one more than the seats (rule `org.election.candidateMargin`; 3 → 4, 5 → 6, 10 → 12). The
 * rule writes its margin as a whole percent, the share `percent/100` of the seats.
 */
export const minimumCandidates = (seats: number, parameters: CandidateMarginParameters = NATIONAL_MARGIN): number =>
  seats + Math.max(leastReaching(share(parameters.percent, 100), seats), parameters.minimumExtra)

const Count = Schema.Int.pipe(Schema.nonNegative())

/**
 * 计票 — one round of an election: seats to fill, voters present (实到会), ballots issued and
 * returned, and the votes for each candidate (by candidate id). A candidate cannot have more votes
 * than ballots returned, and no more ballots are issued than voters are present.
 */
export const ElectionTally = Schema.Struct({
  seats: Schema.Int.pipe(Schema.positive()),
  presentVoters: Count,
  ballotsIssued: Count,
  ballotsReturned: Count,
  votes: Schema.Record({ key: Schema.String, value: Count })
}).pipe(
  Schema.filter((t) => {
    if (t.ballotsIssued > t.presentVoters) return "more ballots issued than voters present"
    const over = Object.entries(t.votes).find(([, v]) => v > t.ballotsReturned)
    return over === undefined ? true : `candidate "${over[0]}" has more votes than ballots returned`
  })
)
export type ElectionTally = typeof ElectionTally.Type

/**
 * The outcome of one round:
 * - `void`: more ballots returned than issued; the round is held again (rule `org.election.ballots`);
 * - `decided`: the `winners` (at most `seats`), and `unfilledSeats` when too few candidates reached
 *   the majority (a further round, or fewer seats if the meeting agrees: a human decision);
 * - `tieAtLastSeat`: candidates with equal votes compete for the last seats; `winners` are those
 *   already elected and a re-vote among `tied` fills `seatsForTied`. The library never breaks a tie.
 */
export type ElectionResult =
  | { readonly _tag: "void"; readonly reason: "moreBallotsReturnedThanIssued" }
  | { readonly _tag: "decided"; readonly votesNeeded: number; readonly winners: ReadonlyArray<string>; readonly unfilledSeats: number }
  | {
      readonly _tag: "tieAtLastSeat"
      readonly votesNeeded: number
      readonly winners: ReadonlyArray<string>
      readonly tied: ReadonlyArray<string>
      readonly seatsForTied: number
    }

/**
 * 当选 — counts one round: a candidate needs votes **more than half of the voters present**
 * (rule `org.election.winningMajority`); when more pass than there are seats, the most votes win.
 * Expects a decoded {@link ElectionTally}.
 */
export const electionResult = (tally: ElectionTally, parameters: WinningMajorityParameters = NATIONAL_MAJORITY): ElectionResult => {
  if (tally.ballotsReturned > tally.ballotsIssued) return { _tag: "void", reason: "moreBallotsReturnedThanIssued" }
  const votesNeeded = leastExceeding(parameters, tally.presentVoters)
  const passed = Object.entries(tally.votes)
    .filter(([, votes]) => votes >= votesNeeded)
    .sort(([a, va], [b, vb]) => vb - va || (a < b ? -1 : a > b ? 1 : 0))
  if (passed.length <= tally.seats) {
    return { _tag: "decided", votesNeeded, winners: passed.map(([c]) => c), unfilledSeats: tally.seats - passed.length }
  }
  const lastSeatVotes = passed[tally.seats - 1]![1]
  if (passed[tally.seats]![1] < lastSeatVotes) {
    return { _tag: "decided", votesNeeded, winners: passed.slice(0, tally.seats).map(([c]) => c), unfilledSeats: 0 }
  }
  const winners = passed.filter(([, v]) => v > lastSeatVotes).map(([c]) => c)
  const tied = passed.filter(([, v]) => v === lastSeatVotes).map(([c]) => c)
  return { _tag: "tieAtLastSeat", votesNeeded, winners, tied, seatsForTied: tally.seats - winners.length }
}
