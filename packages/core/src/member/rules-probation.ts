import * as Schema from "effect/Schema"
import { defineRule } from "../profile/rule.js"
import { half } from "../vote/share.js"
import { MembershipVoteParameters, voteAtLeastAsStrict } from "./rules-admission.js"
import { recruitmentVersions } from "./recruitment-versions.js"

/** Rules of stage five, 预备党员的教育考察和转正 (rules.md 4.23–4.28). 2014 articles are one further on. */

/** 预备期 — one year, counted from the day the 支部党员大会 adopted the admission (not the approval). */
export const probationLengthRule = defineRule({
  id: "member.probation.length",
  title: {
    zh: "预备期为一年，从支部大会通过其为预备党员之日起计算",
    en: "Probation lasts 1 year from the day the branch general meeting admitted the member"
  },
  strength: "hard",
  parameters: Schema.Struct({ years: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { years: 1 }, article: "第三十二条", confidence: "likely" },
    { parameters: { years: 1 }, article: "第三十一条", confidence: "certain" }
  )
})

/** 延长预备期 — once, for at least 6 months and at most one year. */
export const probationExtensionRule = defineRule({
  id: "member.probation.extension",
  title: {
    zh: "延长预备期只能一次，最短不少于半年，最长不超过一年",
    en: "Probation may be extended once, by 6 to 12 months"
  },
  strength: "hard",
  parameters: Schema.Struct({
    minimumMonths: Schema.Int.pipe(Schema.positive()),
    maximumMonths: Schema.Int.pipe(Schema.positive()),
    maximumTimes: Schema.Int.pipe(Schema.nonNegative())
  }),
  versions: recruitmentVersions(
    { parameters: { minimumMonths: 6, maximumMonths: 12, maximumTimes: 1 }, article: "第三十二条", confidence: "likely" },
    { parameters: { minimumMonths: 6, maximumMonths: 12, maximumTimes: 1 }, article: "第三十一条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) =>
    c.minimumMonths >= b.minimumMonths &&
    c.maximumMonths <= b.maximumMonths &&
    c.minimumMonths <= c.maximumMonths &&
    c.maximumTimes <= b.maximumTimes
})

/** 转正表决 — the same thresholds as the admission vote (rules.md §2.4). */
export const conversionVoteRule = defineRule({
  id: "member.conversion.vote",
  title: {
    zh: "讨论预备党员转正：实到会有表决权的党员超过应到会的半数，赞成人数超过应到会有表决权的党员的半数",
    en: "Conversion vote: more than half of the voting members present, and yes votes from more than half of those due"
  },
  strength: "hard",
  parameters: MembershipVoteParameters,
  versions: recruitmentVersions(
    { parameters: { attendance: half, pass: half }, article: "第三十三条", confidence: "likely" },
    { parameters: { attendance: half, pass: half }, article: "第三十二条", confidence: "certain" }
  ),
  atLeastAsStrict: voteAtLeastAsStrict
})

/** 转正审批时限 — the higher 党委 approves the conversion resolution within 3 months. */
export const conversionApprovalDeadlineRule = defineRule({
  id: "member.conversion.approvalDeadline",
  title: {
    zh: "上级党委在三个月内审批预备党员转正",
    en: "The higher committee approves a conversion within 3 months of the branch meeting"
  },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { months: 3 }, article: "第三十四条", confidence: "likely" },
    { parameters: { months: 3 }, article: "第三十三条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.months <= b.months
})

/** 党龄 — counts from the day probation ends and the member converts, not from the approval date. */
export const partyStandingStartRule = defineRule({
  id: "member.partyStanding.start",
  title: {
    zh: "党龄从预备期满转为正式党员之日算起",
    en: "Party standing counts from the day probation ends, not from the approval date"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: recruitmentVersions(
    { parameters: {}, article: "第三十四条", confidence: "likely" },
    { parameters: {}, article: "第三十三条", confidence: "certain" }
  )
})
