import { addDays, type CivilDate } from "../calendar/civil-date.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Organization } from "../org/organization.js"
import type { AttendanceStatus } from "./meeting.js"
import { silentBranchRule } from "./rules-governance.js"

/** 参与率 — one member's attendance over a period: meetings due, present, on leave, absent. */
export interface MemberParticipation {
  readonly memberId: string
  readonly due: number
  readonly present: number
  readonly leave: number
  readonly absent: number
  /** `present / due` (0 when nothing was due), for display; the counts are exact. */
  readonly ratio: number
}

/**
 * The attendance ratio per member from rows grouped by member and status (one aggregate), in member
 * id order.
 */
export const participationFrom = (
  rows: ReadonlyArray<{ readonly group: { readonly memberId: string; readonly status: string }; readonly count: number }>
): ReadonlyArray<MemberParticipation> => {
  const by = new Map<string, Record<AttendanceStatus, number>>()
  for (const r of rows) {
    let c = by.get(r.group.memberId)
    if (c === undefined) {
      c = { present: 0, leave: 0, absent: 0 }
      by.set(r.group.memberId, c)
    }
    c[r.group.status as AttendanceStatus] += r.count
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, c]) => {
      const due = c.present + c.leave + c.absent
      return { memberId, due, ...c, ratio: due === 0 ? 0 : c.present / due }
    })
}

/**
 * 组织生活停滞 — a `flag` for each branch that existed through the whole look-back window (the rule's
 * days, 30 by default, ending today) and recorded no meeting in it. `recent` holds the number of
 * meetings per branch id in the window (one aggregate over the subtree).
 */
export const silentBranchFindings = (
  branches: ReadonlyArray<Organization>,
  recent: ReadonlyMap<string, number>,
  profile: RuleProfile,
  today: CivilDate
): ReadonlyArray<Finding> => {
  const rule = ruleAt(profile, silentBranchRule, today)
  const since = addDays(today, 1 - rule.parameters.days)
  return branches
    .filter((b) => b.foundedOn < since && b.dissolvedOn === null && (recent.get(b.id) ?? 0) === 0)
    .map((b) =>
      finding(rule, "flag", { kind: "organization", id: b.id }, {
        zh: `${b.name}自${since}以来${rule.parameters.days}天未记录组织生活`,
        en: `${b.name}: no organizational life recorded in the ${rule.parameters.days} days since ${since}`
      })
    )
}

/** The first day of the silent-branch look-back window ending `today`. */
export const silentWindowStart = (profile: RuleProfile, today: CivilDate): CivilDate =>
  addDays(today, 1 - ruleAt(profile, silentBranchRule, today).parameters.days)
