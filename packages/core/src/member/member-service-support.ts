import * as Effect from "effect/Effect"
import type { Action } from "../auth/action.js"
import { authorize } from "../auth/authorize.js"
import type { Forbidden } from "../auth/errors.js"
import { chinaDate, type CivilDate } from "../calendar/civil-date.js"
import type { Organization } from "../org/organization.js"
import type { CommandContext } from "../service/context.js"
import { Conflict, type InvalidRecord, type NotFound, type StoreUnavailable } from "../store/errors.js"
import { type AuditContext, Store, type StoreShape } from "../store/port.js"
import type { Member } from "./member.js"

/** Store failures a member command can meet. */
export type MemberStoreError = NotFound | Conflict | InvalidRecord | StoreUnavailable

/** The civil date in China at the command's instant. */
export const todayOf = (ctx: CommandContext): CivilDate => chinaDate(ctx.now)

export const auditOf = (ctx: CommandContext, action: Action): AuditContext => ({ actorId: ctx.actor.personId, at: ctx.now, action })

/** A member's file as an authorization target: its organization, the person, and the party group. */
export const targetOf = (member: Member) => ({
  organizationId: member.organizationId,
  personId: member.id,
  ...(member.partyGroupId === null ? {} : { partyGroupId: member.partyGroupId })
})

/** Refuses with `Forbidden` unless the actor may do `action` on the target. */
export const authorized = (
  ctx: CommandContext,
  action: Action,
  target: { readonly organizationId: string; readonly personId?: string; readonly partyGroupId?: string },
  organizations: ReadonlyArray<Organization>
): Effect.Effect<void, Forbidden> => authorize(ctx.actor, action, target, organizations)

export interface LoadedFile {
  readonly store: StoreShape
  readonly member: Member
  readonly organizations: ReadonlyArray<Organization>
}

/** Loads a member's file and the tenant's organizations (for authorization). */
export const loadFile = (ctx: CommandContext, memberId: string): Effect.Effect<LoadedFile, NotFound | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const member = yield* store.get("member", ctx.tenantId, memberId)
    const organizations = yield* store.list("organization", ctx.tenantId)
    return { store, member, organizations }
  })

/** `Conflict` when the caller read an older version than the one stored: nothing is written. */
export const expectVersion = (member: Member, expectedVersion: number): Effect.Effect<void, Conflict> =>
  member.version === expectedVersion
    ? Effect.void
    : Effect.fail(new Conflict({ kind: "member", id: member.id, expectedVersion, actualVersion: member.version }))

/** Writes the changed file based on `expectedVersion`, with an audit entry; returns it as stored. */
export const saveFile = (
  ctx: CommandContext,
  store: StoreShape,
  member: Member,
  expectedVersion: number,
  action: Action
): Effect.Effect<Member, MemberStoreError> => {
  const { version: _version, ...record } = member
  return store
    .write(ctx.tenantId, [{ op: "update", kind: "member", record, expectedVersion }], auditOf(ctx, action))
    .pipe(Effect.map((written) => written[0] as Member))
}

/** Creates a new file (version 1), with an audit entry. */
export const createFile = (ctx: CommandContext, store: StoreShape, member: Member, action: Action): Effect.Effect<Member, MemberStoreError> => {
  const { version: _version, ...record } = member
  return store.write(ctx.tenantId, [{ op: "create", kind: "member", record }], auditOf(ctx, action)).pipe(Effect.map((written) => written[0] as Member))
}

/** The members named on a step, as far as they are on file (a missing one is refused by the rules). */
export const loadPeople = (
  ctx: CommandContext,
  store: StoreShape,
  ids: ReadonlyArray<string>
): Effect.Effect<ReadonlyArray<Member>, StoreUnavailable> =>
  Effect.forEach(ids, (id) =>
    store.get("member", ctx.tenantId, id).pipe(
      Effect.map((m): ReadonlyArray<Member> => [m]),
      Effect.catchTag("NotFound", () => Effect.succeed([]))
    )
  ).pipe(Effect.map((found) => found.flat()))
