import * as Either from "effect/Either"
import type { Action, AuthTarget } from "./action.js"
import type { Actor } from "./actor.js"
import { Forbidden } from "./errors.js"
import { permissions, rolesAllowing, selfOnlyRoles } from "./permissions.js"

/**
 * An organization as authorization sees it: its id and its parent's. `Organization` fits; auth sits
 * below the org domain and never imports it (the layering test checks this).
 */
export interface OrganizationNode {
  readonly id: string
  readonly parentId: string | null
}

/**
 * The ids of `organizationId` and of every organization above it, walking `parentId` through
 * `organizations`. An id not found there ends the walk (it is still included); a cycle ends it too.
 * The same walk as `ancestryIn` over an indexed tree (org/tree-index.ts), for a caller asking for
 * many ids: auth cannot import it, so the few lines are written here too.
 */
export const ancestry = (organizationId: string, organizations: ReadonlyArray<OrganizationNode>): ReadonlySet<string> => {
  const parentOf = new Map<string, string | null>()
  for (const o of organizations) parentOf.set(o.id, o.parentId)
  const seen = new Set<string>()
  let current: string | null = organizationId
  while (current !== null && !seen.has(current)) {
    seen.add(current)
    current = parentOf.get(current) ?? null
  }
  return seen
}

/**
 * 授权 — may `actor` do `action` at `target`? A role held in an organization reaches its whole
 * subtree (see {@link permissions}); a `member` role reaches only the actor's own file.
 * `organizations` are the tenant's organizations (those above the target are enough).
 * Pure: it reads nothing and decides from its arguments alone.
 */
export const authorize = (
  actor: Actor,
  action: Action,
  target: AuthTarget,
  organizations: ReadonlyArray<OrganizationNode>
): Either.Either<void, Forbidden> => {
  const scope = new Set(ancestry(target.organizationId, organizations))
  if (target.partyGroupId !== undefined) for (const id of ancestry(target.partyGroupId, organizations)) scope.add(id)
  const allowed = actor.roles.some(
    (grant) =>
      scope.has(grant.organizationId) &&
      permissions[grant.role].includes(action) &&
      (!selfOnlyRoles.has(grant.role) || (target.personId !== undefined && target.personId === actor.personId))
  )
  if (allowed) return Either.void
  return Either.left(
    new Forbidden({
      actorId: actor.personId,
      action,
      organizationId: target.organizationId,
      ...(target.personId === undefined ? {} : { personId: target.personId }),
      allowedRoles: rolesAllowing(action)
    })
  )
}
