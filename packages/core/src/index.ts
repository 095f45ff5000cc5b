/**
 * @zhibu/core — party-branch work for schools (学校党建) as pure rules and services.
 * No I/O and no clock: every function takes `today`/`now`, the rule profile and ids as arguments.
 */
export * from "./auth/index.js"
export * from "./calendar/index.js"
export * from "./dues/index.js"
export * from "./evaluation/index.js"
export * from "./i18n/message.js"
export * from "./meeting/index.js"
export * from "./money/index.js"
export * from "./national-profile.js"
export * from "./member/index.js"
export * from "./org/index.js"
export * from "./profile/index.js"
export * from "./report/index.js"
export * from "./service/index.js"
export * from "./vote/share.js"
export * from "./store/index.js"
export { coreRecordKinds } from "./record-kinds.js"
export { memberKind } from "./member/kinds.js"
export { organizationKind } from "./org/kinds.js"
export * from "./tenant/ids.js"
export * from "./text/display-text.js"
