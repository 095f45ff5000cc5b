import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { branchesOf } from "../meeting/compliance-read.js"
import { meetingKind } from "../meeting/kinds.js"
import { silentBranchFindings, silentWindowStart } from "../meeting/participation.js"
import { subtreeIds } from "../org/tree.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import { branchAgenda } from "./branch-agenda.js"
import { complianceOf } from "./compliance-units.js"
import { complianceDashboard } from "./dashboard.js"
import { yearStart } from "./member-place.js"
import { stalledFiles } from "./stalled.js"
import { filesUnder } from "./year-records.js"

/** 合规看板 — input of {@link reportService.dashboard}: the organization whose branches are shown. */
export const DashboardInput = Schema.Struct({ organizationId: OrganizationId })
export type DashboardInput = typeof DashboardInput.Encoded

/**
 * 合规看板 — the compliance dashboard of every branch of an organization's subtree on today (see
 * `complianceDashboard`): gaps of the year so far, the agenda's next 30 and 90 days, silent branches,
 * overdue elections and stalled files. It names people, so it needs `organization.read`. Reads the
 * organizations, the subtree's member files (paged) and the meeting aggregates, however many branches.
 */
export const dashboard = serviceMethod("report.dashboard", DashboardInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const today = todayOf(ctx)
    const root = organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id
    const ids = new Set(subtreeIds(root, organizations))
    const subtree = organizations.filter((o) => ids.has(o.id))
    const members = yield* filesUnder(ctx, [...ids])
    const compliance = yield* complianceOf(ctx.tenantId, subtree, members, { profile: ctx.profile, from: yearStart(Number(today.slice(0, 4))), to: today, asOf: today })
    const branches = branchesOf(subtree).map((b) => b.branch)
    const store = yield* Store
    const recent = yield* store.aggregate(meetingKind, ctx.tenantId, {
      groupBy: ["branchId"],
      filter: { branchId: branches.map((b) => b.id), date: { gte: silentWindowStart(ctx.profile, today), lte: today } }
    })
    const top = organizations.find((o) => o.id === root) ?? organization
    return complianceDashboard({
      organizationId: organization.id,
      today,
      organizations: subtree,
      agenda: branchAgenda(top, organizations, members, ctx.profile, today, { horizonMonths: 4 }),
      compliance,
      silent: silentBranchFindings(branches, new Map(recent.map((r) => [r.group.branchId as string, r.count])), ctx.profile, today),
      stalled: stalledFiles(members, ctx.profile, today)
    })
  })
)
