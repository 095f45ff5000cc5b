import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Message } from "../i18n/message.js"
import { MemberStatus } from "./member.js"
import { StepId } from "./step.js"

/**
 * 步骤被拒绝 — a recruitment step that the rules do not allow (yet). Nothing was recorded.
 * `text` cites the rule in zh-CN and English; `allowedFrom`/`allowedUntil` give the dates the rule
 * allows, when there are any; `missing` names what the record lacks.
 */
export class StepRejected extends Schema.TaggedError<StepRejected>()("StepRejected", {
  memberId: Schema.String,
  step: StepId,
  ruleId: Schema.String,
  text: Message,
  missing: Schema.optional(Schema.String),
  allowedFrom: Schema.optional(CivilDate),
  allowedUntil: Schema.optional(CivilDate)
}) {
  override get message(): string {
    return `${this.text.en} — ${this.text.zh}`
  }
}

/** 状态变更被拒绝 — a status change the rules do not allow (e.g. restoring a removed member). */
export class StatusChangeRejected extends Schema.TaggedError<StatusChangeRejected>()("StatusChangeRejected", {
  memberId: Schema.String,
  from: MemberStatus,
  to: MemberStatus,
  ruleId: Schema.optional(Schema.String),
  text: Message
}) {
  override get message(): string {
    return `${this.text.en} — ${this.text.zh}`
  }
}

/** A sanction or flag decision that cannot be recorded as given (dates out of order, unknown rule). */
export class MemberRecordRejected extends Schema.TaggedError<MemberRecordRejected>()("MemberRecordRejected", {
  memberId: Schema.String,
  what: Schema.Literal("sanction", "flagDecision", "member"),
  text: Message
}) {
  override get message(): string {
    return `${this.text.en} — ${this.text.zh}`
  }
}
