/**
 * @zhibu/store-testkit — the conformance suite every storage adapter runs (private, used from
 * source), with the record factories and generators it is built from.
 */
export {
  arbitraryOf,
  memberArbitrary,
  organizationArbitrary,
  recordIdArbitrary,
  unicodeNameArbitrary
} from "./arbitraries.js"
export {
  auditContext,
  createWrite,
  type Draft,
  freshId,
  freshTenant,
  makeMember,
  makeOrganization,
  updateWrite,
  withoutVersion,
  type WriteRecord
} from "./fixtures.js"
export { checkProperty, defaultRuns, failureOf, fieldOf, type StoreIt, type TenantView, viewTenant } from "./harness.js"
export { storeSuite } from "./suite.js"
