import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage } from "../profile/refusal.js"

/**
 * 评议记录被拒绝 — a step, grade, follow-up, report, checklist or rectification entry the rules do not
 * allow or that cannot be recorded as given (a step out of order, more 优秀 than the cap, a
 * correction period over a year, a checklist item the profile does not have), in the shared refusal
 * shape. Nothing was written.
 */
export class EvaluationRejected extends Schema.TaggedError<EvaluationRejected>()("ZhibuEvaluationRejected", {
  subjectId: Schema.String,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `评议记录 ${this.subjectId}`, en: `evaluation record "${this.subjectId}"` })
  }
}
