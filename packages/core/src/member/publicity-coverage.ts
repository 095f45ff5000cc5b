import type { CivilDate } from "../calendar/civil-date.js"
import { countWorkdaysChecked, type WorkdayCalendar } from "../calendar/workday-calendar.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Member } from "./member.js"
import { candidatePublicityRule } from "./rules-candidate.js"

/**
 * 公示工作日无节假日数据 — a `warning` for each 公示 on the member's file whose working days were
 * counted in years the calendar has no holiday data for (see `WorkdayCalendar.coveredYears`): the
 * step was accepted on the calendar's guess, so the branch should check by hand that the posting
 * lasted the minimum number of working days. Only postings the rule in force counts (2026 rules:
 * at least 5 working days; none under the 2014 rules). Supplying the year's holiday schedule to the
 * calendar (for `chinaWorkdays`: `withYears`) clears the warning.
 */
export const publicityCoverageFindings = (member: Member, profile: RuleProfile, workdays: WorkdayCalendar): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  let designatedOn: CivilDate | undefined
  for (const step of member.steps) {
    if (step.step === "candidateDesignation") designatedOn = step.date
    const publicity = step.publicity
    if (step.step !== "candidateApproval" || publicity === undefined || step.decision?.outcome === "rejected") continue
    const rule = ruleAt(profile, candidatePublicityRule, designatedOn ?? step.date)
    const minimum = rule.parameters.minimumWorkdays
    if (minimum === 0) continue
    const counted = countWorkdaysChecked(workdays, publicity.from, publicity.to)
    const gap = counted.outsideCoverage
    if (gap === undefined) continue
    out.push(
      finding(rule, "warning", { kind: "member", id: member.id }, {
        zh: `${member.name}：公示${publicity.from}至${publicity.to}计为${counted.value}个工作日，但${gap.message.zh}；请核对公示是否满${minimum}个工作日`,
        en: `${member.name}: the posting ${publicity.from}–${publicity.to} was counted as ${counted.value} working days, but ${gap.message.en}; check by hand that it lasted ${minimum} working days`
      })
    )
  }
  return out
}
