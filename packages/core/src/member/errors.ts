import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage, ruleRefusalFields } from "../profile/refusal.js"
import { MemberStatus } from "./member.js"
import { StepId } from "./step.js"

/**
 * 步骤被拒绝 — a recruitment step that the rules do not allow (yet). Nothing was recorded. A refusal
 * in the shared shape (`Refusal`): the rule, its text in zh-CN and English, the dates the rule allows
 * when there are any, and what the record lacks. Render it with `formatRefusal`.
 */
export class StepRejected extends Schema.TaggedError<StepRejected>()("ZhibuStepRejected", {
  memberId: Schema.String,
  step: StepId,
  ...ruleRefusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `党员档案 ${this.memberId} 的步骤 ${this.step}`, en: `step ${this.step} of member file "${this.memberId}"` })
  }
}

/**
 * 状态变更被拒绝 — a status change the rules do not allow (e.g. restoring a removed member), in the
 * shared refusal shape; `ruleId` is set when a rule forbids it, absent for an impossible change.
 */
export class StatusChangeRejected extends Schema.TaggedError<StatusChangeRejected>()("ZhibuStatusChangeRejected", {
  memberId: Schema.String,
  from: MemberStatus,
  to: MemberStatus,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `党员档案 ${this.memberId} 的状态变更`, en: `status change of member file "${this.memberId}"` })
  }
}

/**
 * 记录被拒绝 — a member file, sanction or flag decision that cannot be recorded as given (dates out of
 * order, an unknown rule, a joining age under the rule), in the shared refusal shape.
 */
export class MemberRecordRejected extends Schema.TaggedError<MemberRecordRejected>()("ZhibuMemberRecordRejected", {
  memberId: Schema.String,
  what: Schema.Literal("sanction", "flagDecision", "member"),
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `党员档案 ${this.memberId}`, en: `member file "${this.memberId}" (${this.what})` })
  }
}
