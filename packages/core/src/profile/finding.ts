import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { withCitation } from "./citation.js"
import type { Confidence, ResolvedRule, RuleSource } from "./rule.js"

/**
 * - `violation`: a hard rule is broken;
 * - `warning`: a default expectation is not met, or a limit is near;
 * - `reminder`: something falls due soon (a deadline known in advance);
 * - `flag`: the regulation asks for a human judgement (正当理由, approvals); the library decides nothing.
 */
export type Severity = "violation" | "warning" | "reminder" | "flag"

/** What a {@link Finding} is about: an organization, a member file or the whole tenant, by id. */
export interface FindingSubject {
  readonly kind: "organization" | "member" | "tenant"
  readonly id: string
}

/** 检查结果 — one result of a check, naming the rule it comes from. */
export interface Finding {
  readonly ruleId: string
  readonly severity: Severity
  readonly subject: FindingSubject
  /** The text with the rule id and source appended, in zh-CN and English. */
  readonly message: Message
  readonly source: RuleSource
  readonly confidence: Confidence
  /** The date by which something must happen, when the finding is about a deadline. */
  readonly due?: CivilDate
}

/**
 * Builds a {@link Finding} of `rule` about `subject`: the message with the rule's citation appended,
 * its source and confidence, and the day it falls due when there is one.
 */
export const finding = (
  rule: ResolvedRule,
  severity: Severity,
  subject: FindingSubject,
  text: Message,
  due?: CivilDate
): Finding => ({
  ruleId: rule.id,
  severity,
  subject,
  message: withCitation(rule, text),
  source: rule.source,
  confidence: rule.confidence,
  ...(due === undefined ? {} : { due })
})
