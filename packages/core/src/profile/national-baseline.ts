import { memberRules } from "../member/rules.js"
import { meetingRules } from "../meeting/rules.js"
import { orgRules } from "../org/rules.js"
import { makeProfile, type RuleProfile } from "./profile.js"

/** Every national rule zhibu knows, from all domains. `docs/rules.md` is generated from this list. */
export const nationalRules = [...orgRules, ...memberRules, ...meetingRules]

/** 全国基线 — the national baseline profile: the default every check uses. */
export const nationalBaseline: RuleProfile = makeProfile(
  "national",
  { zh: "全国基线", en: "National baseline" },
  nationalRules
)
