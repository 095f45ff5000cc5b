import * as Effect from "effect/Effect"
import type { Action } from "../auth/action.js"
import { authorize } from "../auth/authorize.js"
import type { Forbidden } from "../auth/errors.js"
import { Conflict, NotFound, type StoreUnavailable } from "../store/errors.js"
import { type AuditContext, Store } from "../store/port.js"
import type { CommandContext } from "../service/context.js"
import type { Organization } from "./organization.js"

/** The audit entry of a write made by this context. */
export const auditOf = (ctx: CommandContext, action: Action): AuditContext => ({
  actorId: ctx.actor.personId,
  at: ctx.now,
  action
})

/** The tenant's organizations and the one asked for, after checking the actor may do `action` on it. */
export const loadForAction = (
  ctx: CommandContext,
  organizationId: string,
  action: Action
): Effect.Effect<
  { readonly organizations: ReadonlyArray<Organization>; readonly organization: Organization },
  NotFound | Forbidden | StoreUnavailable,
  Store
> =>
  Effect.gen(function* () {
    const store = yield* Store
    const organizations = yield* store.list("organization", ctx.tenantId)
    const organization = organizations.find((o) => o.id === organizationId)
    if (organization === undefined) {
      return yield* new NotFound({ kind: "organization", id: organizationId, tenantId: ctx.tenantId })
    }
    yield* authorize(ctx.actor, action, { organizationId }, organizations)
    return { organizations, organization }
  })

/** Fails with `Conflict` before any write when the caller's version is not the stored one. */
export const expectVersion = (organization: Organization, expectedVersion: number): Effect.Effect<void, Conflict> =>
  organization.version === expectedVersion
    ? Effect.void
    : Effect.fail(new Conflict({ kind: "organization", id: organization.id, expectedVersion, actualVersion: organization.version }))

/** Writes a changed organization with the version the caller read; returns the stored record. */
export const updateOrganization = (ctx: CommandContext, next: Organization, expectedVersion: number, action: Action) =>
  Effect.gen(function* () {
    const store = yield* Store
    const { version: _version, ...record } = next
    const [written] = yield* store.write(ctx.tenantId, [{ op: "update", kind: "organization", record, expectedVersion }], auditOf(ctx, action))
    return written as Organization
  })
