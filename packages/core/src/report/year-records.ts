import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { addDays, type CivilDate, minDate } from "../calendar/civil-date.js"
import { duesMonthKind, duesPaymentKind } from "../dues/kinds.js"
import { democraticEvaluationKind, rectificationItemKind } from "../evaluation/kinds.js"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import { organizationChangeKind } from "../org/change-record.js"
import { leadershipRecordKind } from "../org/history-leadership.js"
import type { Organization } from "../org/organization.js"
import { subtreeIds } from "../org/tree.js"
import { treeOn } from "../org/tree-on.js"
import type { CommandContext } from "../service/context.js"
import { todayOf } from "../service/support.js"
import type { StoreUnavailable } from "../store/errors.js"
import type { RecordFilter } from "../store/filter.js"
import { Store } from "../store/port.js"
import { streamRecords } from "../store/stream.js"
import { studyCreditKind, studyExcusalKind } from "../study/kinds.js"
import type { YearRecords } from "./annual-summary.js"
import { complianceOf } from "./compliance-units.js"
import { yearEnd, yearStart } from "./member-place.js"

/**
 * Member files per `list` call when a report reads a subtree's files: a county's (about 1,650) in one
 * page, a province's (273,000) in 55 (with pages of 1,000 the province's annual summary took 2–3%
 * longer and 285 statements instead of 66). A page is a few MB.
 */
export const REPORT_PAGE_SIZE = 5_000

/** The organizations of `root`'s subtree as they stood on `on`, and every id that may hold its files (then or now). */
export const treeOfDate = (
  ctx: CommandContext,
  root: Organization,
  organizations: ReadonlyArray<Organization>,
  on: CivilDate
): Effect.Effect<{ readonly tree: ReadonlyArray<Organization>; readonly ids: ReadonlyArray<string> }, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const changes = yield* store.list(organizationChangeKind, ctx.tenantId, { effectiveOn: { gte: on } })
    const then = changes.length === 0 ? organizations : treeOn(organizations, changes, on)
    const below = new Set(subtreeIds(root.id, then.some((o) => o.id === root.id) ? then : [root, ...then]))
    const tree = then.filter((o) => below.has(o.id))
    const ids = [...new Set([...below, ...subtreeIds(root.id, organizations)])]
    return { tree: tree.some((o) => o.id === root.id) ? tree : [root, ...tree], ids }
  })

/** The tenant's member files matching `filter`, read page by page. */
const readFiles = (ctx: CommandContext, filter: RecordFilter<typeof memberKind> | undefined): Effect.Effect<ReadonlyArray<Member>, StoreUnavailable, Store> =>
  Effect.map(Stream.runCollect(streamRecords(memberKind, ctx.tenantId, filter, { pageSize: REPORT_PAGE_SIZE })), Chunk.toReadonlyArray)

/** Every member file filed under `ids`, read page by page. */
export const filesUnder = (ctx: CommandContext, ids: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<Member>, StoreUnavailable, Store> =>
  readFiles(ctx, { organizationId: ids })

/**
 * The member files under `ids`, or every file of the tenant when `ids` names every one of its
 * `organizations` (a superset: for readers that ignore a file placed outside their tree). A province's
 * 27,000 organization ids, sent with each of its 274 pages, cost PostgreSQL 15–20 ms a page to plan.
 */
const filesCovering = (
  ctx: CommandContext,
  ids: ReadonlyArray<string>,
  organizations: ReadonlyArray<Organization>
): Effect.Effect<ReadonlyArray<Member>, StoreUnavailable, Store> => {
  const named = new Set(ids)
  return readFiles(ctx, organizations.every((o) => named.has(o.id)) ? undefined : { organizationId: ids })
}

/**
 * 年度记录 — reads what {@link summarizeYear} needs for `root`'s subtree and `year`, as of the year's
 * end (or today, when the year is not over): the tree of that date, the subtree's member files (paged),
 * and one grouped aggregate per record kind, whatever the number of branches.
 */
export const readYearRecords = (
  ctx: CommandContext,
  root: Organization,
  organizations: ReadonlyArray<Organization>,
  year: number
): Effect.Effect<YearRecords, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const from = yearStart(year)
    const asOf = minDate(yearEnd(year), todayOf(ctx))
    const { tree, ids } = yield* treeOfDate(ctx, root, organizations, asOf)
    // `summarizeYear` and the compliance units ignore a file placed outside the tree.
    const members = yield* filesCovering(ctx, ids, organizations)
    const organizationId = ids
    const leadership = yield* store.aggregate(leadershipRecordKind, ctx.tenantId, {
      groupBy: ["organizationId", "basis"],
      filter: { organizationId, effectiveOn: { gte: from, lte: asOf } },
      sum: ["secretaryChanged"]
    })
    const duesMonths = yield* store.aggregate(duesMonthKind, ctx.tenantId, {
      groupBy: ["organizationId", "quarter"],
      filter: { organizationId, year, monthStart: { lte: asOf } },
      sum: ["due", "paid"]
    })
    const duesPayments = yield* store.aggregate(duesPaymentKind, ctx.tenantId, {
      groupBy: ["organizationId", "quarter"],
      filter: { organizationId, year, paidOn: { lte: asOf } },
      sum: ["amount"]
    })
    // Grouped by organization too, so the database reads migration 0006's index in its order and
    // need not sort; a member credited in two organizations gives two rows, summed by `summarizeYear`.
    const credits = yield* store.aggregate(studyCreditKind, ctx.tenantId, {
      groupBy: ["organizationId", "memberId"],
      filter: { organizationId, year, on: { lte: asOf } },
      sum: ["tenths", "centralized"]
    })
    const excusals = yield* store.list(studyExcusalKind, ctx.tenantId, { organizationId, year })
    // A year that is over is judged the day after it ends, so that its last month, quarter and year are judged too.
    const judgedOn = minDate(addDays(yearEnd(year), 1), todayOf(ctx))
    const compliance = yield* complianceOf(ctx.tenantId, tree, members, { profile: ctx.profile, from, to: yearEnd(year), asOf: judgedOn })
    const evaluations = yield* store.aggregate(democraticEvaluationKind, ctx.tenantId, {
      groupBy: ["organizationId"],
      filter: { organizationId, year },
      sum: ["evaluated", "excellent", "qualified", "basicallyQualified", "unqualified"]
    })
    const rectification = yield* store.aggregate(rectificationItemKind, ctx.tenantId, {
      groupBy: ["organizationId", "raisedOn", "closedOn"],
      filter: { organizationId, raisedOn: { lte: asOf } }
    })
    return {
      root: tree.find((o) => o.id === root.id) ?? root,
      organizations: tree,
      year,
      asOf,
      profile: ctx.profile,
      members,
      leadership: leadership.map((r) => ({ organizationId: r.group.organizationId, basis: r.group.basis, count: r.count, secretaryChanged: r.sums.secretaryChanged })),
      duesMonths: duesMonths.map((r) => ({ organizationId: r.group.organizationId, quarter: r.group.quarter, due: r.sums.due, paid: r.sums.paid })),
      duesPayments: duesPayments.map((r) => ({ organizationId: r.group.organizationId, quarter: r.group.quarter, amount: r.sums.amount })),
      studyCredits: credits.map((r) => ({ memberId: r.group.memberId, tenths: r.sums.tenths, centralized: r.sums.centralized })),
      studyExcused: excusals.map((e) => e.memberId as string),
      compliance,
      evaluations: evaluations.map((r) => ({ organizationId: r.group.organizationId, ...r.sums })),
      rectification: rectification.map((r) => ({ organizationId: r.group.organizationId, raisedOn: r.group.raisedOn, closedOn: r.group.closedOn, count: r.count }))
    } satisfies YearRecords
  })
