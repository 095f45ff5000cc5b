import * as Schema from "effect/Schema"

/** An override profile that cannot be applied. Nothing is applied: the caller keeps the profile it had. */
export class InvalidOverride extends Schema.TaggedError<InvalidOverride>()("ZhibuInvalidOverride", {
  profileId: Schema.String,
  ruleId: Schema.optional(Schema.String),
  reason: Schema.String
}) {
  override get message(): string {
    const where = this.ruleId === undefined ? "" : ` for rule ${this.ruleId}`
    return `override profile "${this.profileId}" is invalid${where}: ${this.reason} (本地规则配置无效)`
  }
}
