import { addDays, type CivilDate, fromParts } from "../calendar/civil-date.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { RoleFeedback, SecretaryReport } from "./records.js"
import { roleFeedbackCadencesRule } from "./rules-standards.js"
import { secretaryReportWindowsRule, secretaryReportYearlyRule } from "./rules-democratic.js"

const audienceText = {
  higherOrganization: { zh: "向上级党组织", en: "to the higher organization" },
  generalAssembly: { zh: "在党员大会上向全体党员", en: "to all members at a general meeting" }
} as const

const lastDayOfMonth = (year: number, month: number): CivilDate => addDays(fromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1)

/**
 * 述职提示 — rules.md 9.8 and seed 004: for each audience the profile requires (the higher
 * organization; a 党员大会 too where the county asks for two-way reporting), a reminder while the
 * year's report is missing and a warning once its time is over. An audience with a window
 * (`evaluation.secretaryReport.windows`) is judged on that window and its finding names that rule:
 * missing, it is due on the window's last day; on record but dated outside the window, a warning.
 * An audience without a window is due by 31 December (`evaluation.secretaryReport.yearly`).
 * With `assemblyDates` (the days the branch held a 党员大会), a report to all members given on a day
 * with no 党员大会 on record is a warning too, naming the rule that asks for that report.
 */
export const secretaryReportFindings = (
  organizationId: string,
  reports: ReadonlyArray<SecretaryReport>,
  year: number,
  profile: RuleProfile,
  today: CivilDate,
  assemblyDates?: ReadonlySet<string>
): ReadonlyArray<Finding> => {
  const end = `${year}-12-31` as CivilDate
  const yearly = ruleAt(profile, secretaryReportYearlyRule, end)
  const windowed = ruleAt(profile, secretaryReportWindowsRule, end)
  const subject = { kind: "organization" as const, id: organizationId }
  const audiences = [...new Set([...yearly.parameters.audiences, ...windowed.parameters.windows.map((w) => w.audience)])]
  const out: Array<Finding> = []
  for (const audience of audiences) {
    const to = audienceText[audience]
    const given = reports.filter((r) => r.year === year && r.audience === audience)
    const window = windowed.parameters.windows.find((w) => w.audience === audience)
    if (window === undefined) {
      if (given.length === 0) out.push(finding(yearly, today > end ? "warning" : "reminder", subject, { zh: `${year} 年书记${to.zh}述职尚无记录`, en: `no ${year} report of the secretary ${to.en} on record` }, end))
      continue
    }
    const opens = fromParts(year, window.fromMonth, 1)
    const closes = lastDayOfMonth(year, window.toMonth)
    const span = { zh: `${opens} 至 ${closes}`, en: `${opens} to ${closes}` }
    if (given.length === 0) {
      out.push(finding(windowed, today > closes ? "warning" : "reminder", subject, { zh: `${year} 年书记${to.zh}述职应在 ${span.zh} 进行，尚无记录`, en: `the secretary's ${year} report ${to.en} is due ${span.en}; none on record` }, closes))
    } else if (!given.some((r) => opens <= r.reportedOn && r.reportedOn <= closes)) {
      const dates = given.map((r) => r.reportedOn).join(", ")
      out.push(finding(windowed, "warning", subject, { zh: `${year} 年书记${to.zh}述职于 ${dates}，不在规定时段 ${span.zh} 内`, en: `the secretary's ${year} report ${to.en} was given on ${dates}, outside ${span.en}` }, closes))
    }
  }
  if (assemblyDates !== undefined && audiences.includes("generalAssembly")) {
    const rule = windowed.parameters.windows.some((w) => w.audience === "generalAssembly") ? windowed : yearly
    for (const r of reports.filter((r) => r.year === year && r.audience === "generalAssembly" && !assemblyDates.has(r.reportedOn)))
      out.push(finding(rule, "warning", subject, { zh: `${r.reportedOn} 书记向全体党员述职，但当天没有党员大会的记录`, en: `the secretary's report to all members on ${r.reportedOn} has no general meeting of members on record that day` }, r.reportedOn))
  }
  return out
}

/** The average score of a report (weighted by scorers), or null without scores. */
export const averageScore = (report: SecretaryReport): number | null => {
  const n = report.scores.reduce((t, s) => t + s.scorers, 0)
  return n === 0 ? null : report.scores.reduce((t, s) => t + s.score * s.scorers, 0) / n
}

/**
 * 反馈提示 — member-role records on a cadence the profile keeps whose period has ended without a
 * feedback outcome: one warning each.
 */
export const roleFeedbackFindings = (records: ReadonlyArray<RoleFeedback>, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  const rule = ruleAt(profile, roleFeedbackCadencesRule, today)
  const names = { commitment: { zh: "承诺", en: "commitment" }, pairing: { zh: "结对", en: "pairing" }, vanguardPost: { zh: "先锋岗", en: "vanguard post" } } as const
  return records
    .filter((r) => rule.parameters.cadences.includes(r.cadence) && r.outcome === null && r.periodEnd < today)
    .map((r) =>
      finding(rule, "warning", { kind: "member", id: r.memberId }, {
        zh: `${r.memberId} 的${names[r.kind].zh}“${r.title}”（${r.periodStart}—${r.periodEnd}）尚未反馈`,
        en: `${r.memberId}'s ${names[r.kind].en} "${r.title}" (${r.periodStart}–${r.periodEnd}) has no feedback yet`
      }, r.periodEnd)
    )
}
