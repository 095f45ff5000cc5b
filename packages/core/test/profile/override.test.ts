import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { Cadence, cadenceAtLeastAsOften } from "../../src/calendar/cadence.js"
import { civilDate } from "../../src/calendar/civil-date.js"
import {
  committeeMonthlyRule,
  lectureCadenceRule,
  orgLifeMeetingYearlyRule,
  lectureSecretaryYearlyRule,
  talksYearlyRule
} from "../../src/meeting/rules-cadence.js"
import { convenerRule } from "../../src/meeting/rules-conduct.js"
import { committeeQuorumRule, generalAssemblyQuorumRule } from "../../src/meeting/rules-quorum.js"
import { localMeetingKinds } from "../../src/meeting/local-kind.js"
import { meetingRuleDomain } from "../../src/meeting/rules.js"
import type { InvalidOverride } from "../../src/profile/errors.js"
import { applyOverride } from "../../src/profile/override.js"
import { composeProfile, ruleAt } from "../../src/profile/profile.js"
import { strictSchoolProfile } from "./fixtures/strict-school-profile.js"

const d = civilDate
const baseline = composeProfile("national", { zh: "全国基线", en: "National baseline" }, [meetingRuleDomain])

const withRules = (rules: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  id: "local",
  name: { zh: "本地", en: "Local" },
  document: "本地制度",
  effectiveFrom: "2026-09-01",
  rules,
  ...extra
})

const refusal = (input: unknown): InvalidOverride => {
  const result = applyOverride(baseline, input)
  if (Either.isRight(result)) throw new Error("expected the override to be refused")
  return result.left
}

describe("applyOverride accepts the brief's local practices (strict school profile)", () => {
  const profile = Either.getOrThrow(applyOverride(baseline, strictSchoolProfile))
  const on = d("2026-09-01")

  it("docs/examples/strict-school-profile.json is the same profile as the test fixture", () => {
    const json = JSON.parse(readFileSync(new URL("../../../../docs/examples/strict-school-profile.json", import.meta.url), "utf8"))
    expect(json).toEqual(strictSchoolProfile)
  })

  it("makes meeting.lecture.cadence monthly by the secretary", () => {
    expect(ruleAt(profile, lectureCadenceRule, on).parameters).toEqual({ cadence: "monthly", speaker: "secretary" })
  })

  it("makes meeting.talks.yearly and meeting.orgLifeMeeting.yearly half-yearly, keeping the Q4 default parameter", () => {
    expect(ruleAt(profile, talksYearlyRule, on).parameters).toEqual({ cadence: "halfYearly" })
    expect(ruleAt(profile, orgLifeMeetingYearlyRule, on).parameters).toEqual({ cadence: "halfYearly", quarterWhenYearly: 4 })
  })

  it("adds the weekly 党建例会 and the monthly one-hour 思想政治课 with their local source", () => {
    expect(localMeetingKinds(profile).map((k) => [k.id, k.cadence, k.heldBy, k.studyHours])).toEqual([
      ["partyBuildingWeekly", "weekly", "committee", undefined],
      ["ideologyClass", "monthly", "branch", 1]
    ])
    expect(localMeetingKinds(profile)[1]?.source).toEqual({ regulation: "LOCAL", document: strictSchoolProfile.document })
  })

  it("leaves the rules it does not name at their national values", () => {
    expect(ruleAt(profile, committeeMonthlyRule, on).parameters).toEqual({ cadence: "monthly" })
    expect(ruleAt(profile, committeeMonthlyRule, on).overriddenBy).toBeUndefined()
  })
})

describe("applyOverride refuses bad overrides with InvalidOverride naming the rule", () => {
  it("refuses an unknown rule id and suggests ids of the same domain", () => {
    const e = refusal(withRules({ "meeting.committee.weekly": { cadence: "weekly" } }))
    expect(e.ruleId).toBe("meeting.committee.weekly")
    expect(e.message).toContain("meeting.committee.monthly")
  })

  it("refuses parameters that fail the rule's schema (meeting.lecture.cadence)", () => {
    expect(refusal(withRules({ "meeting.lecture.cadence": { cadence: "fortnightly" } })).ruleId).toBe("meeting.lecture.cadence")
    expect(refusal(withRules({ "meeting.lecture.cadence": { speaker: "principal" } })).ruleId).toBe("meeting.lecture.cadence")
  })

  it("refuses a misspelt parameter name instead of silently ignoring it (meeting.talks.yearly)", () => {
    const e = refusal(withRules({ "meeting.talks.yearly": { cadance: "halfYearly" } }))
    expect(e.ruleId).toBe("meeting.talks.yearly")
    expect(e.message).toContain("cadance")
  })

  it("refuses relaxing a hard rule (meeting.committee.quorum down to a third)", () => {
    const e = refusal(withRules({ "meeting.committee.quorum": { attendance: { numerator: 1, denominator: 3, inclusive: false } } }))
    expect(e.ruleId).toBe("meeting.committee.quorum")
    expect(e.message).toContain("stricter")
  })

  it("refuses changing a hard rule that has no atLeastAsStrict (meeting.convener)", () => {
    expect(convenerRule.atLeastAsStrict).toBeUndefined()
    const e = refusal(withRules({ "meeting.convener": { secretaryMayDelegate: false } }))
    expect(e.ruleId).toBe("meeting.convener")
    expect(e.message).toContain("cannot be changed locally")
  })

  it("refuses a local kind id used twice, in one profile or across layered profiles", () => {
    const kind = { id: "weeklyStudy", name: { zh: "周学习", en: "Weekly study" }, cadence: "weekly" }
    expect(refusal(withRules({}, { meetingKinds: [kind, kind] })).message).toContain("weeklyStudy")
    const once = Either.getOrThrow(applyOverride(baseline, withRules({}, { meetingKinds: [kind] })))
    expect(Either.isLeft(applyOverride(once, withRules({}, { id: "second", meetingKinds: [kind] })))).toBe(true)
  })

  it("refuses a local kind that reuses a national kind id", () => {
    const kind = { id: "lecture", name: { zh: "党课", en: "Lecture" }, cadence: "monthly" }
    expect(refusal(withRules({}, { meetingKinds: [kind] })).message).toContain("national meeting kind")
  })

  it.each([
    ["a string", "monthly lectures", "(unnamed)"],
    ["null", null, "(unnamed)"],
    ["an array", [], "(unnamed)"],
    ["an object without id", { name: { zh: "x", en: "x" }, document: "x", effectiveFrom: "2026-09-01" }, "(unnamed)"],
    ["an impossible effective date", { ...withRules({}), effectiveFrom: "2026-02-30" }, "local"]
  ])("refuses malformed input: %s", (_label, input, profileId) => {
    const e = refusal(input)
    expect(e._tag).toBe("ZhibuInvalidOverride")
    expect(e.profileId).toBe(profileId)
    expect(e.ruleId).toBeUndefined()
  })

  it("a refused override leaves the base profile unchanged", () => {
    const before = { overrides: [...baseline.overrides.entries()], kinds: [...localMeetingKinds(baseline)], id: baseline.id }
    // the first rule is fine; the second is refused, so nothing at all may be applied
    const input = withRules(
      { "meeting.lecture.cadence": { cadence: "monthly" }, "meeting.committee.quorum": { attendance: { numerator: 1, denominator: 3, inclusive: false } } },
      { meetingKinds: [{ id: "weeklyStudy", name: { zh: "周学习", en: "Weekly study" }, cadence: "weekly" }] }
    )
    expect(Either.isLeft(applyOverride(baseline, input))).toBe(true)
    expect({ overrides: [...baseline.overrides.entries()], kinds: [...localMeetingKinds(baseline)], id: baseline.id }).toEqual(before)
    expect(ruleAt(baseline, lectureCadenceRule, d("2027-01-01")).parameters).toEqual({ cadence: "quarterly", speaker: "any" })
  })
})

describe("override laws", () => {
  it("law: any cadence is accepted for a default cadence rule (meeting.committee.monthly)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Cadence.literals), (cadence) =>
        Either.isRight(applyOverride(baseline, withRules({ "meeting.committee.monthly": { cadence } })))
      )
    )
  })

  it("law: a hard cadence rule (meeting.lecture.secretaryYearly) accepts exactly the cadences at least as often as yearly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Cadence.literals), (cadence) => {
        const accepted = Either.isRight(applyOverride(baseline, withRules({ "meeting.lecture.secretaryYearly": { cadence } })))
        const national = ruleAt(baseline, lectureSecretaryYearlyRule, d("2026-09-01")).parameters.cadence
        return accepted === cadenceAtLeastAsOften(cadence, national)
      })
    )
  })

  it("law: meeting.generalAssembly.quorum accepts the Q1 reading for attendance but not for passing", () => {
    const half = (inclusive: boolean) => ({ numerator: 1, denominator: 2, inclusive })
    expect(Either.isRight(applyOverride(baseline, withRules({ "meeting.generalAssembly.quorum": { attendance: half(true) } })))).toBe(true)
    expect(Either.isLeft(applyOverride(baseline, withRules({ "meeting.generalAssembly.quorum": { passing: half(true) } })))).toBe(true)
    expect(generalAssemblyQuorumRule.id).toBe("meeting.generalAssembly.quorum")
    expect(committeeQuorumRule.strength).toBe("hard")
  })
})
