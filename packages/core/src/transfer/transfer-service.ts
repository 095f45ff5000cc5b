import { moveBatch } from "./transfer-batch.js"
import { acknowledgeReceipt, importLetter, letterPacket, move, receive, transferOut } from "./transfer-commands.js"
import { attachMobile, endMobile } from "./transfer-mobile.js"
import { pendingLetters, transferFindings } from "./transfer-reads.js"
import { decideReview, raiseReview } from "./transfer-review-commands.js"

/**
 * 组织关系转接服务 — transfers of members' organizational relations, their receipts, the summer
 * rotation and mobile members. Every method is `(ctx, input) => Effect` needing the `Store`: the
 * input is decoded at the boundary, the actor is authorized (`member.transfer` at each end; reads
 * `organization.read`, figures `report.aggregate`), and a refused command writes nothing. Inside a
 * tenant both ends of a transfer are written at once (one write, one audit entry per record); across
 * tenants the letter is the record: `letterPacket` on the sending side, `importLetter` on the other.
 * A transferred-in file that cannot be verified is reviewed (`raiseReview`, `decideReview`, rules.md
 * 4.29): the library decides nothing and holds the conversion back until the decision is recorded.
 */
export const transferService = {
  transferOut,
  receive,
  move,
  moveBatch,
  acknowledgeReceipt,
  letterPacket,
  importLetter,
  attachMobile,
  endMobile,
  raiseReview,
  decideReview,
  findings: transferFindings,
  pendingLetters
} as const
