import { describe, expect, it } from "vitest"
import { generate, leadershipHistory, planWorld } from "../src/index.js"
import type { CivilDate } from "./support/core.js"

const asOf = "2025-06-30" as CivilDate
const options = { scale: "county", seed: 3, year: 2025 } as const

describe("generate({ asOf }): the records as they stand on a day of the year", () => {
  const year = generate(options)
  const cut = generate({ ...options, asOf })
  const plan = planWorld(options)

  it("no step after the day; every file kept is one of the year's, with its stage derived again; files not begun yet are left out", () => {
    expect(cut.members.length).toBeLessThan(year.members.length)
    const byId = new Map(year.members.map((m) => [m.id, m]))
    for (const m of cut.members) {
      expect(m.steps.every((s) => s.date <= asOf)).toBe(true)
      expect(byId.has(m.id)).toBe(true)
      expect(m.lastContactOn === null || m.lastContactOn <= asOf).toBe(true)
    }
    expect(cut.members.some((m) => m.stage !== byId.get(m.id)!.stage)).toBe(true)
  })

  it("an election or change of secretary after the day has not happened; the facts still describe the whole year", () => {
    const later = plan.branches.filter((b) => b.secretaryChange !== undefined && b.secretaryChange.on > asOf)
    expect(later.length).toBeGreaterThan(0)
    for (const b of later) {
      const o = cut.organizations.find((x) => x.id === b.id)!
      expect(o.leadership.secretaryId).toBe(b.secretaryChange!.previousSecretaryId)
      expect(new Set(o.leadership.committeeMemberIds)).toEqual(new Set(year.organizations.find((x) => x.id === b.id)!.leadership.committeeMemberIds))
    }
    for (const o of cut.organizations) expect(o.term === null || o.term.electedOn <= asOf).toBe(true)
    expect(cut.facts).toEqual(year.facts)
    expect(leadershipHistory(cut, asOf).every((r) => r.effectiveOn <= asOf)).toBe(true)
    expect(leadershipHistory(cut, asOf).length).toBeLessThan(leadershipHistory(year).length)
  })

  it("without asOf, or with 31 December, the world is the year's, record for record", () => {
    expect(JSON.stringify(generate({ ...options, asOf: "2025-12-31" as CivilDate }))).toBe(JSON.stringify(year))
  })
})
