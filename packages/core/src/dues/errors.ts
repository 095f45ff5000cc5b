import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage } from "../profile/refusal.js"

/**
 * 党费记录被拒绝 — an assessment or a payment that the rules do not allow or that cannot be recorded as
 * given (deductions above the income, a month not due, a month already paid, a back payment beyond
 * the limit), in the shared refusal shape: `ruleId` and `source` when a rule refused it. Nothing
 * was written.
 */
export class DuesRejected extends Schema.TaggedError<DuesRejected>()("ZhibuDuesRejected", {
  memberId: Schema.String,
  what: Schema.Literal("assessment", "payment"),
  ...refusalFields
}) {
  override get message(): string {
    const what = this.what === "assessment" ? { zh: "党费核定", en: "dues assessment" } : { zh: "党费交纳", en: "dues payment" }
    return refusalMessage(this, { zh: `党员 ${this.memberId} 的${what.zh}`, en: `${what.en} of member "${this.memberId}"` })
  }
}
