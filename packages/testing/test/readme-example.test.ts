// The example of README.md, run as a test: keep the two the same.
import { civilDate, nationalBaseline } from "@zhibu/core"
import { fileState, timeline } from "@zhibu/core/rules"
import { MemoryStore } from "@zhibu/store-memory"
import { aMember, generate, memberFileArbitrary, seedStore } from "@zhibu/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { expect, it } from "vitest"

it("builds member files at any stage in a line", () => {
  const activist = aMember({ id: "p-wang", organizationId: "b1" }).activistSince("2025-03-15").build()
  const probationary = aMember({ id: "p-li" }).probationaryAdmittedOn("2025-06-30").build()
  expect(timeline(activist, nationalBaseline, civilDate("2026-03-15")).items.map((i) => [i.step, i.earliest ?? i.due])).toContainEqual([
    "candidateDesignation",
    "2026-03-15"
  ])
  expect(fileState(probationary, nationalBaseline).probationEnd).toBe("2026-06-30")
})

it("holds for every file the lifecycle accepts", () => {
  fc.assert(
    fc.property(memberFileArbitrary({ stages: ["probationary", "full"] }), ({ member }) => {
      expect(fileState(member, nationalBaseline).probationStart).toBeDefined()
    }),
    { numRuns: 50 }
  )
}, 60_000)

it("loads a whole county into a store", async () => {
  const county = generate({ scale: "county", seed: 3, year: 2025 })
  expect(county.facts.counts.partyMembers).toBe(1510)
  expect(county.facts.newlyDeveloped).toHaveLength(22)
  const written = await Effect.runPromise(seedStore(county).pipe(Effect.provide(MemoryStore.layer())))
  expect(written.members).toBe(county.members.length)
}, 60_000)
