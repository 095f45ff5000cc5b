import * as Schema from "effect/Schema"
import { FreeText, Label } from "../text/free-text.js"
import { CivilDate } from "../calendar/civil-date.js"
import { PersonId } from "../tenant/ids.js"

/**
 * The 25 steps of 发展党员 (rules.md §4.1), in order, grouped in five stages.
 * Steps 6 (activistAssessment) and 21 (probationAssessment) repeat; 23 and 24 repeat once when
 * probation is extended.
 */
export const StepId = Schema.Literal(
  // 一 申请入党
  "application", //                1 递交入党申请书
  "applicationTalk", //            2 党组织派人谈话
  // 二 入党积极分子的确定和培养教育
  "activistDesignation", //        3 推荐和确定入党积极分子
  "activistFiling", //             4 报上级党委备案
  "contactsAssigned", //           5 指定培养联系人
  "activistAssessment", //         6 培养教育考察 (half-yearly)
  // 三 发展对象的确定和考察
  "candidateDesignation", //       7 确定发展对象
  "candidateApproval", //          8 报上级党委备案 (2026: 同意 + 公示)
  "introducersAssigned", //        9 确定入党介绍人
  "politicalReview", //           10 政治审查
  "intensiveTraining", //         11 集中培训
  // 四 预备党员的接收
  "committeeReview", //           12 支部委员会审查
  "preliminaryReview", //         13 上级党委预审
  "applicationFormIssued", //     14 填写入党志愿书
  "admissionMeeting", //          15 支部大会讨论
  "approvalTalk", //              16 上级党委派人谈话
  "admissionApproval", //         17 上级党委审批
  "admissionFiling", //           18 再上一级党委组织部门备案
  // 五 预备党员的教育考察和转正
  "placement", //                 19 编入党支部和党小组
  "oath", //                      20 入党宣誓
  "probationAssessment", //       21 继续教育考察
  "conversionApplication", //     22 提出转正申请
  "conversionMeeting", //         23 支部大会讨论
  "conversionApproval", //        24 上级党委审批
  "archived" //                   25 材料归档
)
export type StepId = typeof StepId.Type

/** 公示 — a public posting, from and to (both inclusive). */
export const Publicity = Schema.Struct({ from: CivilDate, to: CivilDate })
export type Publicity = typeof Publicity.Type

/** 集中培训 — days and 学时 of a centralized training. */
export const Training = Schema.Struct({
  days: Schema.Finite.pipe(Schema.nonNegative()),
  hours: Schema.Finite.pipe(Schema.nonNegative())
})
export type Training = typeof Training.Type

/**
 * 表决 — a branch-meeting vote on an admission or a conversion (rules.md §2.4).
 * `writtenYes`/`writtenNo`: written opinions handed in before the meeting by absent voting members;
 * they count as votes.
 */
export const VoteTally = Schema.Struct({
  dueVoting: Schema.Int.pipe(Schema.nonNegative()),
  presentVoting: Schema.Int.pipe(Schema.nonNegative()),
  yes: Schema.Int.pipe(Schema.nonNegative()),
  no: Schema.Int.pipe(Schema.nonNegative()),
  abstain: Schema.Int.pipe(Schema.nonNegative()),
  writtenYes: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { default: () => 0 }),
  writtenNo: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { default: () => 0 })
})
export type VoteTally = typeof VoteTally.Type

/**
 * A human decision recorded on a step (an approval, a 政审 conclusion, a conversion outcome).
 * The library records it; it never makes it.
 */
export const Decision = Schema.Struct({
  outcome: Schema.Literal("approved", "rejected", "passed", "failed", "convert", "extend", "cancel"),
  decidedBy: Label,
  /** For `extend`: 6 to 12 months, once. */
  extensionMonths: Schema.optional(Schema.Int),
  /** 特殊情况 — an approval later than three months, which the regulation allows up to six. */
  specialCase: Schema.optional(Schema.Boolean),
  reason: Schema.optional(FreeText)
})
export type Decision = typeof Decision.Type

/** One recorded step of a member's file: its date, the people and materials involved. */
export const StepRecord = Schema.Struct({
  step: StepId,
  date: CivilDate,
  /** 培养联系人 (step 5), 入党介绍人 (step 9), the person who talked (steps 2, 16). */
  people: Schema.optionalWith(Schema.Array(PersonId), { default: () => [] }),
  /** Names of the materials filed with the step (申请书, 思想汇报, 政审材料, …). */
  materials: Schema.optionalWith(Schema.Array(Label), { default: () => [] }),
  publicity: Schema.optional(Publicity),
  training: Schema.optional(Training),
  vote: Schema.optional(VoteTally),
  decision: Schema.optional(Decision),
  note: Schema.optional(FreeText)
})
export type StepRecord = typeof StepRecord.Type
/** A {@link StepRecord} as a caller writes it, before decoding (plain strings for ids and dates). */
export type StepRecordInput = typeof StepRecord.Encoded
