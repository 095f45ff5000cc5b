import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { FreeText, Label } from "../text/free-text.js"

/**
 * 上级组织部门批准 — the approval of the county-level (or higher) organization department that a
 * recognition decision needs where rule `transfer.probation.recognition` asks for it: who approved,
 * on which day, and the document's number if it has one.
 */
export const CountyApproval = Schema.Struct({
  /** The approving department, e.g. 「县委组织部」. */
  approvedBy: Label,
  approvedOn: CivilDate,
  /** 批复文号, if any. */
  reference: Schema.NullOr(Label)
})
export type CountyApproval = typeof CountyApproval.Type

/**
 * 审查结论 — the human decision on a transferred-in file that could not be verified: `recognized`
 * (承认其预备党员身份, probation continues) or `notRecognized` (不予承认: the file leaves the roll as a
 * cancelled probation; re-joining is a new file). Who decided, on which day, and the county's approval.
 */
export const RecognitionDecision = Schema.Struct({
  outcome: Schema.Literal("recognized", "notRecognized"),
  decidedOn: CivilDate,
  decidedBy: Label,
  countyApproval: Schema.NullOr(CountyApproval),
  note: Schema.optional(FreeText)
})
export type RecognitionDecision = typeof RecognitionDecision.Type

/**
 * 转入审查 — rules.md 4.29, second part: the receiving branch found that a transferred-in
 * probationary member's file cannot be verified (materials missing, admitted just before leaving…).
 * The library decides nothing: the review stays open (a `flag`, and the conversion steps are refused)
 * until a person records the {@link RecognitionDecision}.
 */
export const TransferReview = Schema.Struct({
  /** The letter the member was received with (介绍信编号). */
  letterNumber: Label,
  raisedOn: CivilDate,
  raisedBy: Label,
  /** What could not be verified. */
  concern: FreeText.pipe(Schema.minLength(1)),
  decision: Schema.NullOr(RecognitionDecision)
})
export type TransferReview = typeof TransferReview.Type

/** The review of the file still waiting for its decision, if any. */
export const openTransferReview = (member: { readonly transferReviews?: ReadonlyArray<TransferReview> | undefined }): TransferReview | undefined =>
  member.transferReviews?.find((r) => r.decision === null)
