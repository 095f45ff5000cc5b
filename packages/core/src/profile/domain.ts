import type { Message } from "../i18n/message.js"
import type { LocalKindSection } from "./local-kind.js"
import type { RuleDefinition } from "./rule.js"

/**
 * 规则领域 — what one domain (org, member, meeting…) hands to the profiles it is composed into: the
 * id prefix of its rules, its title in a rules document, its rule definitions and the local kinds
 * an override profile may add to it. Each domain folder exports one; the national baseline is
 * composed from them (see `composeProfile`), so the profile machinery never imports a domain.
 */
export interface RuleDomain {
  /** The first segment of every rule id of the domain (`meeting` for `meeting.committee.monthly`). */
  readonly id: string
  readonly title: Message
  readonly rules: ReadonlyArray<RuleDefinition<any>>
  readonly localKinds: ReadonlyArray<LocalKindSection<any>>
}
