import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId } from "../tenant/ids.js"
import { LeadershipChange } from "./leadership.js"
import { Organization, OrganizationBasis, OrganizationKind } from "./organization.js"

/**
 * 新建党组织 — a new organization has no leadership and no term until they are recorded. Only a 党委
 * may hold 审批权 (XZ2026 第二十二条).
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
  Schema.filter(
    (i) =>
      i.formation === "elected" ||
      i.kind === "committee" ||
      i.kind === "generalBranch" ||
      "only a committee or general branch can be appointed; branches are elected"
  )
)
export type CreateOrganizationInput = typeof CreateOrganizationInput.Encoded

/**
 * 调整班子 — the new leadership, based on the version the caller read, from `effectiveOn` (today
 * when absent), on the `basis` of an appointment (the default) or a by-election (补选): kept in the
 * leadership history.
 */
export const UpdateLeadershipInput = Schema.Struct({
  organizationId: OrganizationId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  leadership: LeadershipChange,
  effectiveOn: Schema.optional(CivilDate),
  basis: Schema.optionalWith(Schema.Literal("appointment", "byElection"), { default: () => "appointment" as const })
})
export type UpdateLeadershipInput = typeof UpdateLeadershipInput.Encoded

/** One organization, by id. */
export const GetOrganizationInput = Schema.Struct({ organizationId: OrganizationId })
export type GetOrganizationInput = typeof GetOrganizationInput.Encoded
