export * from "./agenda.js"
export * from "./branch-agenda.js"
export * from "./branch-agenda-service.js"
export { memberAgendaItems } from "./member-agenda.js"
