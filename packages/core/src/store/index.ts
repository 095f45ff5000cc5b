export * from "./entities.js"
export * from "./errors.js"
export * from "./port.js"
export * from "./audit-context.js"
