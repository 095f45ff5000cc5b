export * from "./context.js"
export * from "./decode-input.js"
export * from "./errors.js"
export * from "./make-context.js"
