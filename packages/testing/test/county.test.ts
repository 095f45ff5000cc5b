import * as Schema from "effect/Schema"
import { beforeAll, describe, expect, it } from "vitest"
import { countyScale, type Generated, generate } from "../src/index.js"
import { fileState, isMember, Member, nationalBaseline, Organization } from "./support/core.js"
import { memberProblems, organizationProblems } from "./support/findings.js"
import { replayRefusal } from "./support/replay.js"

/** The research county's figures (seed 003): 66 branches, 1,510 members, 22 newly developed, 12 elections, 8 secretaries changed. */
describe("generate: county", () => {
  let world: Generated
  beforeAll(() => {
    world = generate({ scale: "county", seed: 3, year: 2025 })
  }, 120_000)
  const year = (date: string | null | undefined) => date?.slice(0, 4)

  it("has 66 branches under one 教育工委", () => {
    const branches = world.organizations.filter((o) => o.kind === "branch")
    const committees = world.organizations.filter((o) => o.kind === "committee")
    expect(branches).toHaveLength(66)
    expect(committees).toHaveLength(1)
    expect(committees[0]!.formation).toBe("appointed")
    expect(branches.every((b) => b.parentId === committees[0]!.id)).toBe(true)
    expect(world.facts.counts.branches).toBe(66)
  })

  it("has 1,510 party members (full and probationary), each branch between 6 and 50", () => {
    expect(world.members.filter(isMember)).toHaveLength(1_510)
    expect(world.facts.counts.partyMembers).toBe(1_510)
    for (const b of world.organizations.filter((o) => o.kind === "branch")) {
      const size = world.members.filter((m) => m.organizationId === b.id && isMember(m)).length
      expect(size).toBeGreaterThanOrEqual(countyScale.branchSize.min)
      expect(size).toBeLessThanOrEqual(countyScale.branchSize.max)
    }
    expect(world.members).toHaveLength(world.facts.counts.memberRecords)
  })

  it("developed 22 members in the year: admitted and approved in 2025, probationary at its end", () => {
    const admitted = world.members.filter((m) =>
      m.steps.some((s) => s.step === "admissionApproval" && s.decision?.outcome === "approved" && year(s.date) === "2025")
    )
    expect(admitted).toHaveLength(22)
    expect(admitted.every((m) => m.stage === "probationary")).toBe(true)
    expect(world.facts.newlyDeveloped.map((n) => n.memberId).sort()).toEqual(admitted.map((m) => m.id).sort())
    const byId = new Map(world.members.map((m) => [m.id as string, m]))
    for (const fact of world.facts.newlyDeveloped) {
      const steps = byId.get(fact.memberId)!.steps
      expect(steps.find((s) => s.step === "admissionMeeting")!.date).toBe(fact.admittedOn)
      expect(steps.find((s) => s.step === "admissionApproval")!.date).toBe(fact.approvedOn)
    }
  })

  it("held 12 elections and changed 8 secretaries in the year, as the records show", () => {
    const elected = world.organizations.filter((o) => year(o.term?.electedOn) === "2025")
    expect(elected).toHaveLength(12)
    expect(world.facts.elections.map((e) => e.organizationId).sort()).toEqual(elected.map((o) => o.id).sort())
    expect(world.facts.secretaryChanges).toHaveLength(8)
    const orgs = new Map(world.organizations.map((o) => [o.id as string, o]))
    const members = new Map(world.members.map((m) => [m.id as string, m]))
    for (const change of world.facts.secretaryChanges) {
      expect(year(change.on)).toBe("2025")
      expect(orgs.get(change.organizationId)!.leadership.secretaryId).toBe(change.secretaryId)
      expect(change.previousSecretaryId).not.toBe(change.secretaryId)
      for (const id of [change.secretaryId, change.previousSecretaryId]) expect(members.get(id)!.organizationId).toBe(change.organizationId)
    }
  })

  it("every record decodes with its Schema, in one tenant, with unique ids", () => {
    const decodeMember = Schema.decodeUnknownEither(Member)
    const decodeOrganization = Schema.decodeUnknownEither(Organization)
    for (const m of world.members) expect(decodeMember(Schema.encodeSync(Member)(m))._tag, m.id).toBe("Right")
    for (const o of world.organizations) expect(decodeOrganization(Schema.encodeSync(Organization)(o))._tag, o.id).toBe("Right")
    const tenants = new Set([...world.members, ...world.organizations].map((r) => r.tenantId))
    expect([...tenants]).toEqual([world.tenantId])
    expect(new Set(world.members.map((m) => m.id)).size).toBe(world.members.length)
    expect(new Set(world.organizations.map((o) => o.id)).size).toBe(world.organizations.length)
    const orgIds = new Set(world.organizations.map((o) => o.id as string))
    for (const m of world.members) {
      expect(orgIds.has(m.organizationId)).toBe(true)
      if (m.partyGroupId !== null) expect(world.organizations.find((o) => o.id === m.partyGroupId)!.parentId).toBe(m.organizationId)
    }
  })

  it("every file passes core's lifecycle: each step recorded again is accepted, the stage is the one replayed", () => {
    const today = world.facts.asOf
    const byBranch = new Map<string, Array<Member>>()
    for (const m of world.members) byBranch.set(m.organizationId, [...(byBranch.get(m.organizationId) ?? []), m])
    const refusals: Array<string> = []
    for (const m of world.members) {
      expect(fileState(m, nationalBaseline).stage, m.id).toBe(m.stage)
      const people = byBranch.get(m.organizationId)!.filter((p) => p.joinedOn !== null)
      const refusal = replayRefusal(m, people, today)
      if (refusal !== undefined) refusals.push(refusal)
    }
    expect(refusals).toEqual([])
  })

  it("is in order at the end of the year: no overdue step, no setup violation or warning", () => {
    expect(memberProblems(world.members, world.facts.asOf)).toEqual([])
    expect(organizationProblems(world.organizations, world.members, world.facts.asOf)).toEqual([])
  })
})
