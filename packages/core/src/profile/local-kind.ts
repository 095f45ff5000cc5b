import * as Schema from "effect/Schema"
import { Cadence } from "../calendar/cadence.js"
import type { CivilDate } from "../calendar/civil-date.js"
import { Message } from "../i18n/message.js"
import { MeetingBody } from "../meeting/kind.js"
import type { RuleSource } from "./rule.js"

/**
 * 本地会议类型 — a meeting kind a school adds by local rule (a weekly 党建例会, a monthly
 * one-hour 思想政治课). It has no national source; its cadence is judged like any other.
 */
export const LocalMeetingKind = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[a-z][a-zA-Z0-9]*$/)),
  name: Message,
  cadence: Cadence,
  /** Who holds it; the whole branch unless the local document says otherwise. */
  heldBy: Schema.optionalWith(MeetingBody, { default: () => "branch" as const }),
  /** 学时 credited to each attendee, if the meeting counts as study (see rules.md Q6). */
  studyHours: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  countsTowardStudy: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type LocalMeetingKind = typeof LocalMeetingKind.Type

/** A local meeting kind as a profile holds it: with the document that added it and from when. */
export interface ProfileMeetingKind extends LocalMeetingKind {
  readonly source: RuleSource
  readonly effectiveFrom: CivilDate
  /** The override profile that added the kind. */
  readonly profileId: string
}
