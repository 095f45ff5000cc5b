export * from "./rules.js"
