import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"

/**
 * Study-hour rules (rules.md §7). Hours are counted in tenths of a 学时 (`32 学时` is 320): whole
 * numbers that add up exactly, fine enough for a 45-minute class (0.75 学时 is not exact, so local
 * conventions round it to 0.8) and for 1.5-hour meetings.
 */

/** Tenths of a 学时, non-negative. */
export const StudyTenths = Schema.Int.pipe(Schema.between(0, 100_000), Schema.annotations({ identifier: "StudyTenths" }))
export type StudyTenths = typeof StudyTenths.Type

/** Parameters of a yearly target. */
export const AnnualHoursParameters = Schema.Struct({ tenths: StudyTenths, centralizedTrainings: Schema.Int.pipe(Schema.between(0, 12)) })
export type AnnualHoursParameters = typeof AnnualHoursParameters.Type

const atLeast = (c: AnnualHoursParameters, b: AnnualHoursParameters) => c.tenths >= b.tenths && c.centralizedTrainings >= b.centralizedTrainings

/** 党员年度学时 — rules.md 7.1: every member, generally at least 32 学时 of centralized study and training a year. */
export const memberAnnualHoursRule = defineRule({
  id: "study.member.annualHours",
  title: { zh: "党员每年集中学习培训一般不少于32学时", en: "Every member generally studies at least 32 hours a year in centralized study and training" },
  strength: "default",
  parameters: AnnualHoursParameters,
  versions: [
    { effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { tenths: 320, centralizedTrainings: 0 }, source: { regulation: "JG2019", article: "第二十条" }, confidence: "certain" }
  ],
  atLeastAsStrict: atLeast
})

/**
 * 书记和支部委员年度学时 — rules.md 7.2: secretaries and committee members of grassroots organizations
 * at least 56 学时 a year including at least one centralized training (GH2019; whether GH2024 keeps
 * the figure was not seen).
 */
export const leaderAnnualHoursRule = defineRule({
  id: "study.leader.annualHours",
  title: {
    zh: "基层党组织书记和班子成员每年集中学习培训不少于56学时，至少参加1次集中培训",
    en: "Secretaries and committee members study at least 56 hours a year, with at least one centralized training"
  },
  strength: "default",
  parameters: AnnualHoursParameters,
  versions: [
    { effectiveFrom: regulations.GH2019.effectiveFrom, parameters: { tenths: 560, centralizedTrainings: 1 }, source: { regulation: "GH2019" }, confidence: "likely" }
  ],
  atLeastAsStrict: atLeast
})

/** Parameters of session credits: tenths of a 学时 per meeting kind (kinds not listed earn nothing). */
export const SessionHoursParameters = Schema.Struct({ byKind: Schema.Record({ key: Schema.String, value: StudyTenths }) })
export type SessionHoursParameters = typeof SessionHoursParameters.Type

/**
 * 组织生活计学时 — rules.md 7.7: how many 学时 an attended session earns is unit-level practice (e.g.
 * 1 学时 per hour of branch study); a profile sets it per meeting kind. A session that counts as
 * several kinds earns the largest of their figures, once.
 */
export const sessionHoursRule = defineRule({
  id: "study.session.hours",
  title: { zh: "参加组织生活按会议类型计入学时（本地认定）", en: "Attended sessions earn study hours by meeting kind (local convention)" },
  strength: "default",
  parameters: SessionHoursParameters,
  versions: [
    {
      effectiveFrom: regulations.JG2019.effectiveFrom,
      parameters: { byKind: { generalAssembly: 20, partyGroup: 10, lecture: 20, themeDay: 20, orgLifeMeeting: 20, democraticEvaluation: 20 } },
      source: { regulation: "LOCAL", document: "单位学时认定办法（示例）" },
      confidence: "unsure"
    }
  ]
})

/** Parameters of the excusal rule: who decides that a member is excused. */
export const ExcusalParameters = Schema.Struct({ decidedBy: Schema.Literal("branch") })
export type ExcusalParameters = typeof ExcusalParameters.Type

/**
 * 老弱病残党员 — rules.md 7.6: elderly, frail or seriously ill members have no hard requirement; the
 * organization brings study to them. A recorded decision of the branch marks them, never a guess.
 */
export const excusalElderlyOrIllRule = defineRule({
  id: "study.excusal.elderlyOrIll",
  title: {
    zh: "年老体弱、患有重病的党员不作硬性要求，由党组织送学上门",
    en: "Elderly, frail or seriously ill members have no hard requirement; the organization brings study to them"
  },
  strength: "hard",
  parameters: ExcusalParameters,
  versions: [{ effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { decidedBy: "branch" }, source: { regulation: "JG2019", article: "第二十三条" }, confidence: "certain" }]
})
