import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Message } from "../i18n/message.js"
import { InvalidOverride } from "./errors.js"
import type { LocalKind, LocalKindSection, ProfileLocalKind } from "./local-kind.js"
import { ruleAt, type RuleOverride, type RuleProfile } from "./profile.js"
import type { RuleSource } from "./rule.js"

/**
 * The fields every local override profile has, whatever domains its base profile holds: `rules`
 * maps a rule id to the parameters to change; parameters not named keep the national value. Each
 * domain's local-kind section adds one more field (`meetingKinds`); see the national `OverrideProfile`.
 */
export const overrideProfileFields = {
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Message,
  /** The local document that sets these rules (e.g. 《某校党支部“三会一课”制度》). */
  document: Schema.String.pipe(Schema.minLength(1)),
  effectiveFrom: CivilDate,
  rules: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.Record({ key: Schema.String, value: Schema.Unknown }) }), {
    default: () => ({})
  })
}

/** The local-kind sections of every domain of a profile. */
const sectionsOf = (profile: RuleProfile): ReadonlyArray<LocalKindSection<any>> => profile.domains.flatMap((d) => d.localKinds)

const CommonFields = Schema.Struct(overrideProfileFields)

/** A decoded override profile: the common fields, and the local kinds of each section by its key. */
interface DecodedOverride {
  readonly common: typeof CommonFields.Type
  readonly kinds: (key: string) => ReadonlyArray<LocalKind>
}

/**
 * Decodes an override profile with one Schema: the common fields and one list per local-kind
 * section, so that an error names every bad field at once, as a single Schema's error does.
 */
const decodeOverride = (sections: ReadonlyArray<LocalKindSection<any>>, input: unknown): Either.Either<DecodedOverride, ParseResult.ParseError> => {
  const schema = Schema.Struct({
    ...overrideProfileFields,
    ...Object.fromEntries(sections.map((s) => [s.key, Schema.optionalWith(Schema.Array(s.kind), { default: () => [] })]))
  })
  return Either.map(Schema.decodeUnknownEither(schema)(input), (decoded) => {
    const all = decoded as unknown as Readonly<Record<string, ReadonlyArray<LocalKind> | undefined>>
    return { common: decoded as unknown as typeof CommonFields.Type, kinds: (key) => all[key] ?? [] }
  })
}

const fail = (profileId: string, reason: string, ruleId?: string) =>
  Either.left(new InvalidOverride({ profileId, reason, ...(ruleId === undefined ? {} : { ruleId }) }))

const nationalOnly = (profile: RuleProfile): RuleProfile => ({ ...profile, overrides: new Map() })

/** Known ids in the same domain as `ruleId` (or the first few), to suggest in an error. */
const knownIds = (profile: RuleProfile, ruleId: string): string => {
  const prefix = ruleId.split(".")[0] + "."
  const ids = [...profile.rules.keys()]
  const near = ids.filter((id) => id.startsWith(prefix))
  return (near.length > 0 ? near : ids.slice(0, 5)).join(", ")
}

const formatError = (error: ParseResult.ParseError): string => ParseResult.TreeFormatter.formatErrorSync(error)

/**
 * Applies a local override profile to a base profile (normally the national baseline).
 *
 * Parameters not named keep the value the base profile has on the override's effective date. The
 * override applies from its `effectiveFrom`; earlier dates keep resolving as before.
 *
 * Refused, with an {@link InvalidOverride} naming the rule and the fix, when: the input is not an
 * override profile; a rule id is unknown; merged parameters fail the rule's schema (including a
 * misspelt parameter name); a `hard` rule would be relaxed, or cannot be overridden at all; a local
 * kind is refused by its domain (a meeting kind reusing a national kind id) or its id repeats. A
 * refused override changes nothing.
 */
export const applyOverride = (base: RuleProfile, input: unknown): Either.Either<RuleProfile, InvalidOverride> => {
  const sections = sectionsOf(base)
  const decoded = decodeOverride(sections, input)
  if (Either.isLeft(decoded)) {
    const profileId =
      typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
        ? (input as { id: string }).id
        : "(unnamed)"
    return fail(profileId, formatError(decoded.left))
  }
  const override = decoded.right.common
  const from = override.effectiveFrom
  const source: RuleSource = { regulation: "LOCAL", document: override.document }
  const overrides = new Map<string, RuleOverride>(base.overrides)
  for (const [ruleId, partial] of Object.entries(override.rules)) {
    const rule = base.rules.get(ruleId)
    if (rule === undefined) {
      return fail(override.id, `unknown rule id; known ids: ${knownIds(base, ruleId)} (see docs/rules.md)`, ruleId)
    }
    const national = ruleAt(nationalOnly(base), rule, from).parameters
    const current = ruleAt(base, rule, from).parameters
    const merged = typeof current === "object" && current !== null ? { ...(current as Record<string, unknown>), ...partial } : partial
    const parameters = Schema.decodeUnknownEither(rule.parameters, { onExcessProperty: "error" })(merged)
    if (Either.isLeft(parameters)) {
      return fail(override.id, `parameters do not fit the rule: ${formatError(parameters.left)}`, ruleId)
    }
    if (rule.strength === "hard") {
      if (rule.atLeastAsStrict === undefined) {
        return fail(override.id, "this is a national hard rule and cannot be changed locally", ruleId)
      }
      if (!rule.atLeastAsStrict(parameters.right, national)) {
        return fail(
          override.id,
          `a local rule may only be stricter than the national one (national parameters: ${JSON.stringify(national)})`,
          ruleId
        )
      }
    }
    const previous = base.overrides.get(ruleId)
    overrides.set(ruleId, {
      parameters: parameters.right,
      effectiveFrom: from,
      source,
      profileId: override.id,
      ...(previous === undefined ? {} : { previous })
    })
  }
  const localKinds: Record<string, ReadonlyArray<ProfileLocalKind>> = { ...base.localKinds }
  for (const section of sections) {
    const kinds: Array<ProfileLocalKind> = [...(base.localKinds[section.key] ?? [])]
    for (const kind of decoded.right.kinds(section.key)) {
      const refused = section.refuse(kind)
      if (refused !== undefined) return fail(override.id, refused)
      if (kinds.some((k) => k.id === kind.id)) return fail(override.id, `${section.noun} "${kind.id}" is defined twice`)
      kinds.push({ ...kind, source, effectiveFrom: from, profileId: override.id })
    }
    localKinds[section.key] = kinds
  }
  return Either.right({ id: override.id, name: override.name, rules: base.rules, overrides, domains: base.domains, localKinds })
}
