import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage } from "../profile/refusal.js"

/**
 * 学时记录被拒绝 — a credit, plan or excusal that cannot be recorded as given (an attendee not on the
 * branch's roll, a date outside the year), in the shared refusal shape. Nothing was written.
 */
export class StudyRejected extends Schema.TaggedError<StudyRejected>()("ZhibuStudyRejected", {
  subjectId: Schema.String,
  ...refusalFields
}) {
  override get message(): string {
    return refusalMessage(this, { zh: `学时记录 ${this.subjectId}`, en: `study record "${this.subjectId}"` })
  }
}
