import { moveBatch } from "./transfer-batch.js"
import { acknowledgeReceipt, importLetter, letterPacket, move, receive, transferOut } from "./transfer-commands.js"
import { attachMobile, endMobile } from "./transfer-mobile.js"
import { pendingLetters, transferFindings } from "./transfer-reads.js"

/**
 * 组织关系转接服务 — transfers of members' organizational relations, their receipts, the summer
 * rotation and mobile members. Every method is `(ctx, input) => Effect` needing the `Store`: the
 * input is decoded at the boundary, the actor is authorized (`member.transfer` at each end; reads
 * `organization.read`, figures `report.aggregate`), and a refused command writes nothing. Inside a
 * tenant both ends of a transfer are written at once (one write, one audit entry per record); across
 * tenants the letter is the record: `letterPacket` on the sending side, `importLetter` on the other.
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
  findings: transferFindings,
  pendingLetters
} as const
