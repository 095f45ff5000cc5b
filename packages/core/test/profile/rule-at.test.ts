import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import { applyOverride } from "../../src/profile/override.js"
import { makeProfile, type RuleProfile, ruleAt } from "../../src/profile/profile.js"
import { defineRule } from "../../src/profile/rule.js"

const d = civilDate

/** A rule revised in 2026, like the 公示 period of the recruitment rules (XZ2014 → XZ2026). */
const publicity = defineRule({
  id: "test.candidate.publicity",
  title: { zh: "公示期", en: "Publicity period" },
  strength: "hard",
  parameters: Schema.Struct({ minimumWorkdays: Schema.Int.pipe(Schema.nonNegative()) }),
  versions: [
    { effectiveFrom: d("2014-05-28"), parameters: { minimumWorkdays: 0 }, source: { regulation: "XZ2014", article: "第十三条" }, confidence: "unsure" },
    { effectiveFrom: d("2026-05-11"), parameters: { minimumWorkdays: 5 }, source: { regulation: "XZ2026", article: "第十三条" }, confidence: "likely" }
  ],
  atLeastAsStrict: (c, b) => c.minimumWorkdays >= b.minimumWorkdays
})

/** A default rule (一般) with two parameters, to test partial overrides. */
const lecture = defineRule({
  id: "test.lecture.cadence",
  title: { zh: "党课", en: "Lecture" },
  strength: "default",
  parameters: Schema.Struct({ cadence: Schema.Literal("monthly", "quarterly", "yearly"), speaker: Schema.Literal("any", "secretary") }),
  versions: [
    { effectiveFrom: d("2019-05-06"), parameters: { cadence: "quarterly", speaker: "any" }, source: { regulation: "JG2019", article: "第十六条" }, confidence: "unsure" }
  ]
})

const base = makeProfile("test", { zh: "测试", en: "Test" }, [publicity, lecture])

const local = (id: string, effectiveFrom: string, rules: Record<string, Record<string, unknown>>): unknown => ({
  id,
  name: { zh: id, en: id },
  document: `${id} 制度`,
  effectiveFrom,
  rules
})

const apply = (profile: RuleProfile, input: unknown): RuleProfile => Either.getOrThrow(applyOverride(profile, input))

describe("ruleAt picks the version in force on the event date", () => {
  it("uses the 2014 version the day before the 2026 revision, and the 2026 version on its effective date", () => {
    const before = ruleAt(base, publicity, d("2026-05-10"))
    expect(before.parameters).toEqual({ minimumWorkdays: 0 })
    expect(before.source).toEqual({ regulation: "XZ2014", article: "第十三条" })
    expect(before.effectiveFrom).toBe("2014-05-28")
    const on = ruleAt(base, publicity, d("2026-05-11"))
    expect(on.parameters).toEqual({ minimumWorkdays: 5 })
    expect(on.source.regulation).toBe("XZ2026")
    expect(on.confidence).toBe("likely")
  })

  it("uses the earliest version for dates before any version", () => {
    expect(ruleAt(base, publicity, d("2010-01-01")).parameters).toEqual({ minimumWorkdays: 0 })
  })
})

describe("ruleAt applies an override from its effective date only", () => {
  const school = apply(base, local("school", "2026-09-01", { "test.lecture.cadence": { cadence: "monthly" } }))

  it("keeps the national parameters the day before and switches on the effective date", () => {
    expect(ruleAt(school, lecture, d("2026-08-31")).parameters).toEqual({ cadence: "quarterly", speaker: "any" })
    const on = ruleAt(school, lecture, d("2026-09-01"))
    expect(on.parameters).toEqual({ cadence: "monthly", speaker: "any" })
    expect(on.source).toEqual({ regulation: "LOCAL", document: "school 制度" })
    expect(on.overriddenBy).toBe("school")
    expect(ruleAt(school, lecture, d("2026-08-31")).overriddenBy).toBeUndefined()
  })

  it("layers a second override on the first: unnamed parameters keep the first one's values, and earlier dates still resolve to it", () => {
    const county = apply(base, local("county", "2025-01-01", { "test.lecture.cadence": { cadence: "monthly" } }))
    const layered = apply(county, local("school", "2026-09-01", { "test.lecture.cadence": { speaker: "secretary" } }))
    expect(ruleAt(layered, lecture, d("2024-12-31")).parameters).toEqual({ cadence: "quarterly", speaker: "any" })
    expect(ruleAt(layered, lecture, d("2026-08-31")).overriddenBy).toBe("county")
    expect(ruleAt(layered, lecture, d("2026-08-31")).parameters).toEqual({ cadence: "monthly", speaker: "any" })
    expect(ruleAt(layered, lecture, d("2026-09-01")).parameters).toEqual({ cadence: "monthly", speaker: "secretary" })
  })

  it("lets a later, stricter national version of a hard rule win over an older local override", () => {
    const three = apply(base, local("county", "2020-01-01", { "test.candidate.publicity": { minimumWorkdays: 3 } }))
    expect(ruleAt(three, publicity, d("2026-05-10")).parameters).toEqual({ minimumWorkdays: 3 })
    expect(ruleAt(three, publicity, d("2026-05-11")).parameters).toEqual({ minimumWorkdays: 5 })
    expect(ruleAt(three, publicity, d("2026-05-11")).overriddenBy).toBeUndefined()
    const seven = apply(base, local("county", "2020-01-01", { "test.candidate.publicity": { minimumWorkdays: 7 } }))
    expect(ruleAt(seven, publicity, d("2026-05-11")).parameters).toEqual({ minimumWorkdays: 7 })
  })
})
