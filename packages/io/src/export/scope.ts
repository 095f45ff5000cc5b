import { type Action, type CommandContext, type Forbidden, type Member, NotFound, type Organization, type StoreUnavailable } from "@zhibu/core"
import { ancestry, authorize, subtreeIds } from "@zhibu/core/rules"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { LedgerRequest } from "./ledger.js"

/** The organizations an export covers, after authorizing it. */
export interface ExportScope {
  readonly organizations: ReadonlyArray<Organization>
  /** The organization asked for and every organization under it. */
  readonly ids: ReadonlyArray<string>
}

/**
 * Authorizes `action` on the organization asked for, the way the services do: an organization that
 * does not exist, or that the actor holds no role in or above, is `NotFound` (nobody probes ids);
 * one the actor sees but may not act on is `Forbidden`. Returns the subtree.
 */
export const exportScope = (
  ctx: CommandContext,
  request: LedgerRequest,
  action: Action
): Effect.Effect<ExportScope, NotFound | Forbidden | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const organizations = yield* store.list(organizationKind, ctx.tenantId)
    const notFound = new NotFound({ kind: organizationKind.name, id: request.organizationId, tenantId: ctx.tenantId })
    if (!organizations.some((o) => o.id === request.organizationId)) return yield* notFound
    const above = ancestry(request.organizationId, organizations)
    if (!ctx.actor.roles.some((r) => above.has(r.organizationId))) return yield* notFound
    yield* authorize(ctx.actor, action, { organizationId: request.organizationId }, organizations)
    return { organizations, ids: subtreeIds(request.organizationId, organizations) }
  })

/**
 * The names of the members filed in the subtree, by id: what person ledgers show beside an id. Read
 * once per export: its size is the number of members, not of rows.
 */
export const memberNames = (ctx: CommandContext, scope: ExportScope): Effect.Effect<ReadonlyMap<string, string>, StoreUnavailable, Store> =>
  Effect.flatMap(Store, (store) => store.list(memberKind, ctx.tenantId, { organizationId: [...scope.ids] })).pipe(
    Effect.map((members: ReadonlyArray<Member>) => new Map(members.map((m) => [m.id as string, m.name])))
  )

/** A date range filter from the request (`from`/`to`), or undefined when open on both ends. */
export const dateRange = (request: LedgerRequest): { readonly gte?: string; readonly lte?: string } | undefined =>
  request.from === undefined && request.to === undefined
    ? undefined
    : { ...(request.from === undefined ? {} : { gte: request.from }), ...(request.to === undefined ? {} : { lte: request.to }) }
