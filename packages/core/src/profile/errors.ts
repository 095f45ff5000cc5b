import * as Schema from "effect/Schema"

/**
 * 本地规则配置无效 — an override profile that cannot be applied. Nothing is applied: the caller keeps
 * the profile it had. `reason` is for the person who wrote the profile (often a Schema's own words,
 * in English); the message gives Chinese first, as every zhibu error does.
 */
export class InvalidOverride extends Schema.TaggedError<InvalidOverride>()("ZhibuInvalidOverride", {
  profileId: Schema.String,
  ruleId: Schema.optional(Schema.String),
  reason: Schema.String
}) {
  override get message(): string {
    const where = this.ruleId === undefined ? "" : ` for rule ${this.ruleId}`
    const whereZh = this.ruleId === undefined ? "" : `（规则 ${this.ruleId}）`
    return `本地规则配置 ${this.profileId} 无效${whereZh} — override profile "${this.profileId}" is invalid${where}: ${this.reason}`
  }
}
