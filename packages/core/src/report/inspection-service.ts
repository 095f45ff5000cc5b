import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { addDays, minDate } from "../calendar/civil-date.js"
import { duesMonthKind } from "../dues/kinds.js"
import { checklistScoreKind, democraticEvaluationKind, rectificationItemKind, roleFeedbackKind, secretaryReportKind } from "../evaluation/kinds.js"
import { meetingKind } from "../meeting/kinds.js"
import { filingBranchId } from "../meeting/roster.js"
import { memberKind } from "../member/kinds.js"
import { statusOn } from "../member/sanctions.js"
import { stageOn } from "../member/stage.js"
import { leadershipRecordKind } from "../org/history-leadership.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { studyCreditKind, studyExcusalKind } from "../study/kinds.js"
import { studyStatus } from "../study/ledger.js"
import { OrganizationId } from "../tenant/ids.js"
import { complianceOf } from "./compliance-units.js"
import { inspectionPack } from "./inspection.js"
import { yearEnd, yearStart } from "./member-place.js"
import { InspectionItem } from "./rules.js"

/**
 * 迎检材料 — input of {@link reportService.inspection}: the branch (a 党小组 stands for its branch), the year, and
 * optionally the inspection's own checklist (else the profile's `report.inspection.checklist`).
 */
export const InspectionInput = Schema.Struct({
  organizationId: OrganizationId,
  year: Schema.Int.pipe(Schema.between(1921, 2999)),
  items: Schema.optional(Schema.Array(InspectionItem).pipe(Schema.minItems(1)))
})
export type InspectionInput = typeof InspectionInput.Encoded

/**
 * 迎检材料 — a branch's inspection pack for a year, as of its last day or today (see `inspectionPack`):
 * each item's proving records and what is missing, each citing its rule. It names people and
 * records, so it needs `organization.read`. Reads the branch's records only.
 */
export const inspection = serviceMethod("report.inspection", InspectionInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const branchId = filingBranchId(organization)
    const branch = organizations.find((o) => o.id === branchId) ?? organization
    const from = yearStart(input.year)
    const asOf = minDate(yearEnd(input.year), todayOf(ctx))
    const year = input.year
    const store = yield* Store
    const own = { organizationId: branch.id }
    const members = yield* store.list(memberKind, ctx.tenantId, own)
    const subtree = [branch, ...organizations.filter((o) => o.kind === "partyGroup" && o.parentId === branch.id)]
    const credited = yield* store.aggregate(studyCreditKind, ctx.tenantId, { groupBy: ["memberId"], filter: { ...own, year, on: { lte: asOf } }, sum: ["tenths", "centralized"] })
    const excused = yield* store.list(studyExcusalKind, ctx.tenantId, { ...own, year })
    const leaders = new Set([branch.leadership.secretaryId, ...branch.leadership.deputySecretaryIds, ...branch.leadership.committeeMemberIds])
    const roll = members.filter((m) => statusOn(m, asOf) === "active" && ["probationary", "full"].includes(stageOn(m, asOf, ctx.profile) ?? ""))
    const dues = yield* store.aggregate(duesMonthKind, ctx.tenantId, { groupBy: ["month"], filter: { ...own, year, monthStart: { lte: asOf } }, sum: ["due", "paid"] })
    const rectification = yield* store.list(rectificationItemKind, ctx.tenantId, { ...own, raisedOn: { lte: asOf } })
    return inspectionPack(
      {
        branch,
        year,
        asOf,
        profile: ctx.profile,
        meetings: yield* store.list(meetingKind, ctx.tenantId, { branchId: branch.id, date: { gte: from, lte: asOf } }),
        // A year that is over is judged the day after it ends, so its last periods read as missed, not as still open.
        compliance: yield* complianceOf(ctx.tenantId, subtree, members, { profile: ctx.profile, from, to: yearEnd(year), asOf: minDate(addDays(yearEnd(year), 1), todayOf(ctx)) }),
        leadership: yield* store.list(leadershipRecordKind, ctx.tenantId, { ...own, effectiveOn: { lte: asOf } }),
        secretaryReports: yield* store.list(secretaryReportKind, ctx.tenantId, { ...own, year }),
        evaluations: yield* store.list(democraticEvaluationKind, ctx.tenantId, { ...own, year }),
        rectification: rectification.filter((i) => i.closedOn === null || i.closedOn >= from),
        checklists: yield* store.list(checklistScoreKind, ctx.tenantId, { ...own, year }),
        roles: yield* store.list(roleFeedbackKind, ctx.tenantId, { ...own, periodStart: { gte: from, lte: yearEnd(year) } }),
        duesMonths: dues.map((r) => ({ month: r.group.month, due: r.sums.due, paid: r.sums.paid })),
        study: studyStatus(
          roll.map((m) => ({ memberId: m.id, leader: leaders.has(m.id) })),
          new Map(credited.map((r) => [r.group.memberId as string, { tenths: r.sums.tenths, centralized: r.sums.centralized }])),
          new Map(),
          new Set(excused.map((e) => e.memberId as string)),
          ctx.profile,
          yearEnd(year)
        ),
        members
      },
      input.items
    )
  })
)
