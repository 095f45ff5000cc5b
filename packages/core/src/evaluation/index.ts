export * from "./excellent-cap.js"
