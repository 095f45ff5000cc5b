import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"
import { atLeastAsLarge, half, Share, share } from "../vote/share.js"

/** Election arithmetic rules (rules.md §2.2, 2.5–2.8). */


/**
 * 选举有效人数 — voters present must be **more than** 4/5 of those entitled to attend, or the
 * election is void. 4/5 is certain; the strict "more than" is likely (one source says 不少于).
 */
export const electionQuorumRule = defineRule({
  id: "org.election.quorum",
  title: { zh: "有选举权的到会人数超过应到会人数的五分之四，选举有效", en: "An election is valid when more than 4/5 of eligible voters attend" },
  strength: "hard",
  parameters: Share,
  versions: [
    { effectiveFrom: civilDate("2020-07-13"), parameters: share(4, 5), source: { regulation: "XJ2020" }, confidence: "likely" }
  ],
  atLeastAsStrict: atLeastAsLarge
})

/**
 * 差额选举 — committee candidates exceed the seats by at least 20%. Rounded up, and at least one more
 * candidate than seats (rules.md Q3: common practice, not confirmed in the text).
 */
export const electionCandidateMarginRule = defineRule({
  id: "org.election.candidateMargin",
  title: { zh: "委员候选人数多于应选人数20%（向上取整，至少多1人）", en: "Committee candidates exceed seats by at least 20% (rounded up, at least one more)" },
  strength: "hard",
  parameters: Schema.Struct({ percent: Schema.Int.pipe(Schema.nonNegative()), minimumExtra: Schema.Int.pipe(Schema.nonNegative()) }),
  versions: [
    {
      effectiveFrom: civilDate("2020-07-13"),
      parameters: { percent: 20, minimumExtra: 1 },
      source: { regulation: "XJ2020", article: "第十三条" },
      confidence: "likely"
    }
  ],
  atLeastAsStrict: (c, b) => c.percent >= b.percent && c.minimumExtra >= b.minimumExtra
})

/**
 * 选票有效 — the election is valid when no more ballots come back than were issued; otherwise it is
 * void and the vote is held again (XJ1990 第十九、二十条; presumed kept in 2020, article not seen).
 */
export const electionBallotsRule = defineRule({
  id: "org.election.ballots",
  title: { zh: "收回的选票数不多于发出的选票数，选举有效", en: "An election is valid when ballots returned do not exceed ballots issued" },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [{ effectiveFrom: civilDate("2020-07-13"), parameters: {}, source: { regulation: "XJ2020" }, confidence: "likely" }]
})

/** 当选 — a candidate is elected with votes **more than half of the voters present** (实到会). */
export const electionWinningMajorityRule = defineRule({
  id: "org.election.winningMajority",
  title: { zh: "得票超过实到会有选举权人数的半数始得当选", en: "Elected with votes from more than half of the voters present" },
  strength: "hard",
  parameters: Share,
  versions: [
    { effectiveFrom: civilDate("2020-07-13"), parameters: half, source: { regulation: "XJ2020" }, confidence: "certain" }
  ],
  atLeastAsStrict: atLeastAsLarge
})

/**
 * 选举权和被选举权 — only active full members vote and stand; not 预备党员, not members under
 * 留党察看 while it lasts, not members under 留置.
 */
export const electionVotingRightsRule = defineRule({
  id: "org.election.votingRights",
  title: { zh: "只有正式党员有表决权、选举权和被选举权", en: "Only full members vote, elect and stand for election" },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [
    { effectiveFrom: civilDate("2020-07-13"), parameters: {}, source: { regulation: "XJ2020", article: "第五条" }, confidence: "certain" }
  ]
})
