import * as Schema from "effect/Schema"

/** A date string that is not a real `YYYY-MM-DD` calendar day. */
export class InvalidDate extends Schema.TaggedError<InvalidDate>()("ZhibuInvalidDate", { input: Schema.String }) {
  override get message(): string {
    return `"${this.input}" 不是有效日期：日期格式应为 YYYY-MM-DD 且为真实日期 — "${this.input}" is not a civil date: write YYYY-MM-DD with a real day`
  }
}

/**
 * A semester cadence was asked for without a school calendar. Semesters are set by each school
 * (or its education bureau), so the library never guesses them.
 */
export class SchoolCalendarRequired extends Schema.TaggedError<SchoolCalendarRequired>()("ZhibuSchoolCalendarRequired", {
  /** The date the caller asked about, if any. */
  date: Schema.optional(Schema.String),
  /** The rule whose cadence is `semester`, if the call came from a rule. */
  ruleId: Schema.optional(Schema.String)
}) {
  override get message(): string {
    const rule = this.ruleId === undefined ? "" : ` (rule ${this.ruleId})`
    const ruleZh = this.ruleId === undefined ? "" : `（规则 ${this.ruleId}）`
    const on = this.date === undefined ? "" : ` for ${this.date}`
    const onZh = this.date === undefined ? "" : `：${this.date}`
    return (
      `按学期计算需要本校校历，请提供学期起止日期${onZh}${ruleZh} — ` +
      `a semester cadence needs the school calendar: pass the school's terms${on}${rule}`
    )
  }
}
