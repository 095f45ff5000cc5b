import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { CivilDate } from "../calendar/civil-date.js"
import { calendarPeriod, type Period } from "../calendar/period.js"
import { type SchoolCalendar, semesterOf, semestersOverlapping } from "../calendar/school-calendar.js"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { StoreUnavailable } from "../store/errors.js"
import { Store } from "../store/port.js"
import { streamRecords } from "../store/stream.js"
import type { TenantId } from "../tenant/ids.js"
import type { ComplianceUnit } from "./compliance.js"
import { mayLackCommittee, readLeadershipHistory } from "./compliance-committee.js"
import { complianceUnits } from "./compliance-units.js"
import { type CountedKey, countedKeys, HeldIndex, type HeldRow, termBucket } from "./held.js"
import { meetingKind } from "./kinds.js"
import type { ComplianceView } from "./meeting-service-inputs.js"

/** The branches (党支部 and 联合党支部) of a subtree, in the tree's order, each with its party groups. */
export const branchesOf = (subtree: ReadonlyArray<Organization>): ReadonlyArray<{ branch: Organization; groups: ReadonlyArray<Organization> }> => {
  // The party groups by parent in one pass, each list in the tree's order (a province: 27,672 organizations).
  const groupsByParent = new Map<string, Array<Organization>>()
  for (const g of subtree) {
    if (g.kind !== "partyGroup" || g.parentId === null) continue
    const list = groupsByParent.get(g.parentId)
    if (list === undefined) groupsByParent.set(g.parentId, [g])
    else list.push(g)
  }
  return subtree
    .filter((o) => o.kind === "branch" || o.kind === "jointBranch")
    .map((branch) => ({ branch, groups: groupsByParent.get(branch.id) ?? [] }))
}

/** The period of a view around `on`; none for `semester` on a vacation day or without a school calendar. */
export const viewPeriod = (view: ComplianceView, on: CivilDate, schoolCalendar?: SchoolCalendar): Option.Option<Period> => {
  switch (view) {
    case "month":
      return Option.some(calendarPeriod("monthly", on))
    case "quarter":
      return Option.some(calendarPeriod("quarterly", on))
    case "year":
      return Option.some(calendarPeriod("yearly", on))
    case "semester":
      return schoolCalendar === undefined ? Option.none() : semesterOf(schoolCalendar, on)
  }
}

/**
 * Adds the aggregate's rows to the index through one reused row (`add` keeps no reference to it): a
 * province's month aggregate is 330,000 rows, and an object per row is garbage to collect.
 */
const addRows = (
  index: HeldIndex,
  rows: ReadonlyArray<{ readonly group: Readonly<Record<string, string | number | null>>; readonly count: number; readonly sums: Readonly<Record<string, number>> }>,
  bucket: (group: Readonly<Record<string, string | number | null>>) => string
): void => {
  const row: { -readonly [K in keyof HeldRow]: HeldRow[K] } = { organizationId: "", bucket: "", localKinds: null, meetings: 0, counts: {} }
  for (const r of rows) {
    row.organizationId = String(r.group.organizationId)
    row.bucket = bucket(r.group)
    row.localKinds = (r.group.localKinds as string | null) ?? null
    row.meetings = r.count
    row.counts = r.sums as Partial<Record<CountedKey, number>>
    index.add(row)
  }
}

/**
 * 已召开次数 — the held counts of the branches' meetings (their groups' included) over `[from, to]`,
 * read as grouped aggregates, never per branch: one by organization × month, one by organization ×
 * ISO week when a weekly kind is asked about, and one per school term overlapping the span. Given
 * `keys` (the count keys compliance asks about, `complianceCountKeys`), only those counted kinds
 * are summed; the index then answers 0 for the others.
 */
export const readHeld = (
  tenantId: TenantId,
  branchIds: ReadonlyArray<string>,
  span: { readonly from: CivilDate; readonly to: CivilDate },
  needs: { readonly weekly: boolean; readonly schoolCalendar?: SchoolCalendar | undefined; readonly keys?: ReadonlyArray<string> | undefined }
): Effect.Effect<HeldIndex, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const index = new HeldIndex()
    const filter = { branchId: branchIds, date: { gte: span.from, lte: span.to } }
    // Only the counted kinds asked about are summed (a province's month aggregate is 330,000 rows, and
    // each sum is a column of every row); the others count 0 in this index.
    const keys = needs.keys
    const sum = keys === undefined ? countedKeys : countedKeys.filter((k) => keys.includes(k))
    const months = yield* store.aggregate(meetingKind, tenantId, { groupBy: ["organizationId", "month", "localKinds"], filter, sum })
    addRows(index, months, (g) => String(g.month))
    if (needs.weekly) {
      const weeks = yield* store.aggregate(meetingKind, tenantId, { groupBy: ["organizationId", "week", "localKinds"], filter, sum })
      addRows(index, weeks, (g) => String(g.week))
    }
    for (const term of needs.schoolCalendar === undefined ? [] : semestersOverlapping(needs.schoolCalendar, span.from, span.to)) {
      const rows = yield* store.aggregate(meetingKind, tenantId, {
        groupBy: ["organizationId", "localKinds"],
        filter: { branchId: branchIds, date: { gte: term.start, lte: term.end } },
        sum
      })
      addRows(index, rows, () => termBucket(term.label))
    }
    return index
  })

/**
 * The compliance units of the branches over `span`: the committee on each date comes from the
 * leadership history up to its end (one stream for all the branches), and composition is read from
 * member files only for the branches that may lack a committee on some day of it (the others need no
 * count), as one more stream over all of them.
 */
export const loadUnits = (
  tenantId: TenantId,
  branches: ReadonlyArray<{ branch: Organization; groups: ReadonlyArray<Organization> }>,
  profile: RuleProfile,
  span: { readonly from: CivilDate; readonly to: CivilDate }
): Effect.Effect<ReadonlyArray<ComplianceUnit>, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const history = yield* readLeadershipHistory(tenantId, branches.map((b) => b.branch.id), span.to)
    const lacks = (branch: Organization): boolean => mayLackCommittee(branch, history.get(branch.id) ?? [], span)
    const counted = branches.filter((b) => lacks(b.branch)).map((b) => b.branch.id)
    const members: ReadonlyArray<Member> =
      counted.length === 0 ? [] : Chunk.toReadonlyArray(yield* Stream.runCollect(streamRecords(memberKind, tenantId, { organizationId: counted })))
    return complianceUnits(branches, members, profile, history)
  })
