import * as Effect from "effect/Effect"
import type { AuditContext } from "./port.js"

/**
 * Adapters call this before a write. An audit instant that is not a valid `Date` is a programming
 * error in the caller, not bad user input: the effect dies, and nothing is written.
 */
export const requireValidAuditContext = (audit: AuditContext): Effect.Effect<void> =>
  audit.at instanceof Date && !Number.isNaN(audit.at.getTime())
    ? Effect.void
    : Effect.die(new TypeError(`AuditContext.at must be a valid Date, got ${String(audit.at)}`))
