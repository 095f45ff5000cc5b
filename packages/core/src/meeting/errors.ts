import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage } from "../profile/refusal.js"

/**
 * 会议记录被拒绝 — a meeting that cannot be recorded as given, in the shared refusal shape: a quorum
 * or resolution threshold not reached (the rule, the threshold and the shortfall in the text), a
 * chair the convener rule does not allow, attendance that is not the roster (`missing` names the
 * member), a kind the profile does not know, or a date after today. Nothing was written.
 */
export class MeetingRejected extends Schema.TaggedError<MeetingRejected>()("ZhibuMeetingRejected", {
  meetingId: Schema.String,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `会议记录 ${this.meetingId}`, en: `meeting record "${this.meetingId}"` })
  }
}

/**
 * 计划调整被拒绝 — a planned item moved to a day that would break its cadence (no other item of the
 * kind left in its period), named by the cadence rule; or an item id the plan does not have.
 */
export class PlanMoveRefused extends Schema.TaggedError<PlanMoveRefused>()("ZhibuPlanMoveRefused", {
  itemId: Schema.String,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `年度计划事项 ${this.itemId}`, en: `planned item "${this.itemId}"` })
  }
}
