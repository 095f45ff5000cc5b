import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Fen } from "../money/money.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DuesCategory, Hardship, Income } from "./amount.js"
import { Month } from "./month.js"
import { PaymentMethod } from "./rules-ledger.js"

const RecordId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: () => "id: 1–64 characters of letters, digits, '.', '_', ':' or '-'" }))

/**
 * 党费核定 — a member's monthly amount from a month on: the yearly fixing (`annual`) or a change during
 * the year (`change`: a pay change from the month the new pay is first received, a change of
 * category, a hardship decision). The income is personal data: it stays in this record (and its
 * audit entry), is never projected, so no aggregate or county view can read it.
 */
export const DuesAssessment = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  year: Schema.Int.pipe(Schema.between(1900, 2999)),
  kind: Schema.Literal("annual", "change"),
  fromMonth: Month,
  category: DuesCategory,
  income: Schema.NullOr(Income),
  hardship: Schema.NullOr(Hardship),
  /** What the rules give before any hardship reduction, and what the member pays. */
  computed: Fen,
  monthlyAmount: Fen,
  decidedOn: CivilDate
})
export type DuesAssessment = typeof DuesAssessment.Type

/**
 * 党费月账 — one member's dues for one month: what is due, what is paid (never more than due) and by
 * which payment. Arrears are `due − paid`. One record per member and month (its id is derived from
 * both), so a month cannot be owed twice.
 */
export const DuesMonth = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  month: Month,
  due: Fen,
  paid: Fen,
  assessmentId: RecordId,
  paymentId: Schema.NullOr(RecordId),
  paidOn: Schema.NullOr(CivilDate)
}).pipe(Schema.filter((m) => m.paid <= m.due || "a month's paid amount cannot exceed its due amount"))
export type DuesMonth = typeof DuesMonth.Type

/** 党费交纳记录 — one payment: the months it settles, any voluntary extra, and how it was paid. */
export const DuesPayment = Schema.Struct({
  tenantId: TenantId,
  id: RecordId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  organizationId: OrganizationId,
  paidOn: CivilDate,
  method: PaymentMethod,
  /** For `byAnother`: who paid (a relative's name or another member's id). */
  paidBy: Schema.NullOr(Schema.String.pipe(Schema.maxLength(100))),
  /** The branch's consent, for the methods that need it. */
  consentOn: Schema.NullOr(CivilDate),
  months: Schema.Array(Schema.Struct({ month: Month, amount: Fen })),
  /** The sum of `months`' amounts. */
  amount: Fen,
  /** 自愿多交 — paid beyond the months' dues. */
  voluntary: Fen,
  /** The part of `voluntary` that goes to the Centre (a one-off voluntary payment at or above the threshold). */
  toCentre: Fen
})
export type DuesPayment = typeof DuesPayment.Type
