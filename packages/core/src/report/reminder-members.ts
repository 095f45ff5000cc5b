import { addDays } from "../calendar/civil-date.js"
import { fileState } from "../member/file-state.js"
import type { Member } from "../member/member.js"
import { probationLengthRule } from "../member/rules-probation.js"
import { timeline } from "../member/timeline.js"
import type { Organization } from "../org/organization.js"
import { termDates } from "../org/term.js"
import { termExtensionRule, termReminderWindowRule } from "../org/rules-term.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { memberSubject } from "./member-agenda.js"
import { inWindow, type Recipient, type Reminder, type ReminderWindow, reminder, secretaryOf } from "./reminder.js"
import { remindersLeadRule } from "./rules.js"

/**
 * Reminders from the member files: each recruitment step `stepDays` before it is due (whoever's file
 * it is), and each probation `probationDays` before it ends. Computed on the window's today, so a
 * step recorded since is not reminded of.
 */
export const memberReminders = (
  members: ReadonlyArray<Member>,
  branches: ReadonlyMap<string, Organization>,
  profile: RuleProfile,
  window: ReminderWindow
): ReadonlyArray<Reminder> => {
  const lead = ruleAt(profile, remindersLeadRule, window.today).parameters
  const out: Array<Reminder> = []
  for (const member of members) {
    if (member.status !== "active") continue
    const branch = branches.get(member.organizationId)
    const to: ReadonlyArray<Recipient> = [...(branch === undefined ? [] : [secretaryOf(branch)]), { role: "member", personId: member.id }]
    const subject = memberSubject(member)
    for (const item of timeline(member, profile, window.today).items) {
      if (item.due === undefined) continue
      const remindOn = addDays(item.due, -lead.stepDays)
      if (!inWindow(window, remindOn)) continue
      out.push(
        reminder(window, {
          id: `step:${member.id}:${item.step}:${item.due}`,
          kind: "step",
          remindOn,
          about: item.due,
          to,
          subject,
          rule: { id: item.ruleId, source: item.source },
          text: { zh: `${member.name}：“${item.label.zh}”应在${item.due}前完成`, en: `${member.name}: ${item.label.en} is due by ${item.due}` }
        })
      )
    }
    const state = fileState(member, profile, window.today)
    if (state.stage === "probationary" && state.probationEnd !== undefined && state.probationStart !== undefined) {
      const remindOn = addDays(state.probationEnd, -lead.probationDays)
      if (inWindow(window, remindOn)) {
        out.push(
          reminder(window, {
            id: `probation:${member.id}:${state.probationEnd}`,
            kind: "probation",
            remindOn,
            about: state.probationEnd,
            to,
            subject,
            rule: ruleAt(profile, probationLengthRule, state.probationStart),
            text: { zh: `${member.name}的预备期将于${state.probationEnd}届满，应及时讨论转正`, en: `${member.name}'s probation ends on ${state.probationEnd}: the conversion is to be discussed in time` }
          })
        )
      }
    }
  }
  return out
}

/**
 * Reminders of elections: the day the reminder window of `org.term.reminderWindow` opens before a term
 * ends, and the term's last day when no election has been recorded by then.
 */
export const electionReminders = (organizations: ReadonlyArray<Organization>, profile: RuleProfile, window: ReminderWindow): ReadonlyArray<Reminder> => {
  const out: Array<Reminder> = []
  for (const org of organizations) {
    if (org.kind === "partyGroup" || org.formation === "appointed" || org.dissolvedOn !== null || org.term === null) continue
    const rule = ruleAt(profile, termReminderWindowRule, window.today)
    const extension = ruleAt(profile, termExtensionRule, window.today)
    const dates = termDates(org.term, rule.parameters.months, extension.parameters.maximumMonths)
    const subject = { kind: "organization", id: org.id, name: org.name } as const
    const about = dates.extendedUntil ?? dates.termEnd
    if (inWindow(window, dates.reminderFrom)) {
      out.push(
        reminder(window, {
          id: `election:${org.id}:${org.term.electedOn}:window`,
          kind: "election",
          remindOn: dates.reminderFrom,
          about: dates.termEnd,
          to: [secretaryOf(org)],
          subject,
          rule,
          text: { zh: `${org.name}任期将于${dates.termEnd}届满，应着手准备换届选举`, en: `${org.name}: the term ends on ${dates.termEnd}; prepare the election` }
        })
      )
    }
    if (inWindow(window, about)) {
      out.push(
        reminder(window, {
          id: `election:${org.id}:${org.term.electedOn}:end`,
          kind: "election",
          remindOn: about,
          about,
          to: [secretaryOf(org)],
          subject,
          rule: dates.extendedUntil === null ? rule : extension,
          text: { zh: `${org.name}任期届满（${about}），尚未记录换届选举`, en: `${org.name}: the term ran to ${about} and no election is recorded` }
        })
      )
    }
  }
  return out
}
