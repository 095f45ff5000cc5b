import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Member } from "../member/member.js"
import { RecognitionDecision } from "../member/transfer-review.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"
import { FreeText, Label } from "../text/free-text.js"
import { LetterId, PaidThroughMonth, TransferLetter } from "./letter.js"

const version = Schema.Int.pipe(Schema.positive())

/** 转往 — an organization of this tenant, by id, or one elsewhere, by its name (and tenant, if known). */
export const Destination = Schema.Union(
  Schema.Struct({ organizationId: OrganizationId }),
  Schema.Struct({ name: DisplayText(1, 200), tenantId: Schema.optional(TenantId) })
)
export type Destination = typeof Destination.Type

/** 介绍信 — what a letter says: its record id, its printed number, the issue date and 党费交至. */
const letterFields = {
  letterId: LetterId,
  letterNumber: DisplayText(1, 100),
  duesPaidThrough: PaidThroughMonth
}

/**
 * 转出 — issue a letter for a member (`member.transfer` at the member's organization). To an
 * organization of this tenant the member stays on the sending roll until received; to one elsewhere
 * the file becomes `transferredOut` (the sending side stays responsible until the receipt).
 */
export const TransferOutInput = Schema.Struct({
  memberId: PersonId,
  expectedVersion: version,
  ...letterFields,
  issuedOn: CivilDate,
  to: Destination,
  /** Who decided the transfer (the branch), for the file's status history. */
  decidedBy: Schema.String.pipe(Schema.minLength(1))
})
export type TransferOutInput = typeof TransferOutInput.Encoded

/** 接收 — receive a letter issued inside this tenant (`member.transfer` at the receiving organization). */
export const ReceiveInput = Schema.Struct({ letterId: LetterId, receivedOn: CivilDate })
export type ReceiveInput = typeof ReceiveInput.Encoded

/** 回执 — record the receipt that came back for a letter sent elsewhere (`member.transfer` at the sender). */
export const AcknowledgeReceiptInput = Schema.Struct({ letterId: LetterId, expectedVersion: version, receivedOn: CivilDate })
export type AcknowledgeReceiptInput = typeof AcknowledgeReceiptInput.Encoded

/** One move inside the tenant: a letter issued and received the same day. */
export const Move = Schema.Struct({
  memberId: PersonId,
  /** The file's version as read; absent to take it as it is stored. */
  expectedVersion: Schema.optional(version),
  toOrganizationId: OrganizationId,
  ...letterFields
})
export type Move = typeof Move.Type

/**
 * 调动 — a move inside the tenant, both ends at once (`member.transfer` at both organizations): the
 * letter issued and received on `movedOn`, the file placed in the receiving organization.
 */
export const MoveInput = Schema.extend(Move, Schema.Struct({ movedOn: CivilDate }))
export type MoveInput = typeof MoveInput.Encoded

/**
 * 批量调动 — a batch of moves (the summer rotation), all or nothing, idempotent by `batchId`: a batch
 * applied before writes nothing again and answers as it stands.
 */
export const MoveBatchInput = Schema.Struct({
  batchId: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64)),
  movedOn: CivilDate,
  moves: Schema.Array(Move).pipe(Schema.minItems(1))
})
export type MoveBatchInput = typeof MoveBatchInput.Encoded

/**
 * 转接材料 — what crosses to another tenant: the sending tenant, its letter and the member's file as
 * it stood when sent. `transferService.letterPacket` produces it; the receiving side imports it.
 */
export const TransferPacket = Schema.Struct({ tenantId: TenantId, letter: TransferLetter, member: Member })
export type TransferPacket = typeof TransferPacket.Encoded

/** 转接材料 of one letter sent elsewhere (`member.transfer` at the sender). */
export const LetterPacketInput = Schema.Struct({ letterId: LetterId })
export type LetterPacketInput = typeof LetterPacketInput.Encoded

/**
 * 接收外地转入 — import a letter from another tenant into an organization of this one
 * (`member.transfer` there); the file's id is the sender's unless `memberId` is given.
 */
export const ImportLetterInput = Schema.Struct({
  packet: TransferPacket,
  organizationId: OrganizationId,
  receivedOn: CivilDate,
  memberId: Schema.optional(PersonId),
  /** The record id of the letter in this tenant; the sender's letter id unless given. */
  letterId: Schema.optional(LetterId)
})
export type ImportLetterInput = typeof ImportLetterInput.Encoded

/** 流动党员登记 — attach a member to a host organization (`member.transfer` at the home branch). */
export const AttachMobileInput = Schema.Struct({
  id: LetterId,
  memberId: PersonId,
  host: Destination,
  leftOn: CivilDate,
  from: CivilDate,
  until: Schema.optionalWith(Schema.NullOr(CivilDate), { default: () => null }),
  reason: DisplayText(1, 200)
})
export type AttachMobileInput = typeof AttachMobileInput.Encoded

/** 流动党员返回 — end an attachment on `until` (`member.transfer` at the home branch). */
export const EndMobileInput = Schema.Struct({ id: LetterId, expectedVersion: version, until: CivilDate })
export type EndMobileInput = typeof EndMobileInput.Encoded

/** The transfer findings or figures of an organization and its subtree. */
export const TransferScopeInput = Schema.Struct({ organizationId: OrganizationId })
export type TransferScopeInput = typeof TransferScopeInput.Encoded

/**
 * 提出转入审查 — the receiving branch records that a transferred-in probationary member's file cannot
 * be verified (rules.md 4.29; `member.transfer` at the member's organization).
 */
export const RaiseReviewInput = Schema.Struct({
  memberId: PersonId,
  expectedVersion: version,
  raisedOn: CivilDate,
  raisedBy: Label,
  /** What could not be verified (materials missing, admitted just before leaving the former unit…). */
  concern: FreeText.pipe(Schema.minLength(1))
})
export type RaiseReviewInput = typeof RaiseReviewInput.Encoded

/**
 * 记录审查结论 — the decision on the open review (rules.md 4.29): `member.transfer` at the member's
 * organization; a decision carrying the county's approval is recorded by the higher committee's
 * organizer (`member.recordApproval`).
 */
export const DecideReviewInput = Schema.Struct({
  memberId: PersonId,
  expectedVersion: version,
  decision: RecognitionDecision
})
export type DecideReviewInput = typeof DecideReviewInput.Encoded
