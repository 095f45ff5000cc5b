import * as Schema from "effect/Schema"

/** A user-facing text in Simplified Chinese (first) and English. */
export const Message = Schema.Struct({ zh: Schema.String, en: Schema.String })
export type Message = typeof Message.Type

/** A {@link Message} from its Chinese and English texts. */
export const message = (zh: string, en: string): Message => ({ zh, en })

/** A language messages are written in: `zh` (Simplified Chinese) or `en` (English). */
export type Locale = "zh" | "en"

/** The text of a message in one locale. */
export const render = (m: Message, locale: Locale): string => m[locale]
