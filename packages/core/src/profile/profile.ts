import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { RuleDomain } from "./domain.js"
import type { ProfileLocalKind } from "./local-kind.js"
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
 * override profile (see `applyOverride`) changes parameters and adds local kinds (meeting kinds).
 */
export interface RuleProfile {
  readonly id: string
  readonly name: Message
  readonly rules: ReadonlyMap<string, RuleDefinition<any>>
  readonly overrides: ReadonlyMap<string, RuleOverride>
  /** The domains the profile was composed from: their titles and the local kinds they accept. */
  readonly domains: ReadonlyArray<RuleDomain>
  /** Local kinds added by override profiles, by the override field that lists them (`meetingKinds`). */
  readonly localKinds: Readonly<Record<string, ReadonlyArray<ProfileLocalKind>>>
}

const profileOf = (id: string, name: Message, rules: ReadonlyArray<RuleDefinition<any>>, domains: ReadonlyArray<RuleDomain>): RuleProfile => {
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
  return { id, name, rules: map, overrides: new Map(), domains, localKinds: {} }
}

/**
 * A profile of plain rules, in the order given. Throws on a repeated rule id or on versions out of
 * order: both are programming errors in a rule list. A profile of domains is {@link composeProfile}.
 */
export const makeProfile = (id: string, name: Message, rules: ReadonlyArray<RuleDefinition<any>>): RuleProfile =>
  profileOf(id, name, rules, [])

/**
 * 组合规则配置 — a profile composed from domains: their rules in the order given, their titles and
 * the local kinds they accept. Throws when a domain holds a rule whose id is not under its prefix.
 */
export const composeProfile = (id: string, name: Message, domains: ReadonlyArray<RuleDomain>): RuleProfile => {
  for (const domain of domains) {
    const stray = domain.rules.find((rule) => rule.id.split(".")[0] !== domain.id)
    if (stray !== undefined) throw new Error(`rule ${stray.id} is not in the domain ${domain.id}`)
  }
  return profileOf(id, name, domains.flatMap((d) => d.rules), domains)
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
