import type * as Schema from "effect/Schema"
import { type Member, Member as MemberSchema } from "../member/member.js"
import { type Organization, Organization as OrganizationSchema } from "../org/organization.js"

/** Every kind of record the store keeps, by name. Later capabilities add kinds here. */
export interface Entities {
  readonly organization: Organization
  readonly member: Member
}
export type EntityKind = keyof Entities
export type Entity = Entities[EntityKind]

/** The Schema of each kind: adapters encode and decode through it, so nothing malformed is stored. */
export const entitySchemas: { readonly [K in EntityKind]: Schema.Schema<Entities[K], any> } = {
  organization: OrganizationSchema,
  member: MemberSchema
}

export const entityKinds: ReadonlyArray<EntityKind> = ["organization", "member"]

/** Filters `list` understands, per kind. Every filter field is optional; all given fields must match. */
export interface EntityFilters {
  readonly organization: { readonly parentId?: string | null; readonly kind?: Organization["kind"] }
  readonly member: {
    readonly organizationIds?: ReadonlyArray<string>
    readonly stage?: Member["stage"]
    readonly status?: Member["status"]
  }
}
