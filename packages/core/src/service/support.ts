import * as Effect from "effect/Effect"
import type { Action } from "../auth/action.js"
import { ancestry, authorize } from "../auth/authorize.js"
import type { Forbidden } from "../auth/errors.js"
import { chinaDate, type CivilDate } from "../calendar/civil-date.js"
import { organizationKind } from "../org/kinds.js"
import type { Organization } from "../org/organization.js"
import { Conflict, type InvalidRecord, NotFound, type StoreUnavailable } from "../store/errors.js"
import { type AuditContext, createWrite, Store, updateWrite } from "../store/port.js"
import type { AnyRecordKind, RecordOf } from "../store/record-kind.js"
import type { CommandContext } from "./context.js"

/** Store failures a command that writes can meet. */
export type WriteError = NotFound | Conflict | InvalidRecord | StoreUnavailable

/** The civil date in China at the command's instant. */
export const todayOf = (ctx: CommandContext): CivilDate => chinaDate(ctx.now)

/** The audit entry of a write made by this context. */
export const auditOf = (ctx: CommandContext, action: Action): AuditContext => ({ actorId: ctx.actor.personId, at: ctx.now, action })

/** `Conflict` when the caller read an older version than the one stored: checked before any write. */
export const expectVersion = (
  kind: AnyRecordKind,
  record: { readonly id: string; readonly version: number },
  expectedVersion: number
): Effect.Effect<void, Conflict> =>
  record.version === expectedVersion
    ? Effect.void
    : Effect.fail(new Conflict({ kind: kind.name, id: record.id, expectedVersion, actualVersion: record.version }))

/** Creates a record (version 1) with its audit entry; returns it as stored. */
export const createRecord = <K extends AnyRecordKind>(
  ctx: CommandContext,
  kind: K,
  record: Omit<RecordOf<K>, "version">,
  action: Action
): Effect.Effect<RecordOf<K>, WriteError, Store> =>
  Effect.flatMap(Store, (store) => store.write(ctx.tenantId, [createWrite(kind, record)], auditOf(ctx, action))).pipe(
    Effect.map((written) => written[0] as RecordOf<K>)
  )

/** Saves a changed record based on the version the caller read, with its audit entry; returns it as stored. */
export const saveRecord = <K extends AnyRecordKind>(
  ctx: CommandContext,
  kind: K,
  record: RecordOf<K>,
  expectedVersion: number,
  action: Action
): Effect.Effect<RecordOf<K>, WriteError, Store> =>
  Effect.flatMap(Store, (store) => store.write(ctx.tenantId, [updateWrite(kind, record, expectedVersion)], auditOf(ctx, action))).pipe(
    Effect.map((written) => written[0] as RecordOf<K>)
  )

/** The tenant's organizations (the tree every authorization walks). */
export const loadOrganizations = (ctx: CommandContext): Effect.Effect<ReadonlyArray<Organization>, StoreUnavailable, Store> =>
  Effect.flatMap(Store, (store) => store.list(organizationKind, ctx.tenantId))

/** Where an action applies (see `AuthTarget`), and the action that would let the actor see it. */
export interface GuardedTarget {
  readonly organizationId: string
  readonly personId?: string
  readonly partyGroupId?: string
}

/**
 * Authorizes `action` at `target` so that nothing leaks: an actor who may not even see the target
 * gets the same `NotFound` as for a record that does not exist (no one can probe ids), and only an
 * actor who can see it but may not act gets `Forbidden`. A person's file is visible with
 * `member.read`; an organization to anyone holding a role in it or above it.
 */
export const guard = (
  ctx: CommandContext,
  action: Action,
  target: GuardedTarget,
  organizations: ReadonlyArray<Organization>,
  notFound: NotFound
): Effect.Effect<void, NotFound | Forbidden> => {
  const above = target.personId === undefined ? ancestry(target.organizationId, organizations) : null
  const visible =
    above !== null
      ? ctx.actor.roles.some((grant) => above.has(grant.organizationId))
      : authorize(ctx.actor, "member.read", target, organizations)._tag === "Right"
  return visible ? authorize(ctx.actor, action, target, organizations) : Effect.fail(notFound)
}

/**
 * The tenant's organizations and the one asked for, after {@link guard}ing `action` on it: an
 * organization that does not exist, or that the actor cannot see, is `NotFound`.
 */
export const loadOrganizationFor = (
  ctx: CommandContext,
  organizationId: string,
  action: Action
): Effect.Effect<
  { readonly organizations: ReadonlyArray<Organization>; readonly organization: Organization },
  NotFound | Forbidden | StoreUnavailable,
  Store
> =>
  Effect.gen(function* () {
    const organizations = yield* loadOrganizations(ctx)
    const notFound = new NotFound({ kind: organizationKind.name, id: organizationId, tenantId: ctx.tenantId })
    const organization = organizations.find((o) => o.id === organizationId)
    if (organization === undefined) return yield* notFound
    yield* guard(ctx, action, { organizationId }, organizations, notFound)
    return { organizations, organization }
  })
