import type { Ledger, LedgerId } from "./ledger.js"
import { duesLedger, duesPaymentsLedger, evaluationsLedger, rectificationLedger, studyLedger } from "./ledgers-cycles.js"
import { attendanceLedger, meetingsLedger, resolutionsLedger } from "./ledgers-meetings.js"
import { recruitmentLedger, rosterLedger } from "./ledgers-members.js"

/**
 * 台账 — every ledger an export can write, by id: 党员名册 (roster), 发展党员 (recruitment), 会议
 * (meetings), 出勤 (attendance), 决议 (resolutions), 党费 (dues months), 党费交纳 (payments), 学时
 * (study credits), 民主评议 (evaluation grades), 整改台账 (rectification).
 */
export const ledgers: Readonly<Record<LedgerId, Ledger>> = {
  roster: rosterLedger,
  recruitment: recruitmentLedger,
  meetings: meetingsLedger,
  attendance: attendanceLedger,
  resolutions: resolutionsLedger,
  dues: duesLedger,
  duesPayments: duesPaymentsLedger,
  study: studyLedger,
  evaluations: evaluationsLedger,
  rectification: rectificationLedger
}

/** Every ledger id, in the order above. */
export const ledgerIds: ReadonlyArray<LedgerId> = Object.keys(ledgers) as Array<LedgerId>
