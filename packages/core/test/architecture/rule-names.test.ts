import { readdirSync, readFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import * as meetingRules from "../../src/meeting/rules.js"
import * as memberRules from "../../src/member/rules.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { RuleDefinition } from "../../src/profile/rule.js"
import * as orgRules from "../../src/org/rules.js"

const SRC = fileURLToPath(new URL("../../src/", import.meta.url))

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

/** The constant a rule id asks for: `meeting.committee.monthly` → `committeeMonthlyRule`. */
const constantFor = (id: string): string =>
  id
    .split(".")
    .slice(1)
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("") + "Rule"

interface Defined {
  readonly file: string
  readonly folder: string
  readonly name: string
  readonly id: string
}

/** Every `export const x = defineRule({ id: "…" …` in the source, with the file it sits in. */
const defined: ReadonlyArray<Defined> = sourceFiles(SRC).flatMap((path) => {
  const file = relative(SRC, path).split(sep).join("/")
  const text = readFileSync(path, "utf8")
  return [...text.matchAll(/export const (\w+)\s*=\s*defineRule(?:<[^(]*>)?\(\{\s*id:\s*"([^"]+)"/g)].map((m) => ({
    file,
    folder: file.split("/")[0]!,
    name: m[1]!,
    id: m[2]!
  }))
})

const isRule = (value: unknown): value is RuleDefinition =>
  typeof value === "object" && value !== null && "id" in value && "versions" in value && "strength" in value

describe("rule names follow rule ids", () => {
  it("finds every rule of the national baseline defined in the source, and nothing else", () => {
    const national = new Set(nationalBaseline.rules.keys())
    const found = new Set(defined.map((d) => d.id))
    const notComposed = [...found].filter((id) => !national.has(id))
    expect(notComposed, "rules defined but not in the national baseline: add the domain's RuleDomain to src/national-profile.ts").toEqual([])
    expect([...national].filter((id) => !found.has(id)), "national rules not found as `export const xRule = defineRule({ id: …` in src").toEqual([])
  })

  it.each(defined.map((d) => [d.id, d] as const))("%s: its id prefix names the folder that defines it", (_id, d) => {
    expect(`${d.folder}/`).toBe(`${d.id.split(".")[0]}/`)
  })

  it.each(defined.map((d) => [d.id, d] as const))("%s: its constant is named after its id", (_id, d) => {
    expect(d.name).toBe(constantFor(d.id))
  })

  it("rule files are named rules.ts or rules-<group>.ts in every folder", () => {
    for (const d of defined) expect(d.file, d.id).toMatch(/^[a-z]+\/rules(-[a-z]+)?\.ts$/)
  })

  it("each domain's rules module exports every rule under the name its id asks for", () => {
    for (const [domain, module] of [
      ["org", orgRules],
      ["member", memberRules],
      ["meeting", meetingRules]
    ] as const) {
      const rules = Object.entries(module).filter((entry): entry is [string, RuleDefinition] => isRule(entry[1]))
      expect(rules.length, domain).toBeGreaterThan(0)
      for (const [name, rule] of rules) {
        expect(name, rule.id).toBe(constantFor(rule.id))
        expect(rule.id.startsWith(`${domain}.`), rule.id).toBe(true)
      }
    }
  })

  it("constantFor reads ids as the issue describes", () => {
    expect(constantFor("meeting.committee.monthly")).toBe("committeeMonthlyRule")
    expect(constantFor("member.probation.length")).toBe("probationLengthRule")
    expect(constantFor("member.votingRights")).toBe("votingRightsRule")
  })
})
