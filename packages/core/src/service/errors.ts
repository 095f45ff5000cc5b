import * as Schema from "effect/Schema"

/** Input to a service that does not decode (a malformed date, a missing field). Nothing was written. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  operation: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `${this.operation}: invalid input (输入无效): ${this.reason}`
  }
}
