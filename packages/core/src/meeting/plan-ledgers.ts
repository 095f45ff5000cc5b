import { addDays, type CivilDate, fromParts } from "../calendar/civil-date.js"
import { calendarPeriod } from "../calendar/period.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import { assessmentAnnualRule, paymentMethodsRule, publicationYearlyRule } from "../dues/rules-ledger.js"
import type { Organization } from "../org/organization.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { leaderAnnualHoursRule, memberAnnualHoursRule } from "../study/rules-hours.js"
import type { PlanItem } from "./plan.js"
import { nthWeekday } from "./plan-days.js"

/** What the dues and study items of a plan need: the year, the branch, the profile and the working days. */
export interface LedgerPlanOptions {
  readonly profile: RuleProfile
  readonly year: number
  readonly branch: Organization
  readonly workdays: WorkdayCalendar
  readonly themeDay: { readonly weekday: number; readonly week: number }
  /** The branch's fixed dues day of the month (1–28); absent: the day of the month's 主题党日. */
  readonly duesDay?: number
}

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** The working day nearest to `day` inside `[from, to]`: on or after it, else before it; `day` itself when none. */
const workdayNear = (workdays: WorkdayCalendar, day: CivilDate, from: CivilDate, to: CivilDate): CivilDate => {
  for (let d = day; d <= to; d = addDays(d, 1)) if (workdays.isWorkday(d)) return d
  for (let d = addDays(day, -1); d >= from; d = addDays(d, -1)) if (workdays.isWorkday(d)) return d
  return day
}

/** The last working day of `[from, to]` (its last day when none is a working day). */
const lastWorkday = (workdays: WorkdayCalendar, from: CivilDate, to: CivilDate): CivilDate => {
  for (let d = to; d >= from; d = addDays(d, -1)) if (workdays.isWorkday(d)) return d
  return to
}

/** 学时 from tenths, as people write them: 320 → "32", 75 → "7.5". */
const hours = (tenths: number): string => String(tenths / 10)

/**
 * 党费月份 — the dues items of a branch's year (rules.md 5.11, 5.13):
 * - each month, collecting that month's dues on the branch's fixed day (`duesDay`; by default the day
 *   of the month's 主题党日, when many branches collect), moved to the nearest working day in the
 *   month; it cites `dues.payment.methods` (dues are paid monthly);
 * - the yearly fixing of each member's amount, on the first working day of the month
 *   `dues.assessment.annual` names (January);
 * - publishing collection and use to members `dues.publication.yearly` times a year, on the last
 *   working day of each equal share of the year (once: the last working day of December).
 */
export const duesPlanItems = (o: LedgerPlanOptions): Array<PlanItem> => {
  const id = o.branch.id
  const yearEnd = fromParts(o.year, 12, 31)
  const monthly = ruleAt(o.profile, paymentMethodsRule, yearEnd)
  const items: Array<PlanItem> = []
  for (let m = 1; m <= 12; m++) {
    const month = calendarPeriod("monthly", fromParts(o.year, m, 1))
    const fixed = o.duesDay === undefined ? nthWeekday(month.start, o.themeDay.weekday, o.themeDay.week) : fromParts(o.year, m, o.duesDay)
    const preferred = fixed > month.end ? month.end : fixed
    items.push({
      id: `${id}/dues/${month.label}`,
      type: "dues",
      organizationId: id,
      date: workdayNear(o.workdays, preferred, month.start, month.end),
      title: { zh: `收缴${o.year}年${m}月党费`, en: `collect the dues of ${month.label}` },
      ruleId: monthly.id,
      source: monthly.source,
      period: month
    })
  }
  const assessment = ruleAt(o.profile, assessmentAnnualRule, yearEnd)
  const assessmentMonth = calendarPeriod("monthly", fromParts(o.year, assessment.parameters.month, 1))
  items.push({
    id: `${id}/dues/assessment/${o.year}`,
    type: "dues",
    organizationId: id,
    date: workdayNear(o.workdays, assessmentMonth.start, assessmentMonth.start, assessmentMonth.end),
    title: { zh: `核定${o.year}年度每名党员每月交纳党费数额`, en: `fix each member's monthly dues for ${o.year}` },
    ruleId: assessment.id,
    source: assessment.source
  })
  const publication = ruleAt(o.profile, publicationYearlyRule, yearEnd)
  const times = publication.parameters.timesPerYear
  for (let k = 1; k <= times; k++) {
    const lastMonth = Math.floor((12 * k) / times)
    const end = calendarPeriod("monthly", fromParts(o.year, lastMonth, 1))
    items.push({
      id: `${id}/dues/publication/${o.year}-${pad2(lastMonth)}`,
      type: "dues",
      organizationId: id,
      date: lastWorkday(o.workdays, end.start, end.end),
      title: { zh: "向党员公布党费收缴、使用情况", en: "publish dues collection and use to the members" },
      ruleId: publication.id,
      source: publication.source
    })
  }
  return items
}

/**
 * 学时检查点 — the study checkpoints of a branch's year (rules.md 7.1, 7.2). The rules set a yearly
 * figure only; the plan's stated convention is a checkpoint at the end of each quarter (its last
 * working day) with a share of the year's target pro rata, rounded up to a tenth of a 学时: by the end
 * of quarter q, q/4 of `study.member.annualHours` for every member (8, 16, 24, 32) and of
 * `study.leader.annualHours` for the secretary and committee members (14, 28, 42, 56). The fourth is
 * the yearly target itself.
 */
export const studyPlanItems = (o: LedgerPlanOptions): Array<PlanItem> => {
  const id = o.branch.id
  const yearEnd = fromParts(o.year, 12, 31)
  const member = ruleAt(o.profile, memberAnnualHoursRule, yearEnd)
  const leader = ruleAt(o.profile, leaderAnnualHoursRule, yearEnd)
  const items: Array<PlanItem> = []
  for (let q = 1; q <= 4; q++) {
    const quarter = calendarPeriod("quarterly", fromParts(o.year, 3 * q, 1))
    const m = Math.ceil((member.parameters.tenths * q) / 4)
    const l = Math.ceil((leader.parameters.tenths * q) / 4)
    items.push({
      id: `${id}/study/${quarter.label}`,
      type: "study",
      organizationId: id,
      date: lastWorkday(o.workdays, quarter.start, quarter.end),
      title: {
        zh: `学时检查：党员累计应不少于${hours(m)}学时（全年${hours(member.parameters.tenths)}），书记、支委不少于${hours(l)}学时（全年${hours(leader.parameters.tenths)}）`,
        en: `study check: at least ${hours(m)} hours so far for every member (${hours(member.parameters.tenths)} a year), ${hours(l)} for the secretary and committee (${hours(leader.parameters.tenths)} a year)`
      },
      ruleId: member.id,
      source: member.source,
      period: quarter
    })
  }
  return items
}
