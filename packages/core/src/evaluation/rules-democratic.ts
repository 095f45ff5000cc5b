import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"

/** 民主评议党员 — the procedure and its follow-up (rules.md 1.9, 1.10, 6.6). The 优秀 cap is `meeting.democraticEvaluation.excellentCap`. */

/** 评议步骤 — in order: 学习准备, 个人自评和党员互评, 民主测评, 支部评定, 通知本人. */
export const EvaluationStep = Schema.Literal("preparation", "selfAndMutual", "rating", "determination", "notification")
export type EvaluationStep = typeof EvaluationStep.Type

/** 评定机关 — the 支委会 or the 党员大会 gives the grade opinion. */
export const DeterminingBody = Schema.Literal("committee", "generalAssembly")
export type DeterminingBody = typeof DeterminingBody.Type

/** Parameters of the procedure: its steps in order and the bodies that may determine the grades. */
export const DemocraticProcedureParameters = Schema.Struct({
  steps: Schema.Array(EvaluationStep),
  determinedBy: Schema.Array(DeterminingBody)
})
export type DemocraticProcedureParameters = typeof DemocraticProcedureParameters.Type

/**
 * 民主评议程序 — rules.md 1.9: study and preparation, self- and mutual assessment (in 党小组 for large
 * branches), 民主测评, then the 支委会 or the 党员大会 gives each member a grade on the results and
 * day-to-day conduct, and each member is told the result.
 */
export const democraticProcedureRule = defineRule({
  id: "evaluation.democratic.procedure",
  title: {
    zh: "民主评议党员按学习准备、个人自评和党员互评、民主测评、支部评定、通知本人的程序进行，由支委会或党员大会评定等次",
    en: "Democratic evaluation runs preparation, self- and mutual assessment, rating, determination by the committee or general meeting, and notification"
  },
  strength: "hard",
  parameters: DemocraticProcedureParameters,
  versions: [
    {
      effectiveFrom: regulations.JG2019.effectiveFrom,
      parameters: { steps: ["preparation", "selfAndMutual", "rating", "determination", "notification"], determinedBy: ["committee", "generalAssembly"] },
      source: { regulation: "JG2019", article: "第十八条" },
      confidence: "certain"
    }
  ]
})

/** Parameters of the follow-up: the grades that start one and the longest correction period. */
export const DemocraticFollowUpParameters = Schema.Struct({
  grades: Schema.Array(Schema.Literal("basicallyQualified", "unqualified")),
  maxCorrectionMonths: Schema.Int.pipe(Schema.between(1, 12))
})
export type DemocraticFollowUpParameters = typeof DemocraticFollowUpParameters.Type

/**
 * 限期改正 — rules.md 6.6 and 1.10: a member graded 基本合格 or 不合格 is talked with and, if they
 * accept correction, given a deadline of at most one year; what follows is the branch's decision.
 */
export const democraticFollowUpRule = defineRule({
  id: "evaluation.democratic.followUp",
  title: {
    zh: "评为基本合格、不合格的党员，应谈心谈话、帮助教育，限期改正期限不超过一年，由支部作出处置决定",
    en: "Members graded basically qualified or unqualified are talked with and given at most one year to correct; the branch decides what follows"
  },
  strength: "hard",
  parameters: DemocraticFollowUpParameters,
  versions: [
    {
      effectiveFrom: regulations.JG2019.effectiveFrom,
      parameters: { grades: ["basicallyQualified", "unqualified"], maxCorrectionMonths: 12 },
      source: { regulation: "JG2019", article: "第三十条" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: (c, b) => c.maxCorrectionMonths <= b.maxCorrectionMonths && b.grades.every((g) => c.grades.includes(g))
})

/** Parameters of the secretary's report: to whom it is given each year. */
export const SecretaryReportParameters = Schema.Struct({ audiences: Schema.Array(Schema.Literal("higherOrganization", "generalAssembly")) })
export type SecretaryReportParameters = typeof SecretaryReportParameters.Type

/**
 * 抓党建述职评议考核 — rules.md 9.8: each year the secretary reports on party-building work to the
 * higher organization, which evaluates it with members. Some counties also require a report to all
 * members at a 党员大会 at the year's end (seed 004): a profile adds `generalAssembly`.
 */
export const secretaryReportYearlyRule = defineRule({
  id: "evaluation.secretaryReport.yearly",
  title: {
    zh: "党组织书记每年向上级党组织述职，接受评议考核",
    en: "Each year the secretary reports on party-building work to the higher organization and is evaluated"
  },
  strength: "default",
  parameters: SecretaryReportParameters,
  versions: [
    {
      effectiveFrom: regulations.JG2019.effectiveFrom,
      parameters: { audiences: ["higherOrganization"] },
      source: { regulation: "JG2019", article: "第四十三条" },
      confidence: "likely"
    }
  ]
})

/** One audience's window: the months of the reported year in which that report is given (both inclusive). */
export const SecretaryReportWindow = Schema.Struct({
  audience: Schema.Literal("higherOrganization", "generalAssembly"),
  fromMonth: Schema.Int.pipe(Schema.between(1, 12)),
  toMonth: Schema.Int.pipe(Schema.between(1, 12))
}).pipe(Schema.filter((w) => w.fromMonth <= w.toMonth || "a window's first month is not after its last"))
export type SecretaryReportWindow = typeof SecretaryReportWindow.Type

/** Parameters of two-way reporting: the window of each audience (empty: no window is set). */
export const SecretaryReportWindowsParameters = Schema.Struct({
  windows: Schema.Array(SecretaryReportWindow).pipe(Schema.filter((ws) => new Set(ws.map((w) => w.audience)).size === ws.length || "one window per audience"))
})
export type SecretaryReportWindowsParameters = typeof SecretaryReportWindowsParameters.Type

/**
 * 双向述职 — seed 004: some counties ask the secretary to report to the higher organization during
 * the 党建月 and to all members at a 党员大会 at the year's end. National texts set no window, so the
 * baseline has none; an override profile sets one per audience, e.g.
 * `{ "evaluation.secretaryReport.windows": { windows: [{ audience: "higherOrganization", fromMonth: 7,
 * toMonth: 7 }, { audience: "generalAssembly", fromMonth: 12, toMonth: 12 }] } }`. A report of an
 * audience with a window must then be on record, dated within it.
 */
export const secretaryReportWindowsRule = defineRule({
  id: "evaluation.secretaryReport.windows",
  title: {
    zh: "书记在党建月向上级党组织述职、年底在党员大会上向全体党员述职（按本地规定的时段）",
    en: "The secretary reports to the higher organization during the party-building month and to all members at a general meeting at the year's end (in the local windows)"
  },
  strength: "default",
  parameters: SecretaryReportWindowsParameters,
  versions: [{ effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { windows: [] }, source: { regulation: "LOCAL", document: "县教育工委抓党建述职评议工作要求（示例）" }, confidence: "unsure" }]
})
