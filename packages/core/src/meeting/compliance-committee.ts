import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { CivilDate } from "../calendar/civil-date.js"
import { type LeadershipRecord, leadershipOn, leadershipRecordKind } from "../org/history-leadership.js"
import type { Organization } from "../org/organization.js"
import type { StoreUnavailable } from "../store/errors.js"
import type { Store } from "../store/port.js"
import { streamRecords } from "../store/stream.js"
import type { TenantId } from "../tenant/ids.js"

/**
 * 某日是否设支委会 — whether a branch had a committee (支部委员会) on a date, from its leadership
 * history `own` (its `leadershipRecordKind` records, what `organizationService.ledOn` reads):
 * - with no history at all, the branch's current committee fields (nothing has changed since);
 * - on a date covered by the history, the committee of the last change in force that day;
 * - before the first recorded change, `false`: the committee then is not known, so the requirement
 *   falls back on the branch's full members alone (rules.md 3.5: 7 or more must have a committee).
 */
export const committeeOn = (branch: Organization, own: ReadonlyArray<LeadershipRecord>): ((date: CivilDate) => boolean) => {
  if (own.length === 0) {
    const current = branch.leadership.committeeMemberIds.length > 0
    return () => current
  }
  return (date) => (leadershipOn(own, branch.id, date)?.leadership.committeeMemberIds.length ?? 0) > 0
}

/**
 * True when the branch (with its own history `own`) may be without a known committee on some day of `[from, to]`, so its full
 * members must be counted: it has no committee now and no history, or its history shows a day in
 * the span without one (including the days before its first change).
 */
export const mayLackCommittee = (branch: Organization, own: ReadonlyArray<LeadershipRecord>, span: { readonly from: CivilDate; readonly to: CivilDate }): boolean => {
  if (own.length === 0) return branch.leadership.committeeMemberIds.length === 0
  const has = committeeOn(branch, own)
  if (!has(span.from)) return true
  return own.some((r) => r.effectiveOn > span.from && r.effectiveOn <= span.to && r.leadership.committeeMemberIds.length === 0)
}

/**
 * The leadership history of the branches up to `to`, in one paged read (filtered by organization and
 * date, never per branch), grouped by organization.
 */
export const readLeadershipHistory = (
  tenantId: TenantId,
  branchIds: ReadonlyArray<string>,
  to: CivilDate
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<LeadershipRecord>>, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const byBranch = new Map<string, Array<LeadershipRecord>>()
    if (branchIds.length === 0) return byBranch
    const records = yield* Stream.runCollect(streamRecords(leadershipRecordKind, tenantId, { organizationId: [...branchIds], effectiveOn: { lte: to } }))
    for (const r of records) {
      const list = byBranch.get(r.organizationId)
      if (list === undefined) byBranch.set(r.organizationId, [r])
      else list.push(r)
    }
    return byBranch
  })
