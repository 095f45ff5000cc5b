import * as Schema from "effect/Schema"
import { Cadence } from "../calendar/cadence.js"
import { Message } from "../i18n/message.js"

/**
 * 本地会议类型 — a meeting kind a school adds by local rule (a weekly 党建例会, a monthly
 * one-hour 思想政治课). It has no national source; its cadence is judged like any other.
 */
export const LocalMeetingKind = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[a-z][a-zA-Z0-9]*$/)),
  name: Message,
  cadence: Cadence,
  /** 学时 credited to each attendee, if the meeting counts as study (see rules.md Q6). */
  studyHours: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  countsTowardStudy: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type LocalMeetingKind = typeof LocalMeetingKind.Type
