import { readFileSync } from "node:fs"
import { applyOverride, type InvalidOverride, nationalBaseline, type RuleProfile } from "@zhibu/core"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"

/** `national`: the national baseline; `strict`: the example school's stricter local rules on top of it. */
export type ProfileChoice = "national" | "strict"

/** The example override profile of `docs/examples`, as a school would keep it beside its code. */
const STRICT_PROFILE = new URL("../../../docs/examples/strict-school-profile.json", import.meta.url)

/** The override file could not be read or is not JSON. */
export class ProfileFileUnreadable extends Data.TaggedError("ProfileFileUnreadable")<{ readonly path: string; readonly reason: string }> {
  override get message(): string {
    return `cannot read the override profile ${this.path}: ${this.reason} (无法读取本地规则配置文件)`
  }
}

/** The rule profile the demo judges by: the baseline, or the baseline with the JSON override applied. */
export const loadProfile = (choice: ProfileChoice): Effect.Effect<RuleProfile, ProfileFileUnreadable | InvalidOverride> =>
  choice === "national"
    ? Effect.succeed(nationalBaseline)
    : Effect.try({
        try: () => JSON.parse(readFileSync(STRICT_PROFILE, "utf8")) as unknown,
        catch: (e) => new ProfileFileUnreadable({ path: STRICT_PROFILE.pathname, reason: e instanceof Error ? e.message : String(e) })
      }).pipe(Effect.flatMap((json) => applyOverride(nationalBaseline, json)))
