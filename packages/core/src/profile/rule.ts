import * as Schema from "effect/Schema"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { RegulationId } from "./regulation.js"

/** How sure we are of a rule (see `docs/rules.md`). */
export type Confidence = "certain" | "likely" | "unsure"

/**
 * How binding a rule is:
 * - `hard`: 至少 / 不少于 / 不超过 / 必须 — an override may only make it stricter;
 * - `default`: 一般 / 一般每… — an expectation an override may change freely;
 * - `local`: added by a local override profile, not a national rule.
 */
export type Strength = "hard" | "default" | "local"

/** Where a rule comes from: a regulation and its article. */
export const RuleSource = Schema.Struct({
  regulation: RegulationId,
  /** 第十二条, 第三十一条(六), … Absent when the regulation has no numbered article for it. */
  article: Schema.optional(Schema.String),
  /** For local rules: the document's own title. */
  document: Schema.optional(Schema.String)
})
export type RuleSource = typeof RuleSource.Type

/** One dated version of a rule's parameters. A rule changes when a regulation is revised. */
export interface RuleVersion<P> {
  readonly effectiveFrom: CivilDate
  readonly parameters: P
  readonly source: RuleSource
  readonly confidence: Confidence
}

/**
 * A rule as data: its id, what its parameters are, and each dated version with its source.
 * `P` is the decoded parameter type; `parameters` is its Schema (used to validate overrides).
 */
export interface RuleDefinition<P = unknown> {
  readonly id: string
  readonly title: Message
  readonly strength: Strength
  readonly parameters: Schema.Schema<P, any>
  readonly versions: readonly [RuleVersion<P>, ...Array<RuleVersion<P>>]
  /**
   * For `hard` rules: true when `candidate` is at least as strict as `baseline`. An override whose
   * parameters make this false is refused. Absent on a hard rule means it cannot be overridden.
   */
  readonly atLeastAsStrict?: (candidate: P, baseline: P) => boolean
}

/**
 * What {@link defineRule} accepts: a {@link RuleDefinition} whose parameter type is inferred from the
 * `parameters` Schema alone, so literal values in `versions` are checked against it, not widened.
 */
export type RuleDefinitionInput<P> = Omit<RuleDefinition<P>, "versions" | "atLeastAsStrict"> & {
  readonly versions: readonly [RuleVersion<NoInfer<P>>, ...Array<RuleVersion<NoInfer<P>>>]
  /** See {@link RuleDefinition.atLeastAsStrict}. */
  readonly atLeastAsStrict?: (candidate: NoInfer<P>, baseline: NoInfer<P>) => boolean
}

/** Declares a rule. The versions must be in ascending `effectiveFrom` order. */
export const defineRule = <P>(definition: RuleDefinitionInput<P>): RuleDefinition<P> => definition

/** A rule as it applies on one date under one profile. Every finding carries one of these. */
export interface ResolvedRule<P = unknown> {
  readonly id: string
  readonly title: Message
  readonly strength: Strength
  readonly parameters: P
  readonly source: RuleSource
  readonly confidence: Confidence
  readonly effectiveFrom: CivilDate
  /** The override profile that changed the national parameters, if any. */
  readonly overriddenBy?: string
}
