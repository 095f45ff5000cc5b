import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CivilDate, fromParts } from "../calendar/civil-date.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor } from "../service/support.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import { type LeadershipRecord, leadershipOn, leadershipRecordKind } from "./history-leadership.js"
import { subtreeIds } from "./tree.js"

/** 某日的班子 — an organization and a date. */
export const LedOnInput = Schema.Struct({ organizationId: OrganizationId, on: CivilDate })
export type LedOnInput = typeof LedOnInput.Encoded

/**
 * 某日由谁领导 — the leadership of an organization in force on a date, from its history
 * (`organization.read`): the record of the last change on or before it, or null before the history
 * begins. Also what the chair and quorum checks of a past meeting read.
 */
export const ledOn = serviceMethod("organization.ledOn", LedOnInput, (ctx, input) =>
  Effect.gen(function* () {
    yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const store = yield* Store
    const records = yield* store.list(leadershipRecordKind, ctx.tenantId, { organizationId: input.organizationId, effectiveOn: { lte: input.on } })
    return leadershipOn(records, input.organizationId, input.on) ?? (null as LeadershipRecord | null)
  })
)

/** 年度书记更换 — an organization (its subtree is counted) and a calendar year. */
export const SecretaryChangesInput = Schema.Struct({ organizationId: OrganizationId, year: Schema.Int.pipe(Schema.between(1921, 2999)) })
export type SecretaryChangesInput = typeof SecretaryChangesInput.Encoded

/** The changes of secretary in a year: in total, and per organization that had any. */
export interface SecretaryChanges {
  readonly year: number
  readonly total: number
  readonly byOrganization: ReadonlyArray<{ readonly organizationId: string; readonly changes: number }>
}

/**
 * 年度书记更换数 — "secretaries changed in the year" for the county (`report.aggregate`, counts
 * only): the changes of one secretary for another dated in the calendar year, in the organization's
 * subtree; one grouped aggregate in the store.
 */
export const secretaryChanges = serviceMethod("organization.secretaryChanges", SecretaryChangesInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
    const store = yield* Store
    const rows = yield* store.aggregate(leadershipRecordKind, ctx.tenantId, {
      groupBy: ["organizationId"],
      filter: {
        organizationId: subtreeIds(input.organizationId, organizations),
        effectiveOn: { gte: fromParts(input.year, 1, 1), lte: fromParts(input.year, 12, 31) }
      },
      sum: ["secretaryChanged"]
    })
    const byOrganization = rows
      .filter((r) => r.sums.secretaryChanged > 0)
      .map((r) => ({ organizationId: r.group.organizationId, changes: r.sums.secretaryChanged }))
    const total = byOrganization.reduce((n, r) => n + r.changes, 0)
    return { year: input.year, total, byOrganization } satisfies SecretaryChanges
  })
)
