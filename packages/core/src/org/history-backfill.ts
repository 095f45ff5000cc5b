import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { serviceMethod } from "../service/method.js"
import { invalidInput, notAfterToday } from "../service/errors.js"
import { auditOf, loadOrganizationFor, todayOf } from "../service/support.js"
import { createWrite, Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import { type LeadershipRecord, leadershipRecordId, leadershipRecordKind } from "./history-leadership.js"
import type { Organization } from "./organization.js"
import { subtreeIds } from "./tree.js"

/**
 * 补录班子 — an organization whose subtree's leadership history is backfilled, and from when the
 * current leadership is recorded (`organizationService.backfillLeadership`).
 */
export const BackfillLeadershipInput = Schema.Struct({
  organizationId: OrganizationId,
  /** The day the recorded leadership is in force from; absent: each organization's election, else its founding. */
  effectiveOn: Schema.optional(CivilDate)
})
export type BackfillLeadershipInput = typeof BackfillLeadershipInput.Encoded

/** What a backfill did: the organizations it recorded, and those it left alone and why. */
export interface LeadershipBackfill {
  readonly recorded: ReadonlyArray<string>
  /** Already had a leadership history (a second run records nothing). */
  readonly withHistory: ReadonlyArray<string>
  /** No secretary, deputy or committee member to record, or dissolved. */
  readonly nothingToRecord: ReadonlyArray<string>
}

/**
 * The `recorded` history record of an organization's current leadership from `effectiveOn` (not
 * before its founding): no previous secretary, so it is never counted as a change of secretary.
 */
export const recordedLeadership = (organization: Organization, effectiveOn: CivilDate): Omit<LeadershipRecord, "version"> => ({
  tenantId: organization.tenantId,
  id: leadershipRecordId(organization.id, organization.version),
  organizationId: organization.id,
  effectiveOn: effectiveOn < organization.foundedOn ? organization.foundedOn : effectiveOn,
  basis: "recorded",
  leadership: organization.leadership,
  previousSecretaryId: null,
  organizationVersion: organization.version
})

const hasLeadership = (o: Organization): boolean =>
  o.dissolvedOn === null && (o.leadership.secretaryId !== null || o.leadership.deputySecretaryIds.length > 0 || o.leadership.committeeMemberIds.length > 0)

/**
 * 补录班子 — for organizations that existed before leadership history was kept: records the current
 * secretary, deputies and committee of the organization and every organization below it that has no
 * history yet (basis `recorded`), so that `ledOn` and `secretaryChanges` work for them. Dated from
 * `effectiveOn` when given (never before an organization's founding), else from the organization's
 * recorded election (its term), else its founding. Idempotent: an organization with any history
 * record is left alone, so a second run writes nothing. One atomic write, one audit entry per
 * record; needs `organization.update` on the organization. Nothing is changed on the organizations.
 */
export const backfillLeadership = serviceMethod("organization.backfillLeadership", BackfillLeadershipInput, (ctx, input) =>
  Effect.gen(function* () {
    if (input.effectiveOn !== undefined && input.effectiveOn > todayOf(ctx)) {
      return yield* invalidInput("organization.backfillLeadership", "effectiveOn", notAfterToday)
    }
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.update")
    const ids = new Set(subtreeIds(input.organizationId, organizations))
    const scope = organizations.filter((o) => ids.has(o.id))
    const store = yield* Store
    const counted = yield* store.aggregate(leadershipRecordKind, ctx.tenantId, { groupBy: ["organizationId"], filter: { organizationId: [...ids] } })
    const historied = new Set(counted.filter((r) => r.count > 0).map((r) => r.group.organizationId))
    const withHistory = scope.filter((o) => historied.has(o.id))
    const candidates = scope.filter((o) => !historied.has(o.id))
    const toRecord = candidates.filter(hasLeadership)
    const today = todayOf(ctx)
    const records = toRecord.map((o) => recordedLeadership(o, input.effectiveOn ?? (o.term?.electedOn !== undefined && o.term.electedOn <= today ? o.term.electedOn : o.foundedOn)))
    if (records.length > 0) {
      yield* store.write(ctx.tenantId, records.map((r) => createWrite(leadershipRecordKind, r)), auditOf(ctx, "organization.update"))
    }
    const sorted = (list: ReadonlyArray<Organization>) => list.map((o) => o.id as string).sort()
    return {
      recorded: sorted(toRecord),
      withHistory: sorted(withHistory),
      nothingToRecord: sorted(candidates.filter((o) => !hasLeadership(o)))
    } satisfies LeadershipBackfill
  })
)
