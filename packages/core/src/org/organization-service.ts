import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { authorize } from "../auth/authorize.js"
import { CivilDate, chinaDate } from "../calendar/civil-date.js"
import type { Finding } from "../profile/finding.js"
import type { CommandContext } from "../service/context.js"
import { decodeInput } from "../service/decode-input.js"
import { InvalidInput } from "../service/errors.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import { checkLeadership, LeadershipChange } from "./leadership.js"
import { Organization, OrganizationBasis, OrganizationKind } from "./organization.js"
import { auditOf, expectVersion, loadForAction, updateOrganization } from "./service-support.js"
import { checkOrganization } from "./setup-check.js"
import { termFindings } from "./term.js"
import { checkPlacement, subtreeIds } from "./tree.js"

/**
 * 新建党组织 — input of {@link createOrganization}. A new organization has no leadership and no term
 * until they are recorded. Only a 党委 may hold 审批权 (XZ2026 第二十二条).
 */
export const CreateOrganizationInput = Schema.Struct({
  id: OrganizationId,
  kind: OrganizationKind,
  formation: Organization.fields.formation,
  name: Organization.fields.name,
  parentId: Schema.NullOr(OrganizationId),
  units: Organization.fields.units,
  basis: OrganizationBasis,
  canApproveAdmissions: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  foundedOn: CivilDate
}).pipe(
  Schema.filter((i) => !i.canApproveAdmissions || i.kind === "committee" || "only a committee (党委) may approve admissions"),
  Schema.filter((i) => i.formation === "elected" || i.kind === "committee" || i.kind === "generalBranch" || "only a committee or general branch can be appointed; branches are elected")
)

/**
 * Creates an organization in the tenant. The actor needs `organization.create` at the parent (or, for
 * a root, at the new id itself). The placement must satisfy the tree rules ({@link checkPlacement}).
 */
export const createOrganization = (ctx: CommandContext, input: unknown) =>
  Effect.gen(function* () {
    const data = yield* decodeInput(CreateOrganizationInput, "organization.create")(input)
    if (data.foundedOn > chinaDate(ctx.now)) {
      return yield* new InvalidInput({ operation: "organization.create", reason: `foundedOn ${data.foundedOn} is after today` })
    }
    const store = yield* Store
    const organizations = yield* store.list("organization", ctx.tenantId)
    yield* authorize(ctx.actor, "organization.create", { organizationId: data.parentId ?? data.id }, organizations)
    const record: Omit<Organization, "version"> = {
      ...data,
      tenantId: ctx.tenantId,
      leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
      term: null,
      dissolvedOn: null
    }
    yield* checkPlacement(record, organizations)
    const [created] = yield* store.write(ctx.tenantId, [{ op: "create", kind: "organization", record }], auditOf(ctx, "organization.create"))
    return created as Organization
  })

/** 调整班子 — input of {@link updateLeadership}, based on the version the caller read. */
export const UpdateLeadershipInput = Schema.Struct({
  organizationId: OrganizationId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  leadership: LeadershipChange
})

/**
 * Replaces an organization's leadership (a by-election, an approved change of secretary). For a
 * branch, everyone named must be a full member of the branch with the right to be elected, and there
 * is at most one deputy ({@link checkLeadership}). A stale `expectedVersion` is a `Conflict`.
 */
export const updateLeadership = (ctx: CommandContext, input: unknown) =>
  Effect.gen(function* () {
    const data = yield* decodeInput(UpdateLeadershipInput, "organization.update")(input)
    const { organizations, organization } = yield* loadForAction(ctx, data.organizationId, "organization.update")
    yield* expectVersion(organization, data.expectedVersion)
    const store = yield* Store
    const members = yield* store.list("member", ctx.tenantId, { organizationIds: subtreeIds(organization.id, organizations) })
    yield* checkLeadership(organization, data.leadership, members, ctx.profile, chinaDate(ctx.now))
    return yield* updateOrganization(ctx, { ...organization, leadership: data.leadership }, data.expectedVersion, "organization.update")
  })

/**
 * 组织检查 — the setup and term findings of one organization on today (China time), judged by the
 * context's profile. Counts the members of the organization and of those below it.
 */
export const organizationFindings = (ctx: CommandContext, organizationId: string) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* loadForAction(ctx, organizationId, "organization.read")
    const store = yield* Store
    const members = yield* store.list("member", ctx.tenantId, { organizationIds: subtreeIds(organization.id, organizations) })
    const today = chinaDate(ctx.now)
    const findings: ReadonlyArray<Finding> = [
      ...checkOrganization(organization, members, ctx.profile, today),
      ...termFindings(organization, ctx.profile, today)
    ]
    return findings
  })
