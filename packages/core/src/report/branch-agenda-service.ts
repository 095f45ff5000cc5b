import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Forbidden } from "../auth/errors.js"
import { chinaDate } from "../calendar/civil-date.js"
import { SignalEvidence } from "../member/signals.js"
import { loadForAction } from "../org/service-support.js"
import { subtreeIds } from "../org/tree.js"
import type { CommandContext } from "../service/context.js"
import { decodeInput } from "../service/decode-input.js"
import type { InvalidInput } from "../service/errors.js"
import type { NotFound, StoreUnavailable } from "../store/errors.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"
import type { BranchAgenda } from "./agenda.js"
import { branchAgenda } from "./branch-agenda.js"

/**
 * How far ahead an agenda looks when the caller does not say: six months, about one school
 * semester. A presentation choice, not a rule.
 */
export const DEFAULT_AGENDA_HORIZON_MONTHS = 6

/**
 * 支部工作日程 — input of {@link readBranchAgenda}: the organization, how many calendar
 * months ahead to look (0 to 120), and the six-month evidence per member id (see `SignalEvidence`).
 */
export const BranchAgendaInput = Schema.Struct({
  organizationId: OrganizationId,
  horizonMonths: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 120)), { default: () => DEFAULT_AGENDA_HORIZON_MONTHS }),
  evidence: Schema.optionalWith(Schema.Record({ key: Schema.String, value: SignalEvidence }), { default: () => ({}) })
})
export type BranchAgendaInput = typeof BranchAgendaInput.Encoded

/**
 * The agenda of an organization and its subtree on today (China time), judged by the context's
 * profile. It names people, so it needs `organization.read` on the organization: a county viewer,
 * who sees aggregates only, is `Forbidden`. Reads only; writes nothing.
 */
const readBranchAgenda = (
  ctx: CommandContext,
  raw: unknown
): Effect.Effect<BranchAgenda, InvalidInput | NotFound | Forbidden | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(BranchAgendaInput, "report.branchAgenda")(raw)
    const { organizations, organization } = yield* loadForAction(ctx, input.organizationId, "organization.read")
    const ids = subtreeIds(organization.id, organizations)
    // Members of a 党小组 are filed under its branch: an agenda of a group reads the branch's files.
    const branches = organizations.filter((o) => o.kind === "partyGroup" && ids.includes(o.id) && o.parentId !== null).map((o) => o.parentId!)
    const store = yield* Store
    const members = yield* store.list("member", ctx.tenantId, { organizationIds: [...new Set([...ids, ...branches])] })
    return branchAgenda(organization, organizations, members, ctx.profile, chinaDate(ctx.now), {
      horizonMonths: input.horizonMonths,
      evidence: input.evidence
    })
  })

/** 报表服务 — reports over the store, each authorized and read-only. */
export { readBranchAgenda }
