import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { meetingRuleDomain, meetingRules } from "../../src/meeting/rules.js"
import { memberRuleDomain } from "../../src/member/rules.js"
import { nationalBaseline, nationalDomains } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { composeProfile, makeProfile } from "../../src/profile/profile.js"

const name = { zh: "测试", en: "Test" }
const withKind = {
  id: "local",
  name: { zh: "本地", en: "Local" },
  document: "本地制度",
  effectiveFrom: "2026-09-01",
  meetingKinds: [{ id: "weeklyStudy", name: { zh: "周学习", en: "Weekly study" }, cadence: "weekly" }]
}

describe("composeProfile: the national baseline is composed from the domains", () => {
  it("holds every rule of every national domain, in domain order", () => {
    expect([...nationalBaseline.rules.keys()]).toEqual(nationalDomains.flatMap((d) => d.rules.map((r) => r.id)))
    const ids = nationalDomains.map((d) => d.id)
    expect(ids.slice(0, 3)).toEqual(["org", "member", "meeting"])
    expect(new Set(ids).size).toBe(ids.length)
    // transfers and mobile members compose after the member domain they build on
    expect(ids.indexOf("transfer")).toBeGreaterThan(ids.indexOf("member"))
  })

  it("refuses a domain holding a rule of another domain", () => {
    expect(() => composeProfile("x", name, [{ ...memberRuleDomain, rules: [...memberRuleDomain.rules, meetingRules[0]!] }])).toThrow(
      /not in the domain member/
    )
  })

  it("a domain's local kinds exist only where the domain was composed in", () => {
    const composed = Either.getOrThrow(applyOverride(composeProfile("m", name, [meetingRuleDomain]), withKind))
    expect(composed.localKinds.meetingKinds?.map((k) => k.id)).toEqual(["weeklyStudy"])
    // a profile of plain rules has no meeting domain, so it has no meeting kinds to add
    const plain = Either.getOrThrow(applyOverride(makeProfile("m", name, meetingRules), withKind))
    expect(plain.localKinds).toEqual({})
  })
})
