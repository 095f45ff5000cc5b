import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { generate, generateBranches, memberChunks, organizationsOf, planWorld, provinceScale, rngFor, scaleDown } from "../src/index.js"
import { isMember } from "./support/core.js"
import { memberProblems, organizationProblems } from "./support/findings.js"

const LIMIT = 120_000

describe("generate: determinism", () => {
  it(
    "the same seed gives the same world, record for record; another seed another",
    () => {
      const a = generate({ scale: "county", seed: 3, year: 2025 })
      const b = generate({ scale: "county", seed: 3, year: 2025 })
      expect(JSON.stringify(b)).toBe(JSON.stringify(a))
      const c = generate({ scale: "county", seed: 4, year: 2025 })
      expect(c.facts.counts.partyMembers).toBe(a.facts.counts.partyMembers)
      expect(JSON.stringify(c.members)).not.toBe(JSON.stringify(a.members))
      expect(generate({ scale: "school", seed: "abc" })).toEqual(generate({ scale: "school", seed: "abc" }))
    },
    LIMIT
  )

  it(
    "the same on every machine and run: a fingerprint of the school of seed 1 (update the snapshot when the generator changes on purpose)",
    () => {
      const rng = rngFor(3, "members", 0)
      expect([rng.next(), rng.next(), rng.int(1, 100)]).toEqual([0.8096264535561204, 0.6699701014440507, 39])
      const world = generate({ scale: "school", seed: 1, year: 2025 })
      // What the generator decides (not the shape of core's records, which core may extend).
      const decided = world.members.map((m) => [m.id, m.name, m.gender, m.birthDate, m.partyGroupId, m.stage, m.joinedOn, m.steps.map((s) => `${s.step} ${s.date}`)])
      const digest = createHash("sha256").update(JSON.stringify([world.facts, decided])).digest("hex")
      expect({ first: decided[0], last: decided.at(-1), digest }).toMatchSnapshot()
    },
    LIMIT
  )

  it(
    "streaming branch by branch or in chunks gives the records of generate, in the same order",
    () => {
      const options = { scale: scaleDown(provinceScale, 200), seed: 7, year: 2026 }
      const whole = generate(options)
      const plan = planWorld(options)
      const branches = [...generateBranches(plan)]
      expect(branches.flatMap((b) => b.members)).toEqual(whole.members)
      expect([...plan.committees, ...branches.flatMap((b) => b.organizations)]).toEqual(whole.organizations)
      expect(organizationsOf(plan)).toEqual(whole.organizations)
      const chunks = [...memberChunks(plan, 100)]
      expect(chunks.length).toBeGreaterThan(1)
      expect(chunks.flat()).toEqual(whole.members)
    },
    LIMIT
  )
})

describe("generate: school", () => {
  const world = generate({ scale: "school", seed: 1, year: 2025 })

  it("one branch of about 60 files (50 party members), in party groups on grade and subject teams", () => {
    const branches = world.organizations.filter((o) => o.kind === "branch")
    const groups = world.organizations.filter((o) => o.kind === "partyGroup")
    expect(branches).toHaveLength(1)
    expect(world.members).toHaveLength(60)
    expect(world.members.filter(isMember)).toHaveLength(50)
    expect(groups.length).toBeGreaterThanOrEqual(2)
    expect(groups.every((g) => g.parentId === branches[0]!.id && (g.basis === "grade" || g.basis === "subject"))).toBe(true)
    expect(world.members.filter(isMember).every((m) => groups.some((g) => g.id === m.partyGroupId))).toBe(true)
    expect(new Set(world.members.map((m) => m.stage))).toEqual(new Set(["applicant", "activist", "candidate", "probationary", "full"]))
  })

  it("is in order at the end of the year", () => {
    expect(memberProblems(world.members, world.facts.asOf)).toEqual([])
    expect(organizationProblems(world.organizations, world.members, world.facts.asOf)).toEqual([])
  })
})

describe("generate: province", () => {
  it("the whole province's plan has its figures, without a member record", () => {
    const plan = planWorld({ scale: "province", seed: 1 })
    expect(plan.branches).toHaveLength(10_000)
    expect(plan.committees.map((c) => c.id.split("-")[0])).toEqual(["province", ...Array(10).fill("city"), ...Array(100).fill("county")])
    expect(plan.branches.reduce((n, b) => n + b.partyMembers, 0)).toBe(250_000)
    expect(plan.branches.every((b) => b.partyMembers >= 6 && b.partyMembers <= 50)).toBe(true)
    expect(new Set(plan.branches.map((b) => b.id)).size).toBe(10_000)
  })

  it(
    "a province 1/100th the size takes the same path: cities over counties over branches, every figure exact",
    () => {
      const scale = scaleDown(provinceScale, 100)
      const world = generate({ scale, seed: 5, year: 2025 })
      const kinds = (level: string) => world.organizations.filter((o) => o.kind === "committee" && o.id.startsWith(level))
      expect([kinds("province").length, kinds("city").length, kinds("county").length]).toEqual([1, 1, 1])
      expect(world.organizations.filter((o) => o.kind === "branch")).toHaveLength(100)
      expect(world.members.filter(isMember)).toHaveLength(2_500)
      expect(world.facts.newlyDeveloped).toHaveLength(scale.newlyDeveloped)
      expect(world.facts.elections).toHaveLength(scale.elections)
      expect(world.facts.secretaryChanges).toHaveLength(scale.secretaryChanges)
      const counties = new Set(kinds("county").map((c) => c.id))
      expect(world.organizations.filter((o) => o.kind === "branch").every((b) => counties.has(b.parentId!))).toBe(true)
      expect(memberProblems(world.members, world.facts.asOf)).toEqual([])
    },
    LIMIT
  )

  it(
    "with more counties than cities, each city has its counties",
    () => {
      const plan = planWorld({ scale: scaleDown(provinceScale, 20), seed: 2 })
      const cities = plan.committees.filter((c) => c.id.startsWith("city"))
      const counties = plan.committees.filter((c) => c.id.startsWith("county"))
      expect([cities.length, counties.length, plan.branches.length]).toEqual([1, 5, 500])
      expect(counties.every((c) => cities.some((city) => city.id === c.parentId))).toBe(true)
      expect(plan.branches.every((b) => counties.some((c) => c.id === b.parentId))).toBe(true)
    },
    LIMIT
  )
})
