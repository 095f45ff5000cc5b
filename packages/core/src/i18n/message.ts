import * as Schema from "effect/Schema"

/** A user-facing text in Simplified Chinese (first) and English. */
export const Message = Schema.Struct({ zh: Schema.String, en: Schema.String })
export type Message = typeof Message.Type

export const message = (zh: string, en: string): Message => ({ zh, en })

export type Locale = "zh" | "en"

export const render = (m: Message, locale: Locale): string => m[locale]
