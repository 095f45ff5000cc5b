export * from "./cadence.js"
export * from "./civil-date.js"
export * from "./errors.js"
export * from "./workday-calendar.js"
