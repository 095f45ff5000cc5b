import * as Effect from "effect/Effect"
import type { Action } from "../auth/action.js"
import type { CivilDate } from "../calendar/civil-date.js"
import type { CommandContext } from "../service/context.js"
import { auditOf } from "../service/support.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import { type LeadershipBasis, leadershipRecordKind, leadershipRecordOf } from "./history-leadership.js"
import { organizationKind } from "./kinds.js"
import type { Organization } from "./organization.js"

/**
 * Saves an organization whose leadership changed (read at `before.version`) and appends the change
 * to the leadership history, in one atomic write: two audit entries, or nothing. Returns the
 * organization as stored.
 */
export const saveWithHistory = (
  ctx: CommandContext,
  before: Organization,
  after: Organization,
  effectiveOn: CivilDate,
  basis: LeadershipBasis,
  action: Action
) =>
  Effect.gen(function* () {
    const store = yield* Store
    const record = leadershipRecordOf(before, { leadership: after.leadership, version: before.version + 1 }, effectiveOn, basis)
    const [saved] = yield* store.write(
      ctx.tenantId,
      [updateWrite(organizationKind, after, before.version), createWrite(leadershipRecordKind, record)],
      auditOf(ctx, action)
    )
    return saved as Organization
  })
