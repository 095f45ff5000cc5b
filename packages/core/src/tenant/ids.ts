import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"
import type { Message } from "../i18n/message.js"

const Id = (brand: string, what: Message) =>
  Schema.String.pipe(
    Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
      message: () => `${what.en} id: 1–64 characters of letters, digits, '.', '_', ':' or '-'`
    }),
    Schema.brand(brand),
    Schema.annotations(
      expected({
        zh: `${what.zh} id：1–64 个字母、数字或 . _ : -，以字母或数字开头`,
        en: `${what.en} id: 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit`
      })
    )
  )

/** 租户 — the unit of data isolation (a county, or a school). Every record and query is scoped by it. */
export const TenantId = Id("TenantId", { zh: "租户", en: "tenant" })
export type TenantId = typeof TenantId.Type

/** 党组织 id. */
export const OrganizationId = Id("OrganizationId", { zh: "党组织", en: "organization" })
export type OrganizationId = typeof OrganizationId.Type

/** A person: a member, an applicant, or an official of a higher committee. */
export const PersonId = Id("PersonId", { zh: "人员", en: "person" })
export type PersonId = typeof PersonId.Type
