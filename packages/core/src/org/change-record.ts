import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { defineRecordKind, field } from "../store/record-kind.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"
import { Organization, OrganizationKind } from "./organization.js"

/**
 * 组织调整 — the kinds of change to the tree: `changeKind` (a branch becomes a general branch, a
 * general branch a branch), `split` (a branch divided into new branches, under the old one become a
 * general branch, or beside it), `merge` (branches joined into one, a joint branch when they cover
 * several units), `dissolve` (撤销, once its members have all been moved).
 */
export const OrganizationChangeType = Schema.Literal("changeKind", "split", "merge", "dissolve")
export type OrganizationChangeType = typeof OrganizationChangeType.Type

/** An organization as it was before a change: enough to rebuild the tree of an earlier date. */
export const OrganizationBefore = Schema.Struct({
  id: OrganizationId,
  kind: OrganizationKind,
  parentId: Schema.NullOr(OrganizationId),
  units: Organization.fields.units,
  dissolvedOn: Schema.NullOr(CivilDate)
})
export type OrganizationBefore = typeof OrganizationBefore.Type

/** One member file moved by a change, from one organization to another. */
export const ChangeMove = Schema.Struct({ memberId: PersonId, from: OrganizationId, to: OrganizationId })
export type ChangeMove = typeof ChangeMove.Type

/**
 * 组织调整记录 — one change of the tree on `effectiveOn`, decided by the higher committee (`basis`,
 * e.g. its document): every organization it changed as it was before, those it created, and the
 * member files it moved. Written in the same atomic write as the change; with it, the tree of any
 * past date can be rebuilt (`treeOn`).
 */
export const OrganizationChange = Schema.Struct({
  tenantId: TenantId,
  id: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)),
  version: Schema.Int.pipe(Schema.positive()),
  change: OrganizationChangeType,
  /** The organization the change is about (the one split, the survivor of a merge, the one dissolved). */
  organizationId: OrganizationId,
  effectiveOn: CivilDate,
  basis: DisplayText(1, 200),
  before: Schema.Array(OrganizationBefore),
  created: Schema.Array(OrganizationId),
  moves: Schema.Array(ChangeMove)
})
export type OrganizationChange = typeof OrganizationChange.Type

/** 组织调整记录 — the stored changes of the tree, by organization and by date. Migration 0005 made the table. */
export const organizationChangeKind = defineRecordKind({
  name: "organizationChange",
  table: "zhibu_organization_change",
  schema: OrganizationChange,
  fields: {
    organizationId: field.key((c: OrganizationChange) => c.organizationId),
    change: field.key((c: OrganizationChange) => c.change),
    effectiveOn: field.date((c: OrganizationChange) => c.effectiveOn),
    basis: field.text((c: OrganizationChange) => c.basis, 200)
  },
  organizationField: "organizationId",
  indexes: [["organizationId"], ["effectiveOn"]]
})
