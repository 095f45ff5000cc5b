import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import { committeeMonthlyRule } from "../../src/meeting/rules-cadence.js"
import { committeeQuorumRule, generalAssemblyQuorumRule, partyOrganizationMeetingQuorumRule } from "../../src/meeting/rules-quorum.js"
import { meetingRules } from "../../src/meeting/rules.js"
import { meetsThreshold, shareAtLeastAsLarge, type Threshold, thresholdAtLeastAsStrict } from "../../src/meeting/threshold.js"
import { finding } from "../../src/profile/finding.js"
import { applyOverride } from "../../src/profile/override.js"
import { makeProfile, ruleAt } from "../../src/profile/profile.js"
import { regulations } from "../../src/profile/regulation.js"

const d = civilDate
const baseline = makeProfile("national", { zh: "全国基线", en: "National baseline" }, meetingRules)
const on = d("2026-03-01")

describe("meetingRules as data", () => {
  it("every rule id is unique and in the meeting domain, with both titles", () => {
    const ids = meetingRules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of meetingRules) {
      expect(r.id).toMatch(/^meeting\.[a-zA-Z]+(\.[a-zA-Z]+)?$/)
      expect(r.title.zh.length).toBeGreaterThan(0)
      expect(r.title.en.length).toBeGreaterThan(0)
    }
  })

  it("every version's parameters decode with the rule's schema and cite a known regulation no earlier than it", () => {
    for (const r of meetingRules) {
      for (const v of r.versions) {
        expect(Either.isRight(Schema.decodeUnknownEither(r.parameters, { onExcessProperty: "error" })(v.parameters)), r.id).toBe(true)
        expect(v.effectiveFrom >= regulations[v.source.regulation].effectiveFrom, r.id).toBe(true)
      }
    }
  })

  it("cites the sources of rules.md §1 and §2", () => {
    const cite = (id: string) => {
      const r = meetingRules.find((x) => x.id === id)!
      const v = r.versions[0]
      return [r.strength, v.source.regulation, v.source.article, v.confidence, v.parameters]
    }
    expect(cite("meeting.generalAssembly.quarterly")).toEqual(["default", "ZB2018", "第十一条", "certain", { cadence: "quarterly" }])
    expect(cite("meeting.committee.monthly")).toEqual(["default", "ZB2018", "第十二条", "certain", { cadence: "monthly" }])
    expect(cite("meeting.partyGroup.monthly")).toEqual(["default", "ZB2018", "第十三条", "certain", { cadence: "monthly" }])
    expect(cite("meeting.lecture.cadence")).toEqual(["default", "JG2019", "第十六条", "unsure", { cadence: "quarterly", speaker: "any" }])
    expect(cite("meeting.lecture.secretaryYearly")).toEqual(["hard", "ZB2018", undefined, "likely", { cadence: "yearly" }])
    expect(cite("meeting.themeDay.monthly")).toEqual(["default", "JG2019", "第十六条", "certain", { cadence: "monthly" }])
    expect(cite("meeting.orgLifeMeeting.yearly")).toEqual(["hard", "JG2019", "第十七条", "certain", { cadence: "yearly", quarterWhenYearly: 4 }])
    expect(cite("meeting.democraticEvaluation.yearly")).toEqual(["default", "JG2019", "第十八条", "certain", { cadence: "yearly" }])
    expect(cite("meeting.talks.yearly")).toEqual(["default", "ZB2018", "第十九条", "likely", { cadence: "yearly" }])
    expect(cite("meeting.committee.quorum").slice(0, 4)).toEqual(["hard", "ZB2018", "第十二条", "certain"])
    expect(cite("meeting.generalAssembly.quorum").slice(0, 4)).toEqual(["hard", "ZB2018", "第十一条", "certain"])
    expect(cite("meeting.partyOrganizationMeeting.quorum").slice(0, 4)).toEqual(["hard", "ZXX2022", "三（五）（六）", "certain"])
  })

  it("a finding from meeting.committee.monthly cites the rule id and article", () => {
    const f = finding(ruleAt(baseline, committeeMonthlyRule, d("2026-03-01")), "warning", { kind: "organization", id: "b1" }, {
      zh: "2026-02 未召开支委会",
      en: "支委会 missing for 2026-02"
    })
    expect(f.message.en).toBe("支委会 missing for 2026-02 (rule meeting.committee.monthly, 《中国共产党支部工作条例（试行）》第十二条)")
    expect(f.message.zh).toBe("2026-02 未召开支委会（规则 meeting.committee.monthly，《中国共产党支部工作条例（试行）》第十二条）")
  })
})

describe("quorum rules (Q1: more than half by default)", () => {
  it("meeting.committee.quorum: 3 of 5 committee members is a quorum, 2 of 5 is not; 2 of 4 is not by default", () => {
    const { attendance } = ruleAt(baseline, committeeQuorumRule, on).parameters
    expect(meetsThreshold(attendance, 3, 5)).toBe(true)
    expect(meetsThreshold(attendance, 2, 5)).toBe(false)
    expect(meetsThreshold(attendance, 2, 4)).toBe(false)
    expect(meetsThreshold(attendance, 3, 4)).toBe(true)
  })

  it("meeting.committee.quorum: a profile choosing the other Q1 reading counts exactly half", () => {
    const profile = Either.getOrThrow(
      applyOverride(baseline, {
        id: "q1",
        name: { zh: "半数即可", en: "Half is enough" },
        document: "本地解释",
        effectiveFrom: "2026-01-01",
        rules: { "meeting.committee.quorum": { attendance: { numerator: 1, denominator: 2, inclusive: true } } }
      })
    )
    expect(meetsThreshold(ruleAt(profile, committeeQuorumRule, on).parameters.attendance, 2, 4)).toBe(true)
    expect(meetsThreshold(ruleAt(profile, committeeQuorumRule, d("2025-12-31")).parameters.attendance, 2, 4)).toBe(false)
  })

  it("meeting.generalAssembly.quorum: a motion passes with yes votes from more than half of those who should attend, not of those present", () => {
    const { attendance, passing, passingBase } = ruleAt(baseline, generalAssemblyQuorumRule, on).parameters
    expect(passingBase).toBe("expectedVoting")
    // 20 voting members should attend, 12 came, 10 voted yes: a quorum, but 10 is not more than half of 20
    expect(meetsThreshold(attendance, 12, 20)).toBe(true)
    expect(meetsThreshold(passing, 10, 20)).toBe(false)
    expect(meetsThreshold(passing, 11, 20)).toBe(true)
  })

  it("meeting.partyOrganizationMeeting.quorum: cadre appointments need two thirds or more present", () => {
    const { attendance, keyMattersAttendance } = ruleAt(baseline, partyOrganizationMeetingQuorumRule, on).parameters
    expect(meetsThreshold(attendance, 4, 7)).toBe(true)
    expect(meetsThreshold(keyMattersAttendance, 4, 7)).toBe(false)
    expect(meetsThreshold(keyMattersAttendance, 4, 6)).toBe(true)
    expect(meetsThreshold(keyMattersAttendance, 5, 7)).toBe(true)
  })
})

describe("threshold laws", () => {
  const thresholdArb: fc.Arbitrary<Threshold> = fc
    .record({ denominator: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 6 }), inclusive: fc.boolean() })
    .map(({ denominator, k, inclusive }) => ({ numerator: Math.min(k, denominator), denominator, inclusive }))

  it("law: a stricter threshold is never met where the baseline is not", () => {
    fc.assert(
      fc.property(thresholdArb, thresholdArb, fc.integer({ min: 1, max: 200 }), fc.nat(200), (c, b, of, k) => {
        const count = k % (of + 1)
        return !thresholdAtLeastAsStrict(c, b) || !meetsThreshold(c, count, of) || meetsThreshold(b, count, of)
      })
    )
  })

  it("law: meeting a threshold is monotone in the count", () => {
    fc.assert(
      fc.property(thresholdArb, fc.integer({ min: 1, max: 200 }), fc.nat(199), (t, of, k) => {
        const count = k % of
        return !meetsThreshold(t, count, of) || meetsThreshold(t, count + 1, of)
      })
    )
  })

  it("law: shareAtLeastAsLarge differs from thresholdAtLeastAsStrict only in the Q1 reading of the same share", () => {
    fc.assert(
      fc.property(thresholdArb, thresholdArb, (c, b) => {
        const sameShare = c.numerator * b.denominator === b.numerator * c.denominator
        return shareAtLeastAsLarge(c, b) === thresholdAtLeastAsStrict(c, b) || (sameShare && c.inclusive && !b.inclusive)
      })
    )
  })
})
