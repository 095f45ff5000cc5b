import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import {
  admissionApprovalDeadlineRule,
  admissionMeetingDeadlineRule,
  candidateApprovalRule,
  candidatePublicityRule,
  memberRules,
  oathDeadlineRule,
  admissionPreliminaryReviewRule,
  probationLengthRule
} from "../../src/member/rules.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { ruleAt } from "../../src/profile/profile.js"
import { regulations } from "../../src/profile/regulation.js"

const on = civilDate

describe("memberRules", () => {
  it("has unique ids under member.*, each in the national baseline", () => {
    const ids = memberRules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^member\.[a-zA-Z]+(\.[a-zA-Z]+)?$/)
      expect(nationalBaseline.rules.get(id)).toBeDefined()
    }
  })

  it("names every rule the brief lists", () => {
    const ids = new Set(memberRules.map((r) => r.id))
    for (const id of [
      "member.application.minimumAge",
      "member.applicationTalk.deadline",
      "member.activist.minimumCultivation",
      "member.activist.assessmentInterval",
      "member.candidate.publicity",
      "member.candidate.training",
      "member.introducers.count",
      "member.admission.meetingDeadline",
      "member.admission.approvalDeadline",
      "member.admission.vote",
      "member.oath.deadline",
      "member.probation.length",
      "member.probation.extension",
      "member.conversion.vote",
      "member.conversion.approvalDeadline",
      "member.partyStanding.start",
      "member.votingRights",
      "member.lapse.sixMonths",
      "member.lostContact.suspension",
      "member.abroad.suspension"
    ]) {
      expect(ids.has(id), id).toBe(true)
    }
  })

  it("every version's parameters decode with the rule's Schema and cite a known regulation", () => {
    for (const rule of memberRules) {
      for (const version of rule.versions) {
        expect(Either.isRight(Schema.decodeUnknownEither(rule.parameters)(version.parameters)), rule.id).toBe(true)
        expect(regulations[version.source.regulation]).toBeDefined()
      }
    }
  })

  it("recruitment rules have a 2014 version from 2014-05-28 and a 2026 version from 2026-05-11", () => {
    for (const rule of memberRules.filter((r) => r.versions[0].source.regulation === "XZ2014")) {
      expect(rule.versions.map((v) => [v.effectiveFrom, v.source.regulation]), rule.id).toEqual([
        ["2014-05-28", "XZ2014"],
        ["2026-05-11", "XZ2026"]
      ])
    }
  })
})

describe("ruleAt picks the version by the event date", () => {
  it("member.admission.preliminaryReview: 第十九条 (2014) on 2026-05-10, 第十八条 (2026) on 2026-05-11", () => {
    expect(ruleAt(nationalBaseline, admissionPreliminaryReviewRule, on("2026-05-10")).source).toEqual({ regulation: "XZ2014", article: "第十九条" })
    expect(ruleAt(nationalBaseline, admissionPreliminaryReviewRule, on("2026-05-11")).source).toEqual({ regulation: "XZ2026", article: "第十八条" })
  })

  it("member.candidate.approval: 备案 under 2014, 同意 under 2026; member.candidate.publicity: none, then 5 working days", () => {
    expect(ruleAt(nationalBaseline, candidateApprovalRule, on("2026-05-10")).parameters.requires).toBe("filing")
    expect(ruleAt(nationalBaseline, candidateApprovalRule, on("2026-05-11")).parameters.requires).toBe("consent")
    expect(ruleAt(nationalBaseline, candidatePublicityRule, on("2026-05-10")).parameters.minimumWorkdays).toBe(0)
    expect(ruleAt(nationalBaseline, candidatePublicityRule, on("2026-05-11")).parameters.minimumWorkdays).toBe(5)
  })

  it("member.admission.meetingDeadline and member.oath.deadline: no national limit seen in 2014, 1 month in 2026", () => {
    expect(ruleAt(nationalBaseline, admissionMeetingDeadlineRule, on("2020-01-01")).parameters.months).toBeNull()
    expect(ruleAt(nationalBaseline, admissionMeetingDeadlineRule, on("2026-06-01")).parameters.months).toBe(1)
    expect(ruleAt(nationalBaseline, oathDeadlineRule, on("2020-01-01")).parameters.months).toBeNull()
    expect(ruleAt(nationalBaseline, oathDeadlineRule, on("2026-06-01")).parameters.months).toBe(1)
  })

  it("member.admission.approvalDeadline and member.probation.length keep their numbers across versions, with the shifted article", () => {
    const a14 = ruleAt(nationalBaseline, admissionApprovalDeadlineRule, on("2020-01-01"))
    const a26 = ruleAt(nationalBaseline, admissionApprovalDeadlineRule, on("2027-01-01"))
    expect([a14.parameters, a14.source.article]).toEqual([{ months: 3, specialCaseMonths: 6 }, "第二十六条"])
    expect([a26.parameters, a26.source.article, a26.confidence]).toEqual([{ months: 3, specialCaseMonths: 6 }, "第二十五条", "certain"])
    expect(ruleAt(nationalBaseline, probationLengthRule, on("2027-01-01")).source.article).toBe("第三十一条")
  })
})

describe("local overrides of member rules", () => {
  const local = (rules: Record<string, Record<string, unknown>>) => ({
    id: "school-x",
    name: { zh: "某校", en: "School X" },
    document: "《某校发展党员工作规程》",
    effectiveFrom: "2020-01-01",
    rules
  })

  it("member.candidate.publicity: a school may require 7 working days under the 2014 rules (stricter)", () => {
    const result = applyOverride(nationalBaseline, local({ "member.candidate.publicity": { minimumWorkdays: 7 } }))
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) expect(ruleAt(result.right, candidatePublicityRule, on("2021-01-01")).parameters.minimumWorkdays).toBe(7)
  })

  it("member.admission.approvalDeadline cannot be relaxed to 4 months", () => {
    const result = applyOverride(nationalBaseline, local({ "member.admission.approvalDeadline": { months: 4 } }))
    expect(Either.isLeft(result)).toBe(true)
  })

  it("member.probation.length cannot be changed at all", () => {
    expect(Either.isLeft(applyOverride(nationalBaseline, local({ "member.probation.length": { years: 2 } })))).toBe(true)
  })
})
