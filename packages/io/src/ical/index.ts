export * from "./year-plan.js"
