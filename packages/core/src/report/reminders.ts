import type { BranchCompliance } from "../meeting/compliance.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import { compareReminders, type Reminder, type ReminderWindow } from "./reminder.js"
import { duesReminders, meetingReminders, studyReminders } from "./reminder-ledgers.js"
import { electionReminders, memberReminders } from "./reminder-members.js"

/** What the reminders feed is computed from: the subtree's records as read on the window's today. */
export interface ReminderRecords extends ReminderWindow {
  readonly profile: RuleProfile
  /** The subtree's organizations (branches, their groups and the bodies above them). */
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
  /** Meeting compliance of the subtree's branches over the window and the `meetingDays` after it. */
  readonly compliance: ReadonlyArray<BranchCompliance>
  /** Each member's months with dues unpaid, up to today. */
  readonly unpaidDues: ReadonlyArray<{ readonly memberId: string; readonly month: string }>
  /** Study credits by member and day, over the years of the window. */
  readonly studyCredits: ReadonlyArray<{ readonly memberId: string; readonly on: string; readonly tenths: number }>
  /** Members excused from the study target, by year. */
  readonly studyExcused: ReadonlyArray<{ readonly memberId: string; readonly year: number }>
}

/**
 * 提醒 — what to remind whom, for every day after `since` (the last run) up to `today`: a meeting due
 * this week, a recruitment step due in 7 days, a probation ending, an election window opening (or a
 * term running out), dues or study falling behind — each citing its rule, lead times from
 * `report.reminders.lead`. Every reminder whose day falls in the window is listed, so a run after days
 * unattended misses none; a day already covered by an earlier run is not covered again. The same
 * window over the same records gives the same reminders with the same ids, in the same order. Pure.
 */
export const reminderFeed = (records: ReminderRecords): ReadonlyArray<Reminder> => {
  if (records.since >= records.today) return []
  const window = { since: records.since, today: records.today }
  const byId = new Map(records.organizations.map((o) => [o.id as string, o]))
  const branchOf = new Map<string, Organization>()
  for (const o of records.organizations) if (o.kind !== "partyGroup") branchOf.set(o.id, o)
  const members = new Map(records.members.map((m) => [m.id as string, m]))
  const all = [
    ...meetingReminders(records.compliance, byId, records.profile, window),
    ...memberReminders(records.members, branchOf, records.profile, window),
    ...electionReminders(records.organizations, records.profile, window),
    ...duesReminders(records.unpaidDues, members, branchOf, records.profile, window),
    ...studyReminders(records.studyCredits, records.studyExcused, records.members, branchOf, records.profile, window)
  ]
  const unique = new Map<string, Reminder>()
  for (const r of all) if (!unique.has(r.id)) unique.set(r.id, r)
  return [...unique.values()].sort(compareReminders)
}
