/**
 * @zhibu/testing — test data for applications built on zhibu: Schema arbitraries for property
 * tests, builders of member files and organizations that core's rules accept, a seeded generator
 * of whole schools, counties and provinces, and a helper that writes them into any store.
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

// Generator
export type { Facts } from "./generate/facts.js"
export {
  generate,
  type GenerateOptions,
  type Generated,
  type GeneratedBranch,
  generateBranches,
  memberChunks,
  organizationsOf,
  planWorld
} from "./generate/generate.js"
export { factsOf } from "./generate/facts.js"
export { type Rng, rngFor } from "./generate/prng.js"
export { countyScale, provinceScale, type Scale, type ScaleName, scaleDown, scales, schoolScale } from "./generate/scales.js"
export type { BranchDevelopment, BranchElection, BranchLeadership, BranchPlan, PlanContext, TreeBranch, WorldPlan } from "./generate/world.js"
export type { SchoolKind } from "./generate/names.js"
export {
  type BranchMeetings,
  branchMeetings,
  type GeneratedBranchMeetings,
  generateMeetings,
  type MeetingChunk,
  meetingChunks,
  type MeetingOptions,
  type MissedMeeting
} from "./generate/meetings.js"
export { type BranchCycles, branchCycles, generateCycles } from "./generate/yearly-cycles.js"
export { leadershipHistory } from "./generate/leadership-history.js"

// Into a store
export { type SeedData, type SeedOptions, type SeedResult, seedStore } from "./seed-store.js"
