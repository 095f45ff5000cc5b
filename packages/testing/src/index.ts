/**
 * @zhibu/testing — test data for applications built on zhibu: builders of member files and
 * organizations that core's rules accept.
 */

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
