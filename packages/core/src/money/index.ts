export * from "./money.js"
