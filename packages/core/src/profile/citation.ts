import type { Message } from "../i18n/message.js"
import { regulations } from "./regulation.js"
import type { ResolvedRule, RuleSource } from "./rule.js"

/** `《中国共产党支部工作条例（试行）》第十二条` — the regulation title and article, as cited in Chinese. */
export const citeSource = (source: RuleSource): string => {
  const title = source.regulation === "LOCAL" && source.document !== undefined ? `《${source.document}》` : regulations[source.regulation].title
  return `${title}${source.article ?? ""}`
}

/**
 * Appends the rule id and its source to a message:
 * "支委会 missing for 2026-02 (rule meeting.committee.monthly, 《中国共产党支部工作条例（试行）》第十二条)".
 */
export const withCitation = (rule: Pick<ResolvedRule, "id" | "source">, text: Message): Message => {
  const cited = citeSource(rule.source)
  return {
    zh: `${text.zh}（规则 ${rule.id}，${cited}）`,
    en: `${text.en} (rule ${rule.id}, ${cited})`
  }
}
