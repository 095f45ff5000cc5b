import * as fc from "fast-check"
import { Member, Organization, OrganizationId, PersonId, TenantId } from "../internal/core.js"
import { arbitraryOf } from "./schema.js"

/** Any record id the Schemas accept: 1–64 letters, digits, `.`, `_`, `:` or `-`, mixed case. */
export const idArbitrary: fc.Arbitrary<string> = arbitraryOf(PersonId)

/** Any tenant id the Schema accepts. */
export const tenantIdArbitrary: fc.Arbitrary<string> = arbitraryOf(TenantId)

/** Where the drawn records belong. Fields not given are drawn too. */
export interface RecordScope {
  readonly tenantId?: string
  /** Members are filed in one of these (drawn ids otherwise). */
  readonly organizationIds?: ReadonlyArray<string>
}

/**
 * 党组织 — any organization record its Schema accepts (every kind, name, date and leadership),
 * in `tenantId` when given. Parents and leaders are arbitrary ids: for a consistent tree use
 * {@link tenantRecordsArbitrary}.
 */
export const organizationArbitrary = (scope: RecordScope = {}): fc.Arbitrary<Organization> =>
  arbitraryOf(Organization).map((o) => (scope.tenantId === undefined ? o : { ...o, tenantId: scope.tenantId as Organization["tenantId"] }))

/**
 * 党员档案 — any member record its Schema accepts (any steps, statuses, sanctions: not a lifecycle
 * the rules would accept — see `memberFileArbitrary` for that), in `tenantId` and filed in one of
 * `organizationIds` when given.
 */
export const memberArbitrary = (scope: RecordScope = {}): fc.Arbitrary<Member> => {
  const organizationId =
    scope.organizationIds === undefined || scope.organizationIds.length === 0
      ? arbitraryOf(OrganizationId)
      : fc.constantFrom(...(scope.organizationIds as ReadonlyArray<OrganizationId>))
  return fc.tuple(arbitraryOf(Member), organizationId).map(([m, organizationId]) => ({
    ...m,
    organizationId,
    ...(scope.tenantId === undefined ? {} : { tenantId: scope.tenantId as Member["tenantId"] })
  }))
}
