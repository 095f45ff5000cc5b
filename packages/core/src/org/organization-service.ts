import * as Effect from "effect/Effect"
import { chinaDate } from "../calendar/civil-date.js"
import type { Finding } from "../profile/finding.js"
import { serviceMethod } from "../service/method.js"
import { invalidInput, notAfterToday } from "../service/errors.js"
import { createRecord, expectVersion, loadOrganizationFor, loadOrganizations, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { memberKind } from "../member/kinds.js"
import { approveTermExtension, recordElection } from "./election-service.js"
import { collapseGeneralBranch, dissolve, mergeBranches, organizationsOn, splitBranch } from "./change-service.js"
import { backfillLeadership } from "./history-backfill.js"
import { ledOn, secretaryChanges } from "./history-service.js"
import { saveWithHistory } from "./history-write.js"
import { checkLeadership } from "./leadership.js"
import { organizationKind } from "./kinds.js"
import type { Organization } from "./organization.js"
import { CreateOrganizationInput, GetOrganizationInput, UpdateLeadershipInput } from "./organization-service-inputs.js"
import { checkOrganization } from "./setup-check.js"
import { termFindings } from "./term.js"
import { checkPlacement, subtreeIds } from "./tree.js"
import { authorize } from "../auth/authorize.js"

/** The members of an organization and of every organization below it. */
const subtreeMembers = (ctx: Parameters<typeof todayOf>[0], organization: Organization, organizations: ReadonlyArray<Organization>) =>
  Effect.flatMap(Store, (store) => store.list(memberKind, ctx.tenantId, { organizationId: subtreeIds(organization.id, organizations) }))

/**
 * 组织服务 — the organization tree. Every method is `(ctx, input) => Effect` needing the `Store`:
 * the input is typed and decoded at the boundary, the actor is authorized (an organization the
 * actor cannot see is `NotFound`, as if it did not exist), and a failed command writes nothing.
 */
export const organizationService = {
  /**
   * 新建党组织 — creates an organization. The actor needs `organization.create` at the parent (or,
   * for a root, at the new id itself); an unknown parent is `NotFound`. The placement must satisfy
   * the tree rules (`checkPlacement`).
   */
  create: serviceMethod("organization.create", CreateOrganizationInput, (ctx, data) =>
    Effect.gen(function* () {
      if (data.foundedOn > chinaDate(ctx.now)) {
        return yield* invalidInput("organization.create", "foundedOn", notAfterToday)
      }
      const organizations =
        data.parentId === null
          ? yield* loadOrganizations(ctx)
          : (yield* loadOrganizationFor(ctx, data.parentId, "organization.create")).organizations
      if (data.parentId === null) yield* authorize(ctx.actor, "organization.create", { organizationId: data.id }, organizations)
      const record: Omit<Organization, "version"> = {
        ...data,
        tenantId: ctx.tenantId,
        leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
        term: null,
        dissolvedOn: null
      }
      yield* checkPlacement(record, organizations)
      return yield* createRecord(ctx, organizationKind, record, "organization.create")
    })
  ),

  /**
   * 调整班子 — replaces an organization's leadership (a by-election, an approved change of
   * secretary). For a branch, everyone named must be a full member of the branch with the right to
   * be elected, and there is at most one deputy (`checkLeadership`). The change is appended to the
   * leadership history in the same write (two audit entries).
   */
  updateLeadership: serviceMethod("organization.update", UpdateLeadershipInput, (ctx, data) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, data.organizationId, "organization.update")
      yield* expectVersion(organizationKind, organization, data.expectedVersion)
      const members = yield* subtreeMembers(ctx, organization, organizations)
      const effectiveOn = data.effectiveOn ?? todayOf(ctx)
      if (effectiveOn > todayOf(ctx)) return yield* invalidInput("organization.update", "effectiveOn", notAfterToday)
      yield* checkLeadership(organization, data.leadership, members, ctx.profile, effectiveOn)
      return yield* saveWithHistory(ctx, organization, { ...organization, leadership: data.leadership }, effectiveOn, data.basis, "organization.update")
    })
  ),

  recordElection,
  approveTermExtension,
  ledOn,
  secretaryChanges,
  backfillLeadership,
  splitBranch,
  mergeBranches,
  collapseGeneralBranch,
  dissolve,
  organizationsOn,

  /** 党组织 — one organization (`organization.read`). */
  get: serviceMethod("organization.get", GetOrganizationInput, (ctx, input) =>
    Effect.map(loadOrganizationFor(ctx, input.organizationId, "organization.read"), ({ organization }) => organization)
  ),

  /** 下级组织 — the organizations directly below one, by id (`organization.read`). */
  children: serviceMethod("organization.children", GetOrganizationInput, (ctx, input) =>
    Effect.map(loadOrganizationFor(ctx, input.organizationId, "organization.read"), ({ organizations }) =>
      organizations.filter((o) => o.parentId === input.organizationId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    )
  ),

  /**
   * 组织检查 — the setup and term findings of one organization on today (China time), judged by the
   * context's profile, counting the members of its subtree (`organization.read`).
   */
  findings: serviceMethod("organization.findings", GetOrganizationInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organizations, organization } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
      const members = yield* subtreeMembers(ctx, organization, organizations)
      const today = todayOf(ctx)
      const findings: ReadonlyArray<Finding> = [
        ...checkOrganization(organization, members, ctx.profile, today),
        ...termFindings(organization, ctx.profile, today)
      ]
      return findings
    })
  )
} as const

