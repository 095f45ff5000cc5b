import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Fen } from "../money/money.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { DuesCategory, Hardship, Income } from "./amount.js"
import { Month } from "./month.js"
import { PaymentMethod } from "./rules-ledger.js"

/** Inputs of the dues service, decoded from `unknown` at the boundary. Amounts are fen. */

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))
const Year = Schema.Int.pipe(Schema.between(1900, 2999))

/**
 * 核定党费 — `annual`: the yearly fixing (from `fromMonth`, by default January or the member's first
 * dues month); `change`: from `fromMonth`, the month the new pay is first received (or a change of
 * category or a hardship decision). `income` is required for the rate categories.
 */
export const AssessDuesInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  year: Year,
  kind: Schema.Literal("annual", "change"),
  fromMonth: Schema.optional(Month),
  category: DuesCategory,
  income: Schema.optional(Income),
  hardship: Schema.optional(Hardship)
})
export type AssessDuesInput = typeof AssessDuesInput.Encoded

/** 交纳党费 — the months settled (each in full), any voluntary extra, and for a mobile member paying at the host, where. */
export const RecordPaymentInput = Schema.Struct({
  id: RecordId,
  memberId: PersonId,
  paidOn: CivilDate,
  method: Schema.optionalWith(PaymentMethod, { default: () => "monthly" as const }),
  paidBy: Schema.optionalWith(Schema.NullOr(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100))), { default: () => null }),
  consentOn: Schema.optionalWith(Schema.NullOr(CivilDate), { default: () => null }),
  months: Schema.Array(Month),
  voluntary: Schema.optionalWith(Fen, { default: () => 0 as Fen }),
  /**
   * 在流入地交纳 — the host organization a mobile member paid at (`dues.payment.atHost`); absent: the
   * member's own branch.
   */
  paidAt: Schema.optional(OrganizationId)
})
export type RecordPaymentInput = typeof RecordPaymentInput.Encoded

/** One member's ledger for a year, counting months up to `asOf` (default: the months owed by today, see `owedThrough`). */
export const MemberLedgerInput = Schema.Struct({ memberId: PersonId, year: Year, asOf: Schema.optional(Month) })
export type MemberLedgerInput = typeof MemberLedgerInput.Encoded

/** A branch's ledger (per member) for a year, counting months up to `asOf` (default: the months owed by today). */
export const BranchLedgerInput = Schema.Struct({ organizationId: OrganizationId, year: Year, asOf: Schema.optional(Month) })
export type BranchLedgerInput = typeof BranchLedgerInput.Encoded

/** The yearly publication of one branch. */
export const YearlySummaryInput = Schema.Struct({ organizationId: OrganizationId, year: Year })
export type YearlySummaryInput = typeof YearlySummaryInput.Encoded

/** Quarter totals of an organization's subtree (a school, a county). */
export const QuarterTotalsInput = Schema.Struct({ organizationId: OrganizationId, year: Year })
export type QuarterTotalsInput = typeof QuarterTotalsInput.Encoded

/** The dues evidence of the six-month signal for one member. */
export const DuesEvidenceInput = Schema.Struct({ memberId: PersonId })
export type DuesEvidenceInput = typeof DuesEvidenceInput.Encoded

/** A member's assessments of a year; the income is masked unless `reveal` (which needs `dues.assess`). */
export const MemberAssessmentsInput = Schema.Struct({
  memberId: PersonId,
  year: Year,
  reveal: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type MemberAssessmentsInput = typeof MemberAssessmentsInput.Encoded
