import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"

/**
 * The most UTF-16 code units a free-text field holds (a note, a reason, minutes): about five pages
 * of Chinese. The store checks every record against its Schema on the way in, so the limit is the
 * same on every backend (without it, MariaDB alone refused a 30 MB note, at its 16 MB column).
 */
export const FREE_TEXT_MAX = 10_000

/** The most code units of a short label: who decided, the title of a filed material, a letter number. */
export const LABEL_MAX = 200

/** 备注 — free text of at most {@link FREE_TEXT_MAX} code units; line breaks are welcome. */
export const FreeText = Schema.String.pipe(
  Schema.maxLength(FREE_TEXT_MAX),
  Schema.annotations(expected({ zh: `不超过 ${FREE_TEXT_MAX} 个字符的文本`, en: `text of at most ${FREE_TEXT_MAX} characters` }))
)

/** A short label of 1 to {@link LABEL_MAX} code units (who decided, a material's title). */
export const Label = Schema.String.pipe(
  Schema.minLength(1),
  Schema.maxLength(LABEL_MAX),
  Schema.annotations(expected({ zh: `1–${LABEL_MAX} 个字符`, en: `1–${LABEL_MAX} characters` }))
)
