export * from "./organization.js"
export * from "./rules.js"
