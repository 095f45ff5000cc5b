import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { Message } from "../i18n/message.js"
import { recruitmentVersions } from "../member/recruitment-versions.js"
import type { RuleDomain } from "../profile/domain.js"
import { regulations } from "../profile/regulation.js"
import { defineRule, type RuleDefinition } from "../profile/rule.js"

/**
 * Rules of the reports (rules.md §11): presentation thresholds that a county or school may set in its
 * profile. None is fixed by a regulation; each cites the duty it serves, and is `default` strength.
 */

/**
 * 小数保护 — in a county view, a count below `minimum` is shown as "<minimum" (and other cells are
 * withheld so that it cannot be recovered from a total minus its parts). At least 3: with 2, "<2"
 * would still tell a reader the exact count whenever the table pins it to one of two values.
 */
export const smallCellThresholdRule = defineRule({
  id: "report.smallCell.threshold",
  title: { zh: "县级汇总中小于阈值的数字显示为“<阈值”，且不能由合计减各项反推", en: "County views show a count below the threshold as “<threshold”, never recoverable from totals minus parts" },
  strength: "default",
  parameters: Schema.Struct({ minimum: Schema.Int.pipe(Schema.between(3, 100)) }),
  versions: [
    {
      effectiveFrom: civilDate("2021-11-01"),
      parameters: { minimum: 5 },
      source: { regulation: "LOCAL", document: "县级汇总小数保护约定（zhibu，依个人信息保护法第五十一条）" },
      confidence: "likely"
    }
  ]
})

/**
 * 培养停滞 — a file whose stage has lasted longer than its months here, with no step recorded in the
 * last `quietMonths` (the half-yearly assessment, XZ 第十一条), is listed as stalled for the branch
 * to act on: e.g. an activist of more than 18 months with no assessment for six months.
 */
export const recruitmentStalledRule = defineRule({
  id: "report.recruitment.stalled",
  title: { zh: "培养对象在某阶段停留超过期限且半年内无考察记录的，列为培养停滞", en: "A file that stays in a stage beyond its limit with no step for half a year is listed as stalled" },
  strength: "default",
  parameters: Schema.Struct({
    applicantMonths: Schema.Int.pipe(Schema.between(1, 120)),
    activistMonths: Schema.Int.pipe(Schema.between(1, 120)),
    candidateMonths: Schema.Int.pipe(Schema.between(1, 120)),
    quietMonths: Schema.Int.pipe(Schema.between(1, 60))
  }),
  versions: recruitmentVersions(
    { parameters: { applicantMonths: 12, activistMonths: 18, candidateMonths: 12, quietMonths: 6 }, article: "第十一条", confidence: "unsure" },
    { parameters: { applicantMonths: 12, activistMonths: 18, candidateMonths: 12, quietMonths: 6 }, article: "第十一条", confidence: "unsure" }
  )
})

/** 青年教师 — the age up to which a teacher counts as young in the recruitment funnel (35, as the school seeds report it). */
export const recruitmentYoungTeacherAgeRule = defineRule({
  id: "report.recruitment.youngTeacherAge",
  title: { zh: "注重在青年教师中发展党员：青年教师指35周岁及以下", en: "Recruitment among young teachers: aged 35 or under" },
  strength: "default",
  parameters: Schema.Struct({ maximumAge: Schema.Int.pipe(Schema.between(18, 70)) }),
  versions: [{ effectiveFrom: regulations.ZXX2016.effectiveFrom, parameters: { maximumAge: 35 }, source: { regulation: "ZXX2016" }, confidence: "likely" }]
})

/**
 * 提醒提前量 — how far ahead the reminders feed speaks: a recruitment step `stepDays` before it is due,
 * probation's end `probationDays` before, a meeting in the week its period ends (`meetingDays`), dues
 * once `duesMonthsBehind` months are unpaid (well before the six-month rule), and study at each
 * quarter's end when the hours credited are below the year's target pro rata.
 */
export const remindersLeadRule = defineRule({
  id: "report.reminders.lead",
  title: { zh: "提醒提前量：步骤到期前7天、预备期满前30天、会议到期当周、党费欠交3个月", en: "Reminder lead times: a step 7 days before it is due, probation 30 days before it ends, a meeting in its last week, dues at 3 unpaid months" },
  strength: "default",
  parameters: Schema.Struct({
    stepDays: Schema.Int.pipe(Schema.between(0, 90)),
    probationDays: Schema.Int.pipe(Schema.between(0, 180)),
    meetingDays: Schema.Int.pipe(Schema.between(0, 31)),
    duesMonthsBehind: Schema.Int.pipe(Schema.between(1, 5))
  }),
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: { stepDays: 7, probationDays: 30, meetingDays: 7, duesMonthsBehind: 3 },
      source: { regulation: "LOCAL", document: "zhibu 约定：提醒提前量" },
      confidence: "unsure"
    }
  ]
})

/** What record can prove an inspection item (迎检材料). */
export const EvidenceKind = Schema.Literal(
  "meetings",
  "secretaryLecture",
  "election",
  "secretaryReport",
  "democraticEvaluation",
  "rectification",
  "checklistScore",
  "roleFeedback",
  "duesLedger",
  "studyLedger",
  "memberFiles"
)
export type EvidenceKind = typeof EvidenceKind.Type

/**
 * One inspection item: its id (the standardization checklist's item id when it has one, whose title
 * and scored evidence it then reuses), its title, and the records that prove it.
 */
export const InspectionItem = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[A-Za-z][A-Za-z0-9]{0,31}$/)),
  title: Message,
  evidence: Schema.Array(EvidenceKind).pipe(Schema.minItems(1))
})
export type InspectionItem = typeof InspectionItem.Type

/**
 * 迎检清单 — the inspection items and the records that prove each. The default follows the
 * standardization checklist's headings (`evaluation.checklist.standards`), so one record answers both
 * the checklist and the inspection; a county replaces it with its own 检查清单 in its profile.
 */
export const inspectionChecklistRule = defineRule({
  id: "report.inspection.checklist",
  title: { zh: "迎检材料按检查清单逐项列出证明记录并指出缺项", en: "An inspection pack lists, item by item, the records that prove it and what is missing" },
  strength: "default",
  parameters: Schema.Struct({
    items: Schema.Array(InspectionItem).pipe(Schema.filter((items) => new Set(items.map((i) => i.id)).size === items.length || "inspection item ids must be unique"))
  }),
  versions: [
    {
      effectiveFrom: regulations.ZB2018.effectiveFrom,
      parameters: {
        items: [
          { id: "teamBuilding", title: { zh: "班子建设", en: "Team building" }, evidence: ["election", "secretaryReport"] },
          { id: "memberManagement", title: { zh: "党员队伍", en: "Member management" }, evidence: ["democraticEvaluation", "memberFiles", "duesLedger", "studyLedger"] },
          { id: "organizationalLife", title: { zh: "组织生活", en: "Organizational life" }, evidence: ["meetings", "secretaryLecture"] },
          { id: "rulesAndRecords", title: { zh: "制度台账", en: "Rules and records" }, evidence: ["rectification", "checklistScore"] },
          { id: "venue", title: { zh: "阵地建设", en: "Venue" }, evidence: ["checklistScore"] },
          { id: "roleAndResults", title: { zh: "作用发挥", en: "Role and results" }, evidence: ["roleFeedback"] }
        ]
      },
      source: { regulation: "LOCAL", document: "县教育系统党建工作检查清单（示例）" },
      confidence: "unsure"
    }
  ]
})

/** Every report rule. */
export const reportRules: ReadonlyArray<RuleDefinition<any>> = [
  smallCellThresholdRule,
  recruitmentStalledRule,
  recruitmentYoungTeacherAgeRule,
  remindersLeadRule,
  inspectionChecklistRule
]

/** 报表 — the report domain as a profile composes it (its rules may be overridden like any other). */
export const reportRuleDomain: RuleDomain = {
  id: "report",
  title: { zh: "报表与提醒", en: "Reports and reminders" },
  rules: reportRules,
  localKinds: []
}
