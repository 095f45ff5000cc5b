import type { MeetingKind } from "./kind.js"

/**
 * 谈心谈话的三类对象 — the three pair types of heart-to-heart talks that rule `meeting.talks.yearly`
 * (rules.md 1.11) asks for each year: among committee members (班子成员之间), between committee
 * members and members (班子成员与党员之间), and among members (党员之间). Each is a meeting kind of
 * its own, counted and planned on its own under the one rule.
 */
export type TalkPair = "talksAmongCommittee" | "talksCommitteeWithMembers" | "talksAmongMembers"

/** The three pair types, in the order a plan and a compliance check list them. */
export const talkPairs: ReadonlyArray<TalkPair> = ["talksAmongCommittee", "talksCommitteeWithMembers", "talksAmongMembers"]

/**
 * True when a meeting of `kinds` counts as talks of the pair type `pair`: it names that type, or it
 * is a plain `talks` record. A plain `talks` keeps the meaning it had before the pair types were
 * recorded — the branch's 谈心谈话 under the one rule that names all three pairs — so it counts for
 * each of the three; record a pair type to count that type alone.
 */
export const countsAsTalkPair = (kinds: ReadonlyArray<string>, pair: TalkPair): boolean => kinds.includes(pair) || kinds.includes("talks" satisfies MeetingKind)
