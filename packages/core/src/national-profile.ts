import * as Schema from "effect/Schema"
import { duesRuleDomain } from "./dues/rules.js"
import { evaluationRuleDomain } from "./evaluation/rules.js"
import { LocalMeetingKind } from "./meeting/local-kind.js"
import { meetingRuleDomain } from "./meeting/rules.js"
import { memberRuleDomain } from "./member/rules.js"
import { orgRuleDomain } from "./org/rules.js"
import type { RuleDomain } from "./profile/domain.js"
import { transferRuleDomain } from "./transfer/rules.js"
import { overrideProfileFields } from "./profile/override.js"
import { reportRuleDomain } from "./report/rules.js"
import { composeProfile, type RuleProfile } from "./profile/profile.js"
import type { RuleDefinition } from "./profile/rule.js"
import { studyRuleDomain } from "./study/rules.js"

/**
 * Composition at the top: the national baseline is put together here from the rule domains, so
 * that the profile machinery (`profile/`) never imports a domain. A new domain adds its
 * `RuleDomain` to {@link nationalDomains}, nothing else.
 */

/** The domains of the national baseline, in the order `docs/rules.md` lists them. */
export const nationalDomains: ReadonlyArray<RuleDomain> = [orgRuleDomain, memberRuleDomain, meetingRuleDomain, duesRuleDomain, studyRuleDomain, evaluationRuleDomain, transferRuleDomain, reportRuleDomain]

/** Every national rule zhibu knows, from all domains. `docs/rules.md` is generated from this list. */
export const nationalRules: ReadonlyArray<RuleDefinition<any>> = nationalDomains.flatMap((d) => d.rules)

/** 全国基线 — the national baseline profile: the default every check uses. */
export const nationalBaseline: RuleProfile = composeProfile("national", { zh: "全国基线", en: "National baseline" }, nationalDomains)

/**
 * 本地规则配置 — a local override profile for the national baseline, as a school or county writes it
 * (JSON or code). `rules` maps a rule id to the parameters to change; parameters not named keep the
 * national value. `meetingKinds` adds local meeting kinds (the meeting domain's local-kind section).
 * `applyOverride` decodes exactly this shape for a profile composed from {@link nationalDomains}.
 */
export const OverrideProfile = Schema.Struct({
  ...overrideProfileFields,
  meetingKinds: Schema.optionalWith(Schema.Array(LocalMeetingKind), { default: () => [] })
})
export type OverrideProfile = typeof OverrideProfile.Type
/** An {@link OverrideProfile} as written in JSON or code, before decoding (optional fields may be left out). */
export type OverrideProfileInput = typeof OverrideProfile.Encoded
