export * from "./create-zhibu.js"
export * from "./promisify.js"
export { rejectionOf } from "./run.js"
export * from "./services.js"
