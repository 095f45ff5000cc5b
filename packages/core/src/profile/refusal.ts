import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { type Locale, Message } from "../i18n/message.js"
import { withCitation } from "./citation.js"
import { type ResolvedRule, RuleSource } from "./rule.js"

/**
 * 拒绝 — the one shape of every refusal: a command the rules do not allow, or a record that cannot be
 * written as given. Nothing was written. A refusal raised by a rule names it (`ruleId`, and the
 * `source` it cited as it applied that day, so {@link formatRefusal} can cite the article).
 *
 * - `text`: what is wrong, in zh-CN and English, without the citation (the formatter adds it);
 * - `allowedFrom` / `allowedUntil`: the first / last date the rule allows the thing asked for;
 * - `missing`: what the record lacks, as a short English key for programs (`vote`, `member p7`).
 */
export interface Refusal {
  readonly ruleId?: string | undefined
  readonly source?: RuleSource | undefined
  readonly text: Message
  readonly allowedFrom?: CivilDate | undefined
  readonly allowedUntil?: CivilDate | undefined
  readonly missing?: string | undefined
}

/** The fields of a refusal no single rule raised (a date after today, a record out of order). */
export const refusalFields = {
  ruleId: Schema.optional(Schema.String),
  source: Schema.optional(RuleSource),
  text: Message,
  allowedFrom: Schema.optional(CivilDate),
  allowedUntil: Schema.optional(CivilDate),
  missing: Schema.optional(Schema.String)
}

/** The fields of a refusal raised by a rule: the same, with the rule and its source required. */
export const ruleRefusalFields = { ...refusalFields, ruleId: Schema.String, source: RuleSource }

/** What a rule's refusal may add to its text. */
export interface RefusalDetail {
  readonly missing?: string
  readonly allowedFrom?: CivilDate
  readonly allowedUntil?: CivilDate
}

/** The refusal fields for a refusal by `rule` (as it applied): its id and source, the text, any detail. */
export const refusedBy = (rule: Pick<ResolvedRule, "id" | "source">, text: Message, detail: RefusalDetail = {}) => ({
  ruleId: rule.id,
  source: rule.source,
  text,
  ...detail
})

/**
 * 拒绝说明 — renders any refusal in one locale: the text, then the rule and its source when a rule
 * raised it: "支委会 missing for 2026-02 (rule meeting.committee.monthly, 《中国共产党支部工作条例（试行）》第十二条)",
 * "2026-02 未召开支委会（规则 meeting.committee.monthly，《中国共产党支部工作条例（试行）》第十二条）".
 */
export const formatRefusal = (refusal: Refusal, locale: Locale): string =>
  refusal.ruleId !== undefined && refusal.source !== undefined
    ? withCitation({ id: refusal.ruleId, source: refusal.source }, refusal.text)[locale]
    : refusal.text[locale]

/**
 * The `message` of a refusal error, for logs: zh first, then en, each after what it concerns
 * (`about`, e.g. the member or organization and the operation).
 */
export const refusalMessage = (refusal: Refusal, about?: Message): string => {
  const zh = about === undefined ? "" : `${about.zh}：`
  const en = about === undefined ? "" : `${about.en}: `
  return `${zh}${formatRefusal(refusal, "zh")} — ${en}${formatRefusal(refusal, "en")}`
}
