import * as Schema from "effect/Schema"
import { Cadence } from "../calendar/cadence.js"
import { Message } from "../i18n/message.js"
import type { LocalKindSection, ProfileLocalKind } from "../profile/local-kind.js"
import type { RuleProfile } from "../profile/profile.js"
import { MeetingBody, meetingKinds } from "./kind.js"

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

/** A local meeting kind as a profile holds it: with the document that added it, from when, and the override profile. */
export type ProfileMeetingKind = ProfileLocalKind<LocalMeetingKind>

/**
 * The `meetingKinds` field of a local override profile: local meeting kinds, refused when one reuses
 * the id of a national meeting kind. Listed in a rules document with cadence, body and 学时.
 */
export const meetingKindsSection: LocalKindSection<LocalMeetingKind> = {
  key: "meetingKinds",
  noun: "local meeting kind",
  kind: LocalMeetingKind,
  refuse: (kind) =>
    (meetingKinds as ReadonlyArray<string>).includes(kind.id)
      ? `local meeting kind "${kind.id}" reuses the id of a national meeting kind; choose another id`
      : undefined,
  table: {
    heading: "本地会议类型 — Local meeting kinds",
    columns: ["Cadence", "Held by", "学时"],
    cells: (k) => [k.cadence, k.heldBy, k.studyHours === undefined ? "—" : `${k.studyHours}${k.countsTowardStudy ? "" : " (not counted)"}`]
  }
}

/** The local meeting kinds override profiles added to `profile`, in the order they were added. */
export const localMeetingKinds = (profile: RuleProfile): ReadonlyArray<ProfileMeetingKind> =>
  (profile.localKinds[meetingKindsSection.key] ?? []) as ReadonlyArray<ProfileMeetingKind>
