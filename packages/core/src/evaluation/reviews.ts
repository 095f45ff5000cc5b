import type { CivilDate } from "../calendar/civil-date.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { RoleFeedback, SecretaryReport } from "./records.js"
import { roleFeedbackCadencesRule } from "./rules-standards.js"
import { secretaryReportYearlyRule } from "./rules-democratic.js"

/**
 * 述职提示 — rules.md 9.8: for each audience the profile requires (the higher organization; a
 * 党员大会 too where the county asks for two-way reporting), a reminder due on 31 December while the
 * year's report is missing, a warning once the year is over.
 */
export const secretaryReportFindings = (
  organizationId: string,
  reports: ReadonlyArray<SecretaryReport>,
  year: number,
  profile: RuleProfile,
  today: CivilDate
): ReadonlyArray<Finding> => {
  const end = `${year}-12-31` as CivilDate
  const rule = ruleAt(profile, secretaryReportYearlyRule, end)
  return rule.parameters.audiences
    .filter((audience) => !reports.some((r) => r.year === year && r.audience === audience))
    .map((audience) => {
      const to = audience === "higherOrganization" ? { zh: "向上级党组织", en: "to the higher organization" } : { zh: "向党员大会", en: "to a general meeting of members" }
      return finding(rule, today > end ? "warning" : "reminder", { kind: "organization", id: organizationId }, { zh: `${year} 年书记${to.zh}述职尚无记录`, en: `no ${year} report of the secretary ${to.en} on record` }, end)
    })
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
