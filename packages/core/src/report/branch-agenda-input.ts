import * as Schema from "effect/Schema"
import { SignalEvidence } from "../member/signals.js"
import { OrganizationId } from "../tenant/ids.js"

/**
 * How far ahead an agenda looks when the caller does not say: six months, about one school
 * semester. A presentation choice, not a rule.
 */
export const DEFAULT_AGENDA_HORIZON_MONTHS = 6

/**
 * 支部工作日程 — input of `reportService.branchAgenda`: the organization, how many calendar
 * months ahead to look (0 to 120), and the six-month evidence per member id (see `SignalEvidence`).
 */
export const BranchAgendaInput = Schema.Struct({
  organizationId: OrganizationId,
  horizonMonths: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 120)), { default: () => DEFAULT_AGENDA_HORIZON_MONTHS }),
  evidence: Schema.optionalWith(Schema.Record({ key: Schema.String, value: SignalEvidence }), { default: () => ({}) })
})
export type BranchAgendaInput = typeof BranchAgendaInput.Encoded
