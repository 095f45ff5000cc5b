import { addMonths, addYears, type CivilDate } from "../calendar/civil-date.js"
import { finding, type Finding, type FindingSubject } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import type { Organization, Term } from "./organization.js"
import { termElectionDueRule, termBoundsRule, termExtensionRule, termReminderWindowRule } from "./rules-term.js"

/** 任期日期 — the dates of a term (rules.md §3.7–3.9). */
export interface TermDates {
  /** 届满 — `electedOn + years` (calendar years, month-end clamped): the election is due by this day. */
  readonly termEnd: CivilDate
  /** From this day zhibu reminds that the election is coming (`termEnd − reminder months`). */
  readonly reminderFrom: CivilDate
  /** With an approved extension: the last day the postponed election may be held. */
  readonly extendedUntil: CivilDate | null
}

/**
 * The dates of a term. `extensionMonths` caps the approved extension at what the rule allows
 * (12 months nationally); a longer one counts only up to the cap.
 */
export const termDates = (term: Term, reminderMonths: number, extensionMonths = 12): TermDates => {
  const termEnd = addYears(term.electedOn, term.years)
  return {
    termEnd,
    reminderFrom: addMonths(termEnd, -reminderMonths),
    extendedUntil: term.extension === undefined ? null : addMonths(termEnd, Math.min(term.extension.months, extensionMonths))
  }
}

/**
 * Where a term stands on `today`:
 * - `inTerm`: before the reminder window;
 * - `dueSoon`: from the reminder window to the term end (inclusive): hold the election by `termEnd`;
 * - `extended`: after the term end, within an approved extension;
 * - `overdue`: after the term end with no approved extension;
 * - `hardOverdue`: after the end of the approved extension.
 */
export type TermStatus = "inTerm" | "dueSoon" | "extended" | "overdue" | "hardOverdue"

/** The {@link TermStatus} of a term on `today`, from its {@link TermDates}. */
export const termStatus = (dates: TermDates, today: CivilDate): TermStatus => {
  if (today < dates.reminderFrom) return "inTerm"
  if (today <= dates.termEnd) return "dueSoon"
  if (dates.extendedUntil === null) return "overdue"
  return today <= dates.extendedUntil ? "extended" : "hardOverdue"
}

const extendedFinding = (extension: ResolvedRule, subject: FindingSubject, dates: TermDates): Finding =>
  finding(
    extension,
    "reminder",
    subject,
    {
      zh: `任期于 ${dates.termEnd} 届满，经批准延期换届至 ${dates.extendedUntil}`,
      en: `the term ends on ${dates.termEnd}; the election was postponed with approval until ${dates.extendedUntil}`
    },
    dates.extendedUntil!
  )

/**
 * 换届检查 — findings about an organization's term on `today`: a reminder before it ends, a breach
 * when it ends without an election (or after an approved extension), and a term recorded outside the
 * 党章's 3–5 years. Party groups and dissolved organizations have no term.
 */
export const termFindings = (org: Organization, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  if (org.kind === "partyGroup" || org.formation === "appointed" || org.dissolvedOn !== null) return []
  const subject = { kind: "organization", id: org.id } as const
  const due = ruleAt(profile, termElectionDueRule, today)
  const term = org.term
  if (term === null) {
    return [finding(due, "warning", subject, { zh: "尚未记录选举和任期", en: "no election or term is recorded" })]
  }
  const out: Array<Finding> = []
  const bounds = ruleAt(profile, termBoundsRule, term.electedOn)
  if (term.years < bounds.parameters.minimumYears || term.years > bounds.parameters.maximumYears) {
    out.push(
      finding(bounds, "violation", subject, {
        zh: `任期记录为 ${term.years} 年，应为 ${bounds.parameters.minimumYears} 至 ${bounds.parameters.maximumYears} 年`,
        en: `the term is recorded as ${term.years} years; it must be ${bounds.parameters.minimumYears} to ${bounds.parameters.maximumYears}`
      })
    )
  }
  const extension = ruleAt(profile, termExtensionRule, term.extension?.approvedOn ?? today)
  if (term.extension !== undefined && term.extension.months > extension.parameters.maximumMonths) {
    out.push(
      finding(extension, "violation", subject, {
        zh: `批准延期 ${term.extension.months} 个月，超过 ${extension.parameters.maximumMonths} 个月`,
        en: `the approved extension is ${term.extension.months} months, more than ${extension.parameters.maximumMonths}`
      })
    )
  }
  const reminder = ruleAt(profile, termReminderWindowRule, today)
  const dates = termDates(term, reminder.parameters.months, extension.parameters.maximumMonths)
  switch (termStatus(dates, today)) {
    case "inTerm":
      break
    case "dueSoon":
      if (dates.extendedUntil !== null) {
        out.push(extendedFinding(extension, subject, dates))
        break
      }
      out.push(
        finding(
          reminder,
          "reminder",
          subject,
          { zh: `任期于 ${dates.termEnd} 届满，应按期换届`, en: `the term ends on ${dates.termEnd}; hold the election by then` },
          dates.termEnd
        )
      )
      break
    case "extended":
      out.push(extendedFinding(extension, subject, dates))
      break
    case "overdue":
      out.push(
        finding(
          due,
          "violation",
          subject,
          {
            zh: `任期已于 ${dates.termEnd} 届满，未换届也未经批准延期`,
            en: `the term ended on ${dates.termEnd} with no election and no approved extension`
          },
          dates.termEnd
        )
      )
      break
    case "hardOverdue":
      out.push(
        finding(
          extension,
          "violation",
          subject,
          {
            zh: `任期已于 ${dates.termEnd} 届满，批准的延期已于 ${dates.extendedUntil} 到期，仍未换届`,
            en: `the term ended on ${dates.termEnd} and the approved extension ran out on ${dates.extendedUntil}; no election yet`
          },
          dates.extendedUntil!
        )
      )
      break
  }
  return out
}
