import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { Message } from "../i18n/message.js"
import { InvalidOverride } from "./errors.js"
import { meetingKinds } from "../meeting/kind.js"
import { LocalMeetingKind, type ProfileMeetingKind } from "./local-kind.js"
import { ruleAt, type RuleOverride, type RuleProfile } from "./profile.js"
import type { RuleSource } from "./rule.js"

/**
 * 本地规则配置 — a local override profile, as a school or county writes it (JSON or code).
 * `rules` maps a rule id to the parameters to change; parameters not named keep the national
 * value. `meetingKinds` adds local meeting kinds.
 */
export const OverrideProfile = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Message,
  /** The local document that sets these rules (e.g. 《某校党支部“三会一课”制度》). */
  document: Schema.String.pipe(Schema.minLength(1)),
  effectiveFrom: CivilDate,
  rules: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.Record({ key: Schema.String, value: Schema.Unknown }) }), {
    default: () => ({})
  }),
  meetingKinds: Schema.optionalWith(Schema.Array(LocalMeetingKind), { default: () => [] })
})
export type OverrideProfile = typeof OverrideProfile.Type
export type OverrideProfileInput = typeof OverrideProfile.Encoded

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
 * meeting kind id repeats or reuses a national kind id. A refused override changes nothing.
 */
export const applyOverride = (base: RuleProfile, input: unknown): Either.Either<RuleProfile, InvalidOverride> => {
  const decoded = Schema.decodeUnknownEither(OverrideProfile)(input)
  if (Either.isLeft(decoded)) {
    const profileId =
      typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
        ? (input as { id: string }).id
        : "(unnamed)"
    return fail(profileId, formatError(decoded.left))
  }
  const override = decoded.right
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
  const kinds: Array<ProfileMeetingKind> = [...base.localMeetingKinds]
  for (const kind of override.meetingKinds) {
    if ((meetingKinds as ReadonlyArray<string>).includes(kind.id)) {
      return fail(override.id, `local meeting kind "${kind.id}" reuses the id of a national meeting kind; choose another id`)
    }
    if (kinds.some((k) => k.id === kind.id)) return fail(override.id, `local meeting kind "${kind.id}" is defined twice`)
    kinds.push({ ...kind, source, effectiveFrom: from, profileId: override.id })
  }
  return Either.right({ id: override.id, name: override.name, rules: base.rules, overrides, localMeetingKinds: kinds })
}
