import * as Schema from "effect/Schema"

/** A date string that is not a real `YYYY-MM-DD` calendar day. */
export class InvalidDate extends Schema.TaggedError<InvalidDate>()("InvalidDate", { input: Schema.String }) {
  override get message(): string {
    return `"${this.input}" is not a civil date: write YYYY-MM-DD with a real day (日期格式应为 YYYY-MM-DD 且为真实日期)`
  }
}
