import * as Effect from "effect/Effect"
import type { CivilDate } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import type { CommandContext } from "../service/context.js"
import { guard, loadOrganizations } from "../service/support.js"
import { NotFound } from "../store/errors.js"
import { Store } from "../store/port.js"
import type { AnyRecordKind, RecordOf } from "../store/record-kind.js"
import { mobileAttachmentKind } from "../transfer/kinds.js"
import { attachedOn } from "../transfer/mobile.js"
import { meetingKind } from "./kinds.js"
import type { Meeting } from "./meeting.js"

/** The records of `kind` with these ids that exist, in the ids' order (a missing one is skipped). */
const existing = <K extends AnyRecordKind>(ctx: CommandContext, kind: K, ids: ReadonlyArray<string>) =>
  Effect.flatMap(Store, (store) =>
    Effect.forEach(ids, (id) =>
      store.get(kind, ctx.tenantId, id).pipe(
        Effect.map((r): ReadonlyArray<RecordOf<K>> => [r]),
        Effect.catchIf(
          (e): e is NotFound => e instanceof NotFound,
          () => Effect.succeed([])
        )
      )
    ).pipe(Effect.map((found) => found.flat()))
  )

/** The meetings that a record's decisions name as their prior discussion. */
export const priorDiscussions = (ctx: CommandContext, meeting: Omit<Meeting, "version">) =>
  existing(ctx, meetingKind, [...new Set(meeting.resolutions.flatMap((r) => (r.priorDiscussionId === undefined ? [] : [r.priorDiscussionId])))])

/** The mobile members attached to the organization on `on` (流入地), and their files (kept by their home branches). */
export const guestFilesOn = (ctx: CommandContext, organizationId: string, on: CivilDate) =>
  Effect.gen(function* () {
    const store = yield* Store
    const attachments = (yield* store.list(mobileAttachmentKind, ctx.tenantId, { hostOrganizationId: organizationId })).filter((a) => attachedOn(a, on))
    const files = yield* existing(ctx, memberKind, [...new Set(attachments.map((a) => a.memberId))])
    return { attachments, files }
  })

/** A meeting and the organizations, after guarding `action` on its organization (unseen = NotFound). */
export const loadMeetingFor = (ctx: CommandContext, meetingId: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const meeting = yield* store.get(meetingKind, ctx.tenantId, meetingId)
    const organizations = yield* loadOrganizations(ctx)
    yield* guard(ctx, "meeting.read", { organizationId: meeting.organizationId }, organizations, new NotFound({ kind: meetingKind.name, id: meetingId, tenantId: ctx.tenantId }))
    return { meeting, organizations }
  })
