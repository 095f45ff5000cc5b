import * as Schema from "effect/Schema"

const Id = (brand: string, what: string) =>
  Schema.String.pipe(
    Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
      message: () => `${what} id: 1–64 characters of letters, digits, '.', '_', ':' or '-'`
    }),
    Schema.brand(brand)
  )

/** 租户 — the unit of data isolation (a county, or a school). Every record and query is scoped by it. */
export const TenantId = Id("TenantId", "tenant")
export type TenantId = typeof TenantId.Type

/** 党组织 id. */
export const OrganizationId = Id("OrganizationId", "organization")
export type OrganizationId = typeof OrganizationId.Type

/** A person: a member, an applicant, or an official of a higher committee. */
export const PersonId = Id("PersonId", "person")
export type PersonId = typeof PersonId.Type
