import * as Schema from "effect/Schema"
import { Cadence, cadenceAtLeastAsOften } from "../calendar/cadence.js"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"
import { LectureSpeaker } from "./kind.js"

/**
 * Cadence rules of 三会一课, 主题党日, 组织生活会, 民主评议 and 谈心谈话 (rules.md §1).
 * "一般每…" is a default a local profile may change; "至少" is a hard floor a profile may only raise.
 */

/** Parameters of a plain cadence rule. */
export const CadenceParameters = Schema.Struct({ cadence: Cadence })
export type CadenceParameters = typeof CadenceParameters.Type

/** Parameters of the party-lecture rule: how often, and who must lecture. */
export const LectureParameters = Schema.Struct({ cadence: Cadence, speaker: LectureSpeaker })
export type LectureParameters = typeof LectureParameters.Type

/** Parameters of the 组织生活会 rule: how often, and the quarter a yearly meeting falls in by default. */
export const OrgLifeMeetingParameters = Schema.Struct({
  cadence: Cadence,
  /** Only read when `cadence` is `yearly`; null means any quarter. */
  quarterWhenYearly: Schema.NullOr(Schema.Literal(1, 2, 3, 4))
})
export type OrgLifeMeetingParameters = typeof OrgLifeMeetingParameters.Type

const ZB2018 = regulations.ZB2018.effectiveFrom
const JG2019 = regulations.JG2019.effectiveFrom
const atLeastAsOften = (candidate: { readonly cadence: Cadence }, baseline: { readonly cadence: Cadence }) =>
  cadenceAtLeastAsOften(candidate.cadence, baseline.cadence)

/** 支部党员大会 — rules.md 1.1. */
export const generalAssemblyQuarterlyRule = defineRule({
  id: "meeting.generalAssembly.quarterly",
  title: { zh: "支部党员大会一般每季度召开1次", en: "The branch general meeting is held, as a rule, once a quarter" },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: ZB2018, parameters: { cadence: "quarterly" }, source: { regulation: "ZB2018", article: "第十一条" }, confidence: "certain" }]
})

/** 支部委员会会议 — rules.md 1.2; also called whenever needed. */
export const committeeMonthlyRule = defineRule({
  id: "meeting.committee.monthly",
  title: { zh: "支部委员会会议一般每月召开1次", en: "The branch committee meets, as a rule, once a month" },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: ZB2018, parameters: { cadence: "monthly" }, source: { regulation: "ZB2018", article: "第十二条" }, confidence: "certain" }]
})

/** 党小组会 — rules.md 1.3; only where the branch has formed party groups. */
export const partyGroupMonthlyRule = defineRule({
  id: "meeting.partyGroup.monthly",
  title: { zh: "党小组会一般每月召开1次", en: "Each party group meets, as a rule, once a month" },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: ZB2018, parameters: { cadence: "monthly" }, source: { regulation: "ZB2018", article: "第十三条" }, confidence: "certain" }]
})

/**
 * 党课 — rules.md 1.5. National texts only say members attend lectures 按期 (on schedule) and fix no
 * number (Q8); quarterly is the common provincial default, so the number is `unsure`.
 */
export const lectureCadenceRule = defineRule({
  id: "meeting.lecture.cadence",
  title: {
    zh: "党员按期参加党课（全国未规定次数，默认每季度1次）",
    en: "Members attend party lectures on schedule (no national number; quarterly by default)"
  },
  strength: "default",
  parameters: LectureParameters,
  versions: [
    { effectiveFrom: JG2019, parameters: { cadence: "quarterly", speaker: "any" }, source: { regulation: "JG2019", article: "第十六条" }, confidence: "unsure" }
  ]
})

/**
 * 书记讲党课 — rules.md 1.6/1.6b. Widely stated for branch secretaries; the national article for
 * school branches was not found (ZB2018 says it for 党委 secretaries, seen only in paraphrase).
 */
export const lectureSecretaryYearlyRule = defineRule({
  id: "meeting.lecture.secretaryYearly",
  title: { zh: "支部书记每年至少讲1次党课", en: "The branch secretary gives at least one party lecture a year" },
  strength: "hard",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: ZB2018, parameters: { cadence: "yearly" }, source: { regulation: "ZB2018" }, confidence: "likely" }],
  atLeastAsStrict: atLeastAsOften
})

/** 主题党日 — rules.md 1.7: one relatively fixed day each month. */
export const themeDayMonthlyRule = defineRule({
  id: "meeting.themeDay.monthly",
  title: { zh: "每月相对固定1天开展主题党日", en: "A theme party day on a relatively fixed day each month" },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: JG2019, parameters: { cadence: "monthly" }, source: { regulation: "JG2019", article: "第十六条" }, confidence: "certain" }]
})

/**
 * 组织生活会 — rules.md 1.8: at least once a year (hard), by default in Q4 (ZB2018 第十七条, from a
 * secondary quotation); the quarter is not part of the floor, so a profile may move it.
 */
export const orgLifeMeetingYearlyRule = defineRule({
  id: "meeting.orgLifeMeeting.yearly",
  title: {
    zh: "组织生活会每年至少召开1次，一般安排在第四季度",
    en: "An organizational-life meeting at least once a year, by default in the fourth quarter"
  },
  strength: "hard",
  parameters: OrgLifeMeetingParameters,
  versions: [
    { effectiveFrom: JG2019, parameters: { cadence: "yearly", quarterWhenYearly: 4 }, source: { regulation: "JG2019", article: "第十七条" }, confidence: "certain" }
  ],
  atLeastAsStrict: atLeastAsOften
})

/** 民主评议党员 — rules.md 1.9; may be combined with the 组织生活会. */
export const democraticEvaluationYearlyRule = defineRule({
  id: "meeting.democraticEvaluation.yearly",
  title: { zh: "民主评议党员一般每年开展1次", en: "Democratic evaluation of members, as a rule once a year" },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: JG2019, parameters: { cadence: "yearly" }, source: { regulation: "JG2019", article: "第十八条" }, confidence: "certain" }]
})

/**
 * 谈心谈话 — rules.md 1.11: committee members among themselves, with members, and members with each
 * other. One rule for the three pair types, each an obligation of its own (`talkPairs`): a year
 * missing one type is a gap of this rule; a plain `talks` record counts for all three.
 */
export const talksYearlyRule = defineRule({
  id: "meeting.talks.yearly",
  title: {
    zh: "支委之间、支委与党员之间、党员之间每年一般至少谈心谈话1次",
    en: "Heart-to-heart talks among committee members, with members and among members, as a rule at least once a year"
  },
  strength: "default",
  parameters: CadenceParameters,
  versions: [{ effectiveFrom: ZB2018, parameters: { cadence: "yearly" }, source: { regulation: "ZB2018", article: "第十九条" }, confidence: "likely" }]
})
