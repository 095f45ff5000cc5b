/**
 * @zhibu/store-testkit — the conformance suite every storage adapter runs (private, used from
 * source), with the record factories, generators and the made-up `widget` kind it is built from.
 */
export {
  arbitraryOf,
  idArbitraryOf,
  memberArbitrary,
  organizationArbitrary,
  recordArbitrary,
  recordIdArbitrary,
  unicodeNameArbitrary
} from "./arbitraries.js"
export {
  auditContext,
  createWrite,
  type Draft,
  freshId,
  freshTenant,
  type KindRef,
  kindOf,
  makeMember,
  makeOrganization,
  updateWrite,
  withoutVersion,
  type WriteRecord
} from "./fixtures.js"
export {
  checkProperty,
  defaultRuns,
  emptyView,
  failureOf,
  fieldOf,
  type StoreIt,
  type SuiteEnv,
  suiteEnv,
  type TenantView,
  viewTenant
} from "./harness.js"
export { type ConditionSpec, conditionSpec, type FilterSpecs, filterSpecs, resolveFilter } from "./filter-spec.js"
export { aggregateModel, compareGroups, fieldsOf, filterableValues, type Group, groupValues, matchesFilter } from "./model.js"
export { type StoreSuiteOptions, storeSuite } from "./suite.js"
export { makeWidget, Widget, widgetKind, widgetMigrationSet } from "./widget-kind.js"
