export * from "./member.js"
export * from "./rules.js"
export * from "./step.js"
