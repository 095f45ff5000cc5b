import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { ProfileMeetingKind } from "./local-kind.js"
import type { ResolvedRule, RuleDefinition, RuleSource } from "./rule.js"

/** Parameters an override profile set for one rule, from a date on. */
export interface RuleOverride {
  readonly parameters: unknown
  readonly effectiveFrom: CivilDate
  readonly source: RuleSource
  readonly profileId: string
  /** The override this one replaced, kept so that dates before this one still resolve to it. */
  readonly previous?: RuleOverride
}

/**
 * 规则配置 — the set of rules a branch is judged by. The national baseline is the default; a local
 * override profile (see `applyOverride`) changes parameters and adds local meeting kinds.
 */
export interface RuleProfile {
  readonly id: string
  readonly name: Message
  readonly rules: ReadonlyMap<string, RuleDefinition<any>>
  readonly overrides: ReadonlyMap<string, RuleOverride>
  readonly localMeetingKinds: ReadonlyArray<ProfileMeetingKind>
}

export const makeProfile = (id: string, name: Message, rules: ReadonlyArray<RuleDefinition<any>>): RuleProfile => {
  const map = new Map<string, RuleDefinition<any>>()
  for (const rule of rules) {
    if (map.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`)
    for (let i = 1; i < rule.versions.length; i++) {
      if (rule.versions[i]!.effectiveFrom <= rule.versions[i - 1]!.effectiveFrom) {
        throw new Error(`rule ${rule.id}: versions must be in ascending effectiveFrom order`)
      }
    }
    map.set(rule.id, rule)
  }
  return { id, name, rules: map, overrides: new Map(), localMeetingKinds: [] }
}

/** The most recent override in the chain that is in force on `on` (the later-applied one wins a tie). */
const overrideOn = (head: RuleOverride | undefined, on: CivilDate): RuleOverride | undefined => {
  let found: RuleOverride | undefined
  for (let o = head; o !== undefined; o = o.previous) {
    if (o.effectiveFrom <= on && (found === undefined || o.effectiveFrom > found.effectiveFrom)) found = o
  }
  return found
}

/**
 * The rule as it applies on `on`: the national version in force that day (the earliest version for
 * dates before it), replaced by the profile's override from the override's effective date.
 * Rules that changed over time (the 2014 and 2026 recruitment rules) are chosen by the date of the
 * event they judge. An override of a `hard` rule applies only while it is at least as strict as
 * the national version in force, so a later, stricter national revision wins over an older local rule.
 */
export const ruleAt = <P>(profile: RuleProfile, rule: RuleDefinition<P>, on: CivilDate): ResolvedRule<P> => {
  const definition = (profile.rules.get(rule.id) ?? rule) as RuleDefinition<P>
  let version = definition.versions[0]
  for (const v of definition.versions) if (v.effectiveFrom <= on) version = v
  const override = overrideOn(profile.overrides.get(rule.id), on)
  const applies =
    override !== undefined &&
    (definition.strength !== "hard" || (definition.atLeastAsStrict?.(override.parameters as P, version.parameters) ?? false))
  if (override !== undefined && applies) {
    return {
      id: definition.id,
      title: definition.title,
      strength: definition.strength,
      parameters: override.parameters as P,
      source: override.source,
      confidence: version.confidence,
      effectiveFrom: override.effectiveFrom,
      overriddenBy: override.profileId
    }
  }
  return {
    id: definition.id,
    title: definition.title,
    strength: definition.strength,
    parameters: version.parameters,
    source: version.source,
    confidence: version.confidence,
    effectiveFrom: version.effectiveFrom
  }
}
