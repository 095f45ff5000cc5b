import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage } from "../profile/refusal.js"

/**
 * Why a transfer, a receipt or a mobile attachment was refused:
 * - `notOnRoll`: the member is not an active file of the organization (already transferred out, lapsed…);
 * - `letterExpired`: the letter is received after its last valid day;
 * - `alreadyReceived`: the letter was received before (receiving it twice);
 * - `pendingLetter`: the member already has a letter waiting to be received;
 * - `sameOrganization`: the move or host would leave the member where they are;
 * - `notABranch`: the receiving organization cannot hold members (a committee, a party group, dissolved);
 * - `wrongDirection`: the letter is not one this command takes (acknowledging a letter received here);
 * - `dateOrder`: a date before the letter was issued, or after today;
 * - `tooShort`, `hostLimit`: a mobile attachment against rule `transfer.mobile.host`;
 * - `duplicate`: the same member or letter twice in one batch, or a letter id already used;
 * - `notReceivedOnProbation`, `reviewOpen`, `noOpenReview`, `approvalRequired`: a review of a
 *   transferred-in file (rule `transfer.probation.recognition`): the file is not an active
 *   probationary member received by a letter, a review is open already, none is open, or the
 *   decision lacks the county-level approval the rule asks for.
 */
export const TransferProblem = Schema.Literal(
  "notOnRoll",
  "letterExpired",
  "alreadyReceived",
  "pendingLetter",
  "sameOrganization",
  "notABranch",
  "wrongDirection",
  "dateOrder",
  "tooShort",
  "hostLimit",
  "duplicate",
  "notReceivedOnProbation",
  "reviewOpen",
  "noOpenReview",
  "approvalRequired"
)
export type TransferProblem = typeof TransferProblem.Type

/**
 * 转接被拒绝 — a transfer command the rules or the records do not allow, in the shared refusal shape
 * (`Refusal`): the rule and its source when a rule refused it, the text in zh-CN and English, and
 * the last day allowed when there is one (a letter's validity). Nothing was written.
 */
export class TransferRejected extends Schema.TaggedError<TransferRejected>()("ZhibuTransferRejected", {
  operation: Schema.String,
  memberId: Schema.String,
  problem: TransferProblem,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `党员 ${this.memberId} 的 ${this.operation}`, en: `${this.operation} of member "${this.memberId}"` })
  }
}
