import * as Schema from "effect/Schema"
import { Message } from "../i18n/message.js"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"

/** Standardization checklists, rectification, member-role feedback and workload (rules.md 1.8, §10; seeds 000, 001, 004). */

const ItemId = Schema.String.pipe(Schema.pattern(/^[A-Za-z][A-Za-z0-9]{0,31}$/))

/** One standard of the checklist: its id, title and the most points it scores. */
export const ChecklistItem = Schema.Struct({ id: ItemId, title: Message, maxScore: Schema.Int.pipe(Schema.between(1, 1000)) })
export type ChecklistItem = typeof ChecklistItem.Type

/** Parameters of the checklist: its standards (ids unique). */
export const ChecklistStandardsParameters = Schema.Struct({
  items: Schema.Array(ChecklistItem).pipe(Schema.filter((items) => new Set(items.map((i) => i.id)).size === items.length || "checklist item ids must be unique"))
})
export type ChecklistStandardsParameters = typeof ChecklistStandardsParameters.Type

/**
 * 支部标准化建设 — the checklist a branch is scored on, with weights. No national text fixes one: the
 * default follows the common headings of county standards (seed 001); a profile replaces it.
 */
export const checklistStandardsRule = defineRule({
  id: "evaluation.checklist.standards",
  title: { zh: "党支部标准化规范化建设按清单逐项评分并附佐证材料", en: "A branch's standardization is scored item by item against a checklist, with evidence" },
  strength: "default",
  parameters: ChecklistStandardsParameters,
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: {
        items: [
          { id: "teamBuilding", title: { zh: "班子建设", en: "Team building" }, maxScore: 20 },
          { id: "memberManagement", title: { zh: "党员队伍", en: "Member management" }, maxScore: 20 },
          { id: "organizationalLife", title: { zh: "组织生活", en: "Organizational life" }, maxScore: 25 },
          { id: "rulesAndRecords", title: { zh: "制度台账", en: "Rules and records" }, maxScore: 15 },
          { id: "venue", title: { zh: "阵地建设", en: "Venue" }, maxScore: 10 },
          { id: "roleAndResults", title: { zh: "作用发挥", en: "Role and results" }, maxScore: 10 }
        ]
      },
      source: { regulation: "LOCAL", document: "县教育系统党支部标准化建设评分细则（示例）" },
      confidence: "unsure"
    }
  ]
})

/** Parameters of rectification: items open at the year's end carry into the next year's self-review. */
export const RectificationParameters = Schema.Struct({ carryOver: Schema.Boolean })
export type RectificationParameters = typeof RectificationParameters.Type

/**
 * 整改落实 — rules.md 1.8: after the organizational-life meeting (and likewise after an evaluation, an
 * inspection or member feedback) the problems found get rectification measures; an item past its
 * deadline is flagged, and open items carry into the next year's self-review.
 */
export const rectificationDeadlineRule = defineRule({
  id: "evaluation.rectification.deadline",
  title: {
    zh: "查摆出的问题应明确整改措施、责任人和时限，逾期未整改的提示关注并转入下一年度对照检查",
    en: "Problems found get a measure, an owner and a deadline; overdue items are flagged and carried into next year's self-review"
  },
  strength: "default",
  parameters: RectificationParameters,
  versions: [{ effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { carryOver: true }, source: { regulation: "JG2019", article: "第十七条" }, confidence: "certain" }]
})

/** Parameters of automatic rectification items: what raises one, and the owner and deadline it starts with. */
export const RectificationAutomaticParameters = Schema.Struct({
  /** A 基本合格 or 不合格 determination in 民主评议 raises an item for the member. */
  fromDemocraticEvaluation: Schema.Boolean,
  /** A checklist item scoring below this percentage of its maximum is below standard and raises an item (0: never). */
  checklistBelowPercent: Schema.Int.pipe(Schema.between(0, 100)),
  /** Months from the scoring to a checklist item's deadline. */
  checklistDeadlineMonths: Schema.Int.pipe(Schema.between(1, 12)),
  /** Months from the determination to an evaluation item's deadline (限期改正: never more than `evaluation.democratic.followUp` allows). */
  correctionMonths: Schema.Int.pipe(Schema.between(1, 12)),
  /** Who owns an evaluation item: the member who corrects, or the branch secretary. A checklist item is the secretary's. */
  evaluationOwner: Schema.Literal("member", "secretary")
})
export type RectificationAutomaticParameters = typeof RectificationAutomaticParameters.Type

/**
 * 自动列入整改台账 — rules.md 1.8, 1.10: a member graded 基本合格 or 不合格 at the branch's
 * determination, and a standardization item scored below standard, enter the rectification ledger
 * by themselves, once, with an owner and a deadline from this rule (the 限期改正 period at most the
 * one year `evaluation.democratic.followUp` allows). The measure is left to the branch.
 */
export const rectificationAutomaticRule = defineRule({
  id: "evaluation.rectification.automatic",
  title: {
    zh: "民主评议评为基本合格、不合格的党员和标准化建设未达标的项目自动列入整改台账，明确责任人和整改时限",
    en: "A member graded basically qualified or unqualified and a checklist item below standard enter the rectification ledger with an owner and a deadline"
  },
  strength: "default",
  parameters: RectificationAutomaticParameters,
  versions: [
    {
      effectiveFrom: regulations.JG2019.effectiveFrom,
      parameters: { fromDemocraticEvaluation: true, checklistBelowPercent: 60, checklistDeadlineMonths: 3, correctionMonths: 12, evaluationOwner: "member" },
      source: { regulation: "JG2019", article: "第三十条" },
      confidence: "likely"
    }
  ]
})

/** 反馈周期 — weekly, per semester, yearly. */
export const FeedbackCadence = Schema.Literal("weekly", "semester", "yearly")
export type FeedbackCadence = typeof FeedbackCadence.Type

/** Parameters of member-role feedback: the cadences a branch keeps. */
export const RoleFeedbackParameters = Schema.Struct({ cadences: Schema.Array(FeedbackCadence) })
export type RoleFeedbackParameters = typeof RoleFeedbackParameters.Type

/**
 * 党员作用发挥反馈 — commitments (承诺), pairings (结对) and vanguard posts (先锋岗) reviewed on the
 * cadences a profile lists. National texts set none (民主评议 once a year is the nearest); seed 000's
 * schools use weekly, per-semester and yearly feedback.
 */
export const roleFeedbackCadencesRule = defineRule({
  id: "evaluation.roleFeedback.cadences",
  title: { zh: "党员承诺、结对、先锋岗按规则配置的周期反馈", en: "Commitments, pairings and vanguard posts are reviewed on the profile's cadences" },
  strength: "default",
  parameters: RoleFeedbackParameters,
  versions: [{ effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { cadences: ["yearly"] }, source: { regulation: "LOCAL", document: "学校党员作用发挥反馈制度（示例）" }, confidence: "unsure" }]
})

/** Parameters of workload counting: whether party work counts toward the teacher's workload. */
export const WorkloadParameters = Schema.Struct({ countsTowardTeachingLoad: Schema.Boolean })
export type WorkloadParameters = typeof WorkloadParameters.Type

/** 党务工作量 — seed 004: part-time party workers' hours count in the teacher's workload, summed per person and term. */
export const workloadTeachingLoadRule = defineRule({
  id: "evaluation.workload.teachingLoad",
  title: { zh: "兼职党务工作者的党务工作时间按人按学期统计，计入教师工作量", en: "Part-time party workers' hours are summed per person and term and count in the teacher's workload" },
  strength: "default",
  parameters: WorkloadParameters,
  versions: [{ effectiveFrom: regulations.ZXX2022.effectiveFrom, parameters: { countsTowardTeachingLoad: true }, source: { regulation: "LOCAL", document: "县教育工委党建工作要求（示例）" }, confidence: "unsure" }]
})
