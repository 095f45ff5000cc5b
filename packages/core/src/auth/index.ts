export * from "./actor.js"
