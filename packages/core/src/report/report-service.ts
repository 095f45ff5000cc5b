import * as Effect from "effect/Effect"
import { memberKind } from "../member/kinds.js"
import type { MemberStage, MemberStatus } from "../member/member.js"
import { subtreeIds } from "../org/tree.js"
import { serviceMethod } from "../service/method.js"
import { loadOrganizationFor, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { annualSummary } from "./annual-service.js"
import { BranchAgendaInput } from "./branch-agenda-input.js"
import { countyView } from "./county-view-service.js"
import { dashboard } from "./dashboard-service.js"
import { funnel } from "./funnel-service.js"
import { inspection } from "./inspection-service.js"
import { reminders } from "./reminders-service.js"
import { branchAgenda } from "./branch-agenda.js"
import { MembershipSummaryInput, summarizeMembership } from "./membership-summary.js"

/**
 * 报表服务 — the read-only reports. Every method is `(ctx, input) => Effect` needing the `Store`,
 * authorizes, and writes nothing.
 */
export const reportService = {
  /**
   * 支部工作日程 — the agenda of an organization and its subtree on today (China time), judged by
   * the context's profile. It names people, so it needs `organization.read`: a county viewer, who
   * sees aggregates only, is `Forbidden`.
   */
  branchAgenda: serviceMethod("report.branchAgenda", BranchAgendaInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
      const ids = subtreeIds(organization.id, organizations)
      // Members of a 党小组 are filed under its branch: an agenda of a group reads the branch's files.
      const inSubtree = new Set(ids)
      const branches = organizations.filter((o) => o.kind === "partyGroup" && inSubtree.has(o.id) && o.parentId !== null).map((o) => o.parentId!)
      const store = yield* Store
      const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: [...new Set([...ids, ...branches])] })
      return branchAgenda(organization, organizations, members, ctx.profile, todayOf(ctx), {
        horizonMonths: input.horizonMonths,
        evidence: input.evidence
      })
    })
  ),

  /**
   * 党员人数统计 — the membership of an organization and its subtree, counted by the store: one
   * aggregate statement and one list of the tenant's organizations, however many branches the
   * subtree has; no member record is read. It needs `report.aggregate` (a county viewer has it), and
   * the result holds no person's id or name.
   */
  membershipSummary: serviceMethod("report.membershipSummary", MembershipSummaryInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "report.aggregate")
      const store = yield* Store
      const rows = yield* store.aggregate(memberKind, ctx.tenantId, {
        groupBy: ["organizationId", "stage", "status"],
        filter: { organizationId: subtreeIds(organization.id, organizations) }
      })
      const counts = rows.map((r) => ({
        organizationId: r.group.organizationId,
        stage: r.group.stage as MemberStage,
        status: r.group.status as MemberStatus,
        count: r.count
      }))
      return summarizeMembership(organization, organizations, counts)
    })
  ),

  /** 年度工作情况 — an {@link AnnualSummary}: exact counts of a subtree's year (`organization.read`). */
  annualSummary,

  /** 发展漏斗 — a {@link RecruitmentFunnel}: conversion and time per stage per year, young teachers, plan (`organization.read`). */
  funnel,

  /** 县级汇总 — a {@link CountyView}: the year's summary and funnel with small counts suppressed (`report.aggregate`). */
  countyView,

  /** 合规看板 — a {@link ComplianceDashboard}: per branch, gaps, the next 30 and 90 days, silence, elections, stalled files (`organization.read`). */
  dashboard,

  /** 迎检材料 — an {@link InspectionPack}: per inspection item, the proving records and what is missing (`organization.read`). */
  inspection,

  /** 提醒 — each a {@link Reminder}: what to remind whom for the days since the last run (`organization.read`). */
  reminders
} as const
