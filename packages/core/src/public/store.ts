/**
 * `@zhibu/core/store` — the storage port and what adapter authors need: record-kind descriptors,
 * the record check and write replay every adapter shares, filters and aggregates with their
 * reference semantics, and the kinds core stores.
 */
export * from "../store/index.js"
export { coreRecordKinds } from "../record-kinds.js"
export { memberKind } from "../member/kinds.js"
export { organizationKind } from "../org/kinds.js"
