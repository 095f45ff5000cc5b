/**
 * @zhibu/testing — test data for applications built on zhibu: Schema arbitraries for property
 * tests, and builders of member files and organizations that core's rules accept.
 */

// Arbitraries (fast-check 4), from the Schemas
export { type DrawnFile, civilDateArbitrary, type MemberFileOptions, memberFileArbitrary } from "./arbitraries/member-file.js"
export { idArbitrary, memberArbitrary, organizationArbitrary, type RecordScope, tenantIdArbitrary } from "./arbitraries/records.js"
export { arbitraryOf } from "./arbitraries/schema.js"
export { type TenantRecords, type TenantRecordsOptions, tenantRecordsArbitrary } from "./arbitraries/tenant.js"

// Builders
export { aMember, type BuiltFile, type IdentityInput, MemberBuilder, MemberBuilderError } from "./builders/member-builder.js"
export type { Milestones } from "./builders/member-plan.js"
export {
  aBranch,
  aCountyCommittee,
  anOrganization,
  aPartyGroup,
  countyTree,
  OrganizationBuilder,
  type SchoolSpec
} from "./builders/organization-builder.js"
