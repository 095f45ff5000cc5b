import * as Schema from "effect/Schema"
import { OrganizationId, PersonId } from "../tenant/ids.js"

/**
 * Roles: 支部书记 branch secretary, 副书记 deputy secretary, 支部委员 committee member,
 * 党小组长 group leader, 党员 member, 上级党委组织员 the higher committee's organizer,
 * 县级查看者 a county viewer who sees aggregates only.
 */
export const Role = Schema.Literal(
  "branchSecretary",
  "deputySecretary",
  "committeeMember",
  "groupLeader",
  "member",
  "higherOrganizer",
  "countyViewer"
)
export type Role = typeof Role.Type

/** A role held in one organization; it reaches that organization's whole subtree. */
export const RoleGrant = Schema.Struct({ role: Role, organizationId: OrganizationId })
export type RoleGrant = typeof RoleGrant.Type

/** 操作人 — the person acting, with the roles the host application has established for them. */
export const Actor = Schema.Struct({
  personId: PersonId,
  roles: Schema.Array(RoleGrant)
})
export type Actor = typeof Actor.Type
