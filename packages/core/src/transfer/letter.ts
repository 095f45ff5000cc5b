import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { expected } from "../i18n/expected.js"
import { MemberStage } from "../member/member.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"

/** A transfer letter's record id: the shape of every id (`tenant/ids.ts`), chosen by the sender. */
export const LetterId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: () => "letter id: 1–64 characters of letters, digits, '.', '_', ':' or '-'"
  }),
  Schema.brand("LetterId"),
  Schema.annotations(
    expected({
      zh: "介绍信 id：1–64 个字母、数字或 . _ : -，以字母或数字开头",
      en: "letter id: 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
    })
  )
)
export type LetterId = typeof LetterId.Type

/** 党费交至 — the last month whose dues are paid, `YYYY-MM`. */
export const PaidThroughMonth = Schema.String.pipe(
  Schema.pattern(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: () => "expected a month YYYY-MM" }),
  Schema.annotations(expected({ zh: "月份 YYYY-MM", en: "a month YYYY-MM" }))
)

/**
 * 转接方向 — `within`: from one organization of the tenant to another (both ends here); `out`: to an
 * organization elsewhere (another county), this tenant holds the sending side; `in`: received from
 * elsewhere, this tenant holds the receiving side.
 */
export const TransferDirection = Schema.Literal("within", "out", "in")
export type TransferDirection = typeof TransferDirection.Type

/** One end of a transfer: the organization's id when it is in this tenant, and its name as written on the letter. */
export const LetterParty = Schema.Struct({
  organizationId: Schema.NullOr(OrganizationId),
  name: DisplayText(1, 200),
  /** The other tenant, when it runs zhibu too and the sender knows it. */
  tenantId: Schema.NullOr(TenantId)
})
export type LetterParty = typeof LetterParty.Type

/** Where an `in` letter came from: the sending tenant and its letter record, so it is received once. */
export const LetterSource = Schema.Struct({ tenantId: TenantId, letterId: LetterId })
export type LetterSource = typeof LetterSource.Type

/**
 * 组织关系介绍信 — one transfer of one member's organizational relation: the letter the sending
 * organization issues (number, issue date, the last day it is valid under the profile, dues paid up
 * to), and its receipt (回执): `receivedOn` is the day the receiving organization took the member in
 * (for `out`, the day on the receipt that came back; null while none has).
 */
export const TransferLetter = Schema.Struct({
  tenantId: TenantId,
  id: LetterId,
  version: Schema.Int.pipe(Schema.positive()),
  direction: TransferDirection,
  memberId: PersonId,
  memberName: DisplayText(1, 100),
  /** The member's stage when the letter was issued (activists' and probationary members' materials move too). */
  stage: MemberStage,
  /** 介绍信编号, as printed. */
  letterNumber: DisplayText(1, 100),
  /** The organization of this tenant the letter belongs to: the sender (`within`, `out`) or the receiver (`in`). */
  organizationId: OrganizationId,
  from: LetterParty,
  to: LetterParty,
  issuedOn: CivilDate,
  /** The last day the letter is valid (issue date plus the profile's validity, rule `transfer.letter.validity`). */
  validUntil: CivilDate,
  /** 党费交至 — dues are paid up to and including this month. */
  duesPaidThrough: PaidThroughMonth,
  receivedOn: Schema.NullOr(CivilDate),
  /** The bulk move (e.g. a summer rotation) that wrote the letter, if any. */
  batchId: Schema.NullOr(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
  /** For `in`: the sending tenant's letter. */
  source: Schema.NullOr(LetterSource)
}).pipe(
  Schema.filter((l) => l.validUntil >= l.issuedOn || "the letter's last valid day is before its issue date"),
  Schema.filter((l) => l.receivedOn === null || l.receivedOn >= l.issuedOn || "the letter is received before it was issued")
)
export type TransferLetter = typeof TransferLetter.Type

/** 待回执 — a letter not yet received (no receipt). */
export const isPending = (letter: TransferLetter): boolean => letter.receivedOn === null
