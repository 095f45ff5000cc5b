import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { Organization } from "../org/organization.js"
import { withCitation } from "../profile/citation.js"
import type { ResolvedRule, RuleSource } from "../profile/rule.js"
import type { AgendaSubject } from "./agenda.js"

/** What a reminder is about. */
export type ReminderKind = "meeting" | "step" | "probation" | "election" | "dues" | "study"

/** Whom to remind: an organization's secretary (or group leader), or the member concerned. */
export type Recipient =
  | { readonly role: "secretary"; readonly organizationId: string; readonly personId: string | null }
  | { readonly role: "member"; readonly personId: string }

/**
 * 提醒 — one thing to remind someone of, on one day. Its `id` is stable — the same reminder has the
 * same id on every run — so a host that stores the ids it delivered never sends one twice.
 */
export interface Reminder {
  readonly id: string
  readonly kind: ReminderKind
  /** The day the reminder is due to be sent. */
  readonly remindOn: CivilDate
  /** The deadline or opening it is about. */
  readonly about: CivilDate
  /** True when `about` is before the run's today (a day that passed unattended). */
  readonly overdue: boolean
  readonly to: ReadonlyArray<Recipient>
  readonly subject: AgendaSubject
  readonly ruleId: string
  readonly source: RuleSource
  /** The text with the rule id and its source appended, in zh-CN and English. */
  readonly message: Message
}

/** The window a run covers: every day after `since` (the last run) up to `today`. */
export interface ReminderWindow {
  readonly since: CivilDate
  readonly today: CivilDate
}

/** True when `date` is a day of the window. */
export const inWindow = (window: ReminderWindow, date: CivilDate): boolean => window.since < date && date <= window.today

/** The secretary of an organization as a recipient (null when the post is vacant). */
export const secretaryOf = (organization: Organization): Recipient => ({
  role: "secretary",
  organizationId: organization.id,
  personId: organization.leadership.secretaryId
})

/** Builds a reminder citing `rule`. */
export const reminder = (
  window: ReminderWindow,
  fields: {
    readonly id: string
    readonly kind: ReminderKind
    readonly remindOn: CivilDate
    readonly about: CivilDate
    readonly to: ReadonlyArray<Recipient>
    readonly subject: AgendaSubject
    readonly rule: Pick<ResolvedRule, "id" | "source">
    readonly text: Message
  }
): Reminder => ({
  id: fields.id,
  kind: fields.kind,
  remindOn: fields.remindOn,
  about: fields.about,
  overdue: fields.about < window.today,
  to: fields.to,
  subject: fields.subject,
  ruleId: fields.rule.id,
  source: fields.rule.source,
  message: withCitation(fields.rule, fields.text)
})

/** The feed's order: by the day to send, then by id, so that two runs list the same reminders alike. */
export const compareReminders = (a: Reminder, b: Reminder): number =>
  a.remindOn !== b.remindOn ? (a.remindOn < b.remindOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
