import * as Effect from "effect/Effect"
import type { Action } from "../auth/action.js"
import type { Forbidden } from "../auth/errors.js"
import type { Organization } from "../org/organization.js"
import type { CommandContext } from "../service/context.js"
import { guard, loadOrganizations } from "../service/support.js"
import { NotFound, type StoreUnavailable } from "../store/errors.js"
import { Store } from "../store/port.js"
import { memberKind } from "./kinds.js"
import type { Member } from "./member.js"

/** A member's file as an authorization target: its organization, the person, and the party group. */
export const targetOf = (member: Member) => ({
  organizationId: member.organizationId,
  personId: member.id,
  ...(member.partyGroupId === null ? {} : { partyGroupId: member.partyGroupId })
})

export interface LoadedFile {
  readonly member: Member
  readonly organizations: ReadonlyArray<Organization>
}

/**
 * Loads a member's file and the tenant's organizations, and guards `action` on it: a file the
 * actor may not see is `NotFound`, exactly like a file that does not exist.
 */
export const loadFileFor = (
  ctx: CommandContext,
  memberId: string,
  action: Action
): Effect.Effect<LoadedFile, NotFound | Forbidden | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const notFound = new NotFound({ kind: memberKind.name, id: memberId, tenantId: ctx.tenantId })
    const member = yield* store.get(memberKind, ctx.tenantId, memberId)
    const organizations = yield* loadOrganizations(ctx)
    yield* guard(ctx, action, targetOf(member), organizations, notFound)
    return { member, organizations }
  })

/** The members named on a step, as far as they are on file (a missing one is refused by the rules). */
export const loadPeople = (ctx: CommandContext, ids: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<Member>, StoreUnavailable, Store> =>
  Effect.flatMap(Store, (store) =>
    Effect.forEach(ids, (id) =>
      store.get(memberKind, ctx.tenantId, id).pipe(
        Effect.map((m): ReadonlyArray<Member> => [m]),
        Effect.catchTag("ZhibuNotFound", () => Effect.succeed([]))
      )
    )
  ).pipe(Effect.map((found) => found.flat()))
