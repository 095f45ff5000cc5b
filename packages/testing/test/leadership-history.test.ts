import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { generate, leadershipHistory } from "../src/index.js"
import { addDays, LeadershipRecord, leadershipOn, secretaryChangesIn } from "./support/leadership.js"

describe("leadershipHistory: the history the generated year implies", () => {
  const world = generate({ scale: "county", seed: 3, year: 2025 })
  const records = leadershipHistory(world)

  it("every record is a valid LeadershipRecord; one election record per election of the year", () => {
    for (const r of records) expect(Schema.is(LeadershipRecord)(r)).toBe(true)
    expect(records.filter((r) => r.basis === "election").length).toBe(world.facts.elections.length)
  })

  it("the secretaries changed in the year, counted from the records as the county's figure is, equal the generator's facts", () => {
    expect(world.facts.secretaryChanges.length).toBeGreaterThan(0)
    expect(secretaryChangesIn(records, 2025)).toBe(world.facts.secretaryChanges.length)
  })

  it("on and after a change, ledOn names the new secretary; the day before, not yet", () => {
    for (const c of world.facts.secretaryChanges) {
      expect(leadershipOn(records, c.organizationId, c.on)?.leadership.secretaryId).toBe(c.secretaryId)
      const dayBefore = leadershipOn(records, c.organizationId, addDays(c.on, -1))
      expect(dayBefore === undefined || dayBefore.effectiveOn < c.on).toBe(true)
    }
  })
})
