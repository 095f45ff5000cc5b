import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"

// C0/C1 control characters (tab and newline included: a name is one line) and unpaired surrogates
// cannot be shown, and PostgreSQL text cannot hold U+0000.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** True for well-formed Unicode text with no control characters. */
export const isDisplayText = (s: string): boolean => !CONTROL.test(s) && !LONE_SURROGATE.test(s)

/**
 * 显示文本 — a one-line name or title between `min` and `max` UTF-16 code units: well-formed
 * Unicode (every CJK plane, emoji, quotes, `%`, `\` welcome), no control characters.
 */
export const DisplayText = (min: number, max: number) =>
  Schema.String.pipe(
    Schema.minLength(min),
    Schema.maxLength(max),
    Schema.filter(isDisplayText, { message: () => "text must be well-formed Unicode without control characters (不得含控制字符)" }),
    Schema.annotations(
      expected({ zh: `${min}–${max} 个字符的单行文本，不含控制字符`, en: `one line of ${min}–${max} characters, without control characters` })
    )
  )
