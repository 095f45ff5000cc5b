import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { ruleAt } from "../../src/profile/profile.js"
import { orgRules } from "../../src/org/rules.js"
import { termLengthRule } from "../../src/org/rules-term.js"

const override = (rules: Record<string, Record<string, unknown>>) =>
  applyOverride(nationalBaseline, {
    id: "county-x",
    name: { zh: "某县", en: "County X" },
    document: "《某县中小学党组织设置规范》",
    effectiveFrom: "2026-01-01",
    rules
  })

describe("orgRules", () => {
  it("have unique org.* ids and are all in the national baseline", () => {
    const ids = orgRules.map((r) => r.id)
    expect([...ids].sort()).toEqual(
      [
        "org.branch.maximumMembers",
        "org.branch.minimumFullMembers",
        "org.branch.secretary",
        "org.branchCommittee.size",
        "org.committee.threshold",
        "org.dissolution.membersPlaced",
        "org.election.ballots",
        "org.election.candidateMargin",
        "org.election.quorum",
        "org.election.votingRights",
        "org.election.winningMajority",
        "org.generalBranch.threshold",
        "org.jointBranch.maximumUnits",
        "org.term.bounds",
        "org.term.electionDue",
        "org.term.extension",
        "org.term.length",
        "org.term.reminderWindow"
      ].sort()
    )
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^org\.[a-zA-Z]+\.[a-zA-Z]+$/)
      expect(nationalBaseline.rules.has(id)).toBe(true)
    }
  })

  it("every version cites a national regulation, and its parameters fit the rule's Schema", () => {
    for (const rule of orgRules) {
      for (const version of rule.versions) {
        expect(version.source.regulation).not.toBe("LOCAL")
        expect(Either.isRight(Schema.decodeUnknownEither(rule.parameters)(version.parameters))).toBe(true)
      }
    }
  })

  it("org.term.length: committee 5 years, general branch and branches 3", () => {
    expect(ruleAt(nationalBaseline, termLengthRule, civilDate("2026-03-01")).parameters).toEqual({
      committee: 5,
      generalBranch: 3,
      branch: 3,
      jointBranch: 3
    })
  })
})

describe("local overrides of organization rules", () => {
  it("org.jointBranch.maximumUnits: a county may allow only 3 schools per joint branch", () => {
    expect(Either.isRight(override({ "org.jointBranch.maximumUnits": { maximum: 3 } }))).toBe(true)
  })

  it("org.term.length: a local length must stay within the 党章's 3 to 5 years", () => {
    expect(Either.isRight(override({ "org.term.length": { branch: 5 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.term.length": { branch: 6 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.term.length": { branch: 2 } }))).toBe(true)
  })

  it("org.term.extension: 6 months is stricter and accepted, more than 12 is refused", () => {
    expect(Either.isRight(override({ "org.term.extension": { maximumMonths: 6 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.term.extension": { maximumMonths: 13 } }))).toBe(true)
  })

  it("org.election.quorum and org.election.candidateMargin may only be made stricter", () => {
    expect(Either.isRight(override({ "org.election.quorum": { numerator: 9, denominator: 10 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.election.quorum": { numerator: 2, denominator: 3 } }))).toBe(true)
    expect(Either.isRight(override({ "org.election.candidateMargin": { percent: 30 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.election.candidateMargin": { percent: 10 } }))).toBe(true)
  })

  it("org.branchCommittee.size: a narrower size is accepted, a wider one refused", () => {
    expect(Either.isRight(override({ "org.branchCommittee.size": { maximum: 5 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.branchCommittee.size": { minimum: 2 } }))).toBe(true)
  })

  it("org.branch.minimumFullMembers and org.term.bounds cannot be changed locally", () => {
    expect(Either.isLeft(override({ "org.branch.minimumFullMembers": { minimum: 5 } }))).toBe(true)
    expect(Either.isLeft(override({ "org.term.bounds": { minimumYears: 4 } }))).toBe(true)
  })
})
