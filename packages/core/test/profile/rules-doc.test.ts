import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { meetingRules } from "../../src/meeting/rules.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { makeProfile } from "../../src/profile/profile.js"
import { renderRulesMarkdown } from "../../src/profile/rules-doc.js"
import { strictSchoolProfile } from "./fixtures/strict-school-profile.js"

describe("renderRulesMarkdown", () => {
  it("docs/rules.md is up to date with the national baseline (run `npm run docs:rules` to regenerate)", () => {
    const onDisk = readFileSync(new URL("../../../../docs/rules.md", import.meta.url), "utf8")
    expect(onDisk, "docs/rules.md differs from renderRulesMarkdown(nationalBaseline): run `npm run docs:rules`").toBe(
      renderRulesMarkdown(nationalBaseline)
    )
  })

  it("lists every rule id once as a heading, with its titles and the source of each version", () => {
    const md = renderRulesMarkdown(nationalBaseline)
    for (const rule of nationalBaseline.rules.values()) {
      expect(md.split(`### \`${rule.id}\`\n`).length, rule.id).toBe(2)
      expect(md).toContain(rule.title.zh)
      expect(md).toContain(rule.title.en)
    }
    expect(md).toContain("| 2018-10-28 | `{\"cadence\":\"monthly\"}` | 《中国共产党支部工作条例（试行）》第十二条 (ZB2018) | certain |")
  })

  it("groups rules by domain and says the file is generated", () => {
    const md = renderRulesMarkdown(makeProfile("m", { zh: "会议", en: "Meetings" }, meetingRules))
    expect(md.startsWith("<!-- Generated file: do not edit by hand.")).toBe(true)
    expect(md).toContain("npm run docs:rules")
    expect(md).toContain(`(\`meeting.*\`, ${meetingRules.length} rules)`)
  })

  it("shows a profile's local overrides and local meeting kinds", () => {
    const strict = Either.getOrThrow(applyOverride(nationalBaseline, strictSchoolProfile))
    const md = renderRulesMarkdown(strict)
    expect(md).toContain("| 2026-09-01 | `{\"cadence\":\"monthly\",\"speaker\":\"secretary\"}` | 《示例中学党支部“三会一课”及组织生活制度》 (override `example-strict-school`) | local |")
    expect(md).toContain("| `ideologyClass` | 思想政治课 political and ideological class | monthly | branch | 1 (not counted) | 2026-09-01 |")
  })
})
