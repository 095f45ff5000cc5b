import * as Schema from "effect/Schema"
import { Message } from "../i18n/message.js"

/**
 * 输入无效 — input to a service that does not decode (a malformed date, a missing field, a control
 * character in a name) or that no date may have (a founding date after today). Nothing was written.
 *
 * It names the field (`path`, such as `birthDate` or `actor.roles[0].organizationId`; empty for the
 * input as a whole) and what was expected there, in zh-CN and English. It never repeats the value
 * received, which may be personal data. `text` is the sentence to show; like every refusal it
 * renders with `formatRefusal`.
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("ZhibuInvalidInput", {
  operation: Schema.String,
  path: Schema.String,
  expected: Message,
  /** Whether the field was missing, present but wrong, or not a field of the input. */
  problem: Schema.Literal("missing", "invalid", "unexpected"),
  text: Message
}) {
  override get message(): string {
    return `${this.operation}：输入无效，${this.text.zh} — ${this.operation}: invalid input, ${this.text.en}`
  }
}

const field = (path: string): Message => (path === "" ? { zh: "输入", en: "the input" } : { zh: `字段 ${path}`, en: `field ${path}` })

/**
 * An {@link InvalidInput} for `operation`: the field at `path` is `missing`, `invalid` (the
 * default) or `unexpected`, and `expected` says, in both languages, what it should be.
 */
export const invalidInput = (
  operation: string,
  path: string,
  expected: Message,
  problem: "missing" | "invalid" | "unexpected" = "invalid"
): InvalidInput => {
  const where = field(path)
  const text: Message =
    problem === "missing"
      ? { zh: `缺少${where.zh}（应为${expected.zh}）`, en: `${where.en} is missing: expected ${expected.en}` }
      : problem === "unexpected"
        ? { zh: `${where.zh}不是该输入的字段`, en: `${where.en} is not a field of this input` }
        : { zh: `${where.zh}：应为${expected.zh}`, en: `${where.en}: expected ${expected.en}` }
  return new InvalidInput({ operation, path, expected, problem, text })
}

/** What a date of something already done must be: 不晚于今天 — not after today. */
export const notAfterToday: Message = { zh: "不晚于今天的日期", en: "a date not after today" }
