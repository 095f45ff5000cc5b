import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { civilDate } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import { checkOrganization } from "../../src/org/setup-check.js"
import type { Finding } from "../../src/profile/finding.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"
import { fullMembers, member, org } from "./fixtures.js"

const TODAY = civilDate("2026-03-01")
const summary = (findings: ReadonlyArray<Finding>) => findings.map((f) => `${f.ruleId}:${f.severity}`)
const check = (o: Organization, members: ReadonlyArray<Member>, profile = nationalBaseline) =>
  summary(checkOrganization(o, members, profile, TODAY))

/** A branch with a secretary; `committee` committee members (the secretary among them when > 0). */
const branch = (committee = 0, kind: "branch" | "jointBranch" = "branch", units = ["school-1"]) =>
  org("b1", kind, "school", {
    units,
    leadership: {
      secretaryId: "s1",
      deputySecretaryIds: [],
      committeeMemberIds: committee === 0 ? [] : ["s1", ...Array.from({ length: committee - 1 }, (_, i) => `c${i + 2}`)]
    }
  })

const probationary = (count: number) =>
  Array.from({ length: count }, (_, i) => member(`p${i + 1}`, "b1", { stage: "probationary", convertedOn: null }))

describe("org.branch.minimumFullMembers", () => {
  it("2 full members is a violation; 3 is not", () => {
    expect(check(branch(), fullMembers(2, "b1"))).toEqual(["org.branch.minimumFullMembers:violation"])
    expect(check(branch(), fullMembers(3, "b1"))).toEqual([])
  })

  it("probationary and inactive members do not count as full members", () => {
    const members = [...fullMembers(2, "b1"), ...probationary(4), member("x", "b1", { status: "transferredOut" })]
    expect(check(branch(), members)).toEqual(["org.branch.minimumFullMembers:violation"])
  })

  it("applies to a joint branch too, and the message cites the rule and its article", () => {
    const findings = checkOrganization(branch(0, "jointBranch", ["a", "b"]), fullMembers(2, "b1"), nationalBaseline, TODAY)
    expect(summary(findings)).toEqual(["org.branch.minimumFullMembers:violation"])
    expect(findings[0]!.message.zh).toContain("2 人")
    expect(findings[0]!.message.zh).toContain("org.branch.minimumFullMembers")
    expect(findings[0]!.message.zh).toContain("第三十条")
    expect(findings[0]!.confidence).toBe("certain")
  })
})

describe("org.branchCommittee.size", () => {
  it("6 full members need no committee; 7 must have one", () => {
    expect(check(branch(), fullMembers(6, "b1"))).toEqual([])
    expect(check(branch(), fullMembers(7, "b1"))).toEqual(["org.branchCommittee.size:violation"])
  })

  it("with 10 full members: a committee of 2 is a violation, 3, 5 and 7 are fine, 8 is a warning", () => {
    const members = fullMembers(10, "b1")
    expect(check(branch(2), members)).toEqual(["org.branchCommittee.size:violation"])
    expect(check(branch(3), members)).toEqual([])
    expect(check(branch(5), members)).toEqual([])
    expect(check(branch(7), members)).toEqual([])
    expect(check(branch(8), members)).toEqual(["org.branchCommittee.size:warning"])
  })

  it("a branch with fewer than 7 full members has no committee (warning)", () => {
    expect(check(branch(3), fullMembers(6, "b1"))).toEqual(["org.branchCommittee.size:warning"])
  })
})

describe("org.branch.secretary", () => {
  it("a branch with no secretary is a violation", () => {
    const o = org("b1", "branch", "school")
    expect(check(o, fullMembers(3, "b1"))).toEqual(["org.branch.secretary:violation"])
  })

  it("one deputy is allowed, two are a violation", () => {
    const withDeputies = (n: number) =>
      org("b1", "branch", "school", {
        leadership: { secretaryId: "s1", deputySecretaryIds: Array.from({ length: n }, (_, i) => `d${i}`), committeeMemberIds: [] }
      })
    expect(check(withDeputies(1), fullMembers(3, "b1"))).toEqual([])
    expect(check(withDeputies(2), fullMembers(3, "b1"))).toEqual(["org.branch.secretary:violation"])
  })
})

describe("org.branch.maximumMembers", () => {
  it("50 members is fine; 51 is a warning that gives the count", () => {
    const committee = branch(5)
    expect(check(committee, [...fullMembers(40, "b1"), ...probationary(10)])).toEqual([])
    const findings = checkOrganization(committee, [...fullMembers(40, "b1"), ...probationary(11)], nationalBaseline, TODAY)
    expect(summary(findings)).toEqual(["org.branch.maximumMembers:warning"])
    expect(findings[0]!.message.en).toContain("51 members")
  })
})

describe("org.jointBranch.maximumUnits", () => {
  const units = (n: number) => Array.from({ length: n }, (_, i) => `school-${i + 1}`)

  it("5 units are fine, 6 are a warning", () => {
    expect(check(branch(0, "jointBranch", units(5)), fullMembers(3, "b1"))).toEqual([])
    expect(check(branch(0, "jointBranch", units(6)), fullMembers(3, "b1"))).toEqual(["org.jointBranch.maximumUnits:warning"])
  })

  it("a county that allows only 3 schools sees 4 as a warning", () => {
    const local = applyOverride(nationalBaseline, {
      id: "guigang",
      name: { zh: "贵港", en: "Guigang" },
      document: "《贵港市中小学党组织设置指引》",
      effectiveFrom: "2024-01-01",
      rules: { "org.jointBranch.maximumUnits": { maximum: 3 } }
    })
    if (Either.isLeft(local)) throw local.left
    expect(check(branch(0, "jointBranch", units(3)), fullMembers(3, "b1"), local.right)).toEqual([])
    expect(check(branch(0, "jointBranch", units(4)), fullMembers(3, "b1"), local.right)).toEqual(["org.jointBranch.maximumUnits:warning"])
  })
})

describe("org.generalBranch.threshold and org.committee.threshold", () => {
  const general = org("gb", "generalBranch", "school")
  const committee = org("school", "committee", null)

  it("a general branch: 49 members is a warning, 50 and 99 are fine, 100 suggests a committee", () => {
    expect(check(general, fullMembers(49, "x"))).toEqual(["org.generalBranch.threshold:warning"])
    expect(check(general, fullMembers(50, "x"))).toEqual([])
    expect(check(general, fullMembers(99, "x"))).toEqual([])
    expect(check(general, fullMembers(100, "x"))).toEqual(["org.committee.threshold:warning"])
  })

  it("a committee: 99 members is a warning, 100 is fine", () => {
    expect(check(committee, fullMembers(99, "x"))).toEqual(["org.committee.threshold:warning"])
    expect(check(committee, fullMembers(100, "x"))).toEqual([])
  })
})

describe("organizations without setup findings", () => {
  it("a party group and a dissolved branch give none", () => {
    expect(check(org("g1", "partyGroup", "b1"), [])).toEqual([])
    expect(check(org("b1", "branch", "school", { dissolvedOn: "2025-01-01" }), [])).toEqual([])
  })
})
