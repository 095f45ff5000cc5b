import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"
import { Share, share } from "../vote/share.js"

/** Who chairs meetings (rules.md 1.4) and the evaluation-grade cap (rules.md 1.10). */

/** Parameters of the convener rule. Fixed by ZB2018; no profile may change them. */
export const ConvenerParameters = Schema.Struct({
  generalAssembly: Schema.Literal("secretary"),
  committee: Schema.Literal("secretary"),
  partyGroup: Schema.Literal("groupLeader"),
  /** The secretary may ask the deputy secretary or a committee member to convene and chair. */
  secretaryMayDelegate: Schema.Boolean
})
export type ConvenerParameters = typeof ConvenerParameters.Type

/** 召集和主持 — rules.md 1.4. */
export const convenerRule = defineRule({
  id: "meeting.convener",
  title: {
    zh: "党员大会、支委会由支部书记召集并主持（可委托副书记或委员），党小组会由党小组组长主持",
    en: "The secretary convenes and chairs the general and committee meetings (or delegates to the deputy or a committee member); the group leader chairs the party group meeting"
  },
  strength: "hard",
  parameters: ConvenerParameters,
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: { generalAssembly: "secretary", committee: "secretary", partyGroup: "groupLeader", secretaryMayDelegate: true },
      source: { regulation: "ZB2018", article: "第十四条" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the evaluation-grade cap. */
export const ExcellentCapParameters = Schema.Struct({ maxExcellentShare: Share })
export type ExcellentCapParameters = typeof ExcellentCapParameters.Type

/**
 * 评议等次 — rules.md 1.10: four grades (优秀 / 合格 / 基本合格 / 不合格), and 优秀 generally at most a
 * third of the members evaluated. From the 12371.cn guidance, not from the text of JG2019 or ZB2018.
 */
export const democraticEvaluationExcellentCapRule = defineRule({
  id: "meeting.democraticEvaluation.excellentCap",
  title: {
    zh: "民主评议评为优秀的党员一般不超过参评党员的三分之一",
    en: "In democratic evaluation, as a rule at most one third of members are graded excellent"
  },
  strength: "default",
  parameters: ExcellentCapParameters,
  versions: [
    {
      effectiveFrom: regulations.MZPY.effectiveFrom,
      parameters: { maxExcellentShare: share(1, 3) },
      source: { regulation: "MZPY" },
      confidence: "likely"
    }
  ]
})
