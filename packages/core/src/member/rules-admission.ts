import * as Schema from "effect/Schema"
import { defineRule } from "../profile/rule.js"
import { atLeastAsLarge, half, Share } from "../vote/share.js"
import { recruitmentVersions } from "./recruitment-versions.js"

/** Rules of stage four, 预备党员的接收 (rules.md 4.13–4.22, §2.4). */

/**
 * 预审 — the 基层党委 with approval authority reviews the file before the 志愿书 is issued; a
 * 发展对象 leaving the unit within 3 months is generally not admitted (zhibu keeps no departure
 * dates, so that part is not checked). 2014 第十九条, 2026 第十八条 (rules.md §0.3).
 */
export const admissionPreliminaryReviewRule = defineRule({
  id: "member.admission.preliminaryReview",
  title: {
    zh: "基层党委对发展对象进行预审，预审合格的发放入党志愿书",
    en: "The higher committee pre-reviews a candidate; the application form is issued only after it passes"
  },
  strength: "hard",
  parameters: Schema.Struct({ departureMonths: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { departureMonths: 3 }, article: "第十九条", confidence: "certain" },
    { parameters: { departureMonths: 3 }, article: "第十八条", confidence: "certain" }
  )
})

/**
 * 一个月内提交支部大会 — after passing 预审 the case goes to the branch general meeting within a month.
 * Seen in the 2026 text only; `months: null` means no national limit seen in 2014.
 */
export const admissionMeetingDeadlineRule = defineRule({
  id: "member.admission.meetingDeadline",
  title: {
    zh: "预审合格后一个月内提交支部党员大会讨论",
    en: "The branch general meeting discusses the admission within 1 month of the pre-review"
  },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.NullOr(Schema.Int.pipe(Schema.positive())) }),
  versions: recruitmentVersions(
    { parameters: { months: null }, confidence: "unsure" },
    { parameters: { months: 1 }, article: "第十九条", confidence: "likely" }
  ),
  atLeastAsStrict: (c, b) => c.months !== null && (b.months === null || c.months <= b.months)
})

/** Thresholds of an admission or conversion vote, both over the voting members who should attend (应到). */
export const MembershipVoteParameters = Schema.Struct({
  /** 实到会有表决权的党员 must exceed this share of 应到 (超过半数: ½). */
  attendance: Share,
  /** 赞成票 (with written opinions) must exceed this share of 应到 (超过半数: ½). */
  pass: Share
})
export type MembershipVoteParameters = typeof MembershipVoteParameters.Type

const halves: MembershipVoteParameters = { attendance: half, pass: half }

/** True when `c`'s shares are at least `b`'s (exact integer comparison). */
export const voteAtLeastAsStrict = (c: MembershipVoteParameters, b: MembershipVoteParameters): boolean =>
  atLeastAsLarge(c.attendance, b.attendance) && atLeastAsLarge(c.pass, b.pass)

/**
 * 接收预备党员表决 — more than half of the voting members who should attend are present; secret
 * ballot; adopted when yes votes exceed half of those who should attend. Written opinions of absent
 * voting members count as votes.
 */
export const admissionVoteRule = defineRule({
  id: "member.admission.vote",
  title: {
    zh: "接收预备党员：实到会有表决权的党员超过应到会的半数，赞成人数超过应到会有表决权的党员的半数",
    en: "Admission vote: more than half of the voting members present, and yes votes from more than half of those due"
  },
  strength: "hard",
  parameters: MembershipVoteParameters,
  versions: recruitmentVersions(
    { parameters: halves, article: "第二十条、第二十一条", confidence: "likely" },
    { parameters: halves, article: "第十九条、第二十条", confidence: "certain" }
  ),
  atLeastAsStrict: voteAtLeastAsStrict
})

/** 审批时限 — the higher 党委 approves within 3 months of the branch meeting; special cases up to 6. */
export const admissionApprovalDeadlineRule = defineRule({
  id: "member.admission.approvalDeadline",
  title: {
    zh: "上级党委在三个月内审批，特殊情况可延长审批时间，但不得超过六个月",
    en: "The higher committee approves within 3 months of the branch meeting (6 in special cases)"
  },
  strength: "hard",
  parameters: Schema.Struct({
    months: Schema.Int.pipe(Schema.positive()),
    specialCaseMonths: Schema.Int.pipe(Schema.positive())
  }),
  versions: recruitmentVersions(
    { parameters: { months: 3, specialCaseMonths: 6 }, article: "第二十六条", confidence: "likely" },
    { parameters: { months: 3, specialCaseMonths: 6 }, article: "第二十五条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.months <= b.months && c.specialCaseMonths <= b.specialCaseMonths
})

/**
 * 入党宣誓 — generally within one month after approval (tracked). Seen in the 2026 text only;
 * `months: null` means no national limit seen in 2014.
 */
export const oathDeadlineRule = defineRule({
  id: "member.oath.deadline",
  title: { zh: "预备党员一般在上级党委批准后一个月内进行入党宣誓", en: "The oath is generally taken within 1 month of approval" },
  strength: "default",
  parameters: Schema.Struct({ months: Schema.NullOr(Schema.Int.pipe(Schema.positive())) }),
  versions: recruitmentVersions(
    { parameters: { months: null }, confidence: "unsure" },
    { parameters: { months: 1 }, article: "第二十九条", confidence: "likely" }
  )
})
