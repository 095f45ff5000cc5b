// The example of docs/testing.md ("testing your integration"), run as a test: keep the two the same.
// It tests an application's own function the way an outside team would, with @zhibu/testing.
import { type CommandContext, makeCommandContext, type Member, memberService, weekdayCalendar } from "@zhibu/core"
import { MemoryStore } from "@zhibu/store-memory"
import { aMember, generate, memberFileArbitrary, seedStore } from "@zhibu/testing"
import { Effect, Either } from "effect"
import * as fc from "fast-check"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

// ── The application's code under test ─────────────────────────────────────────────────────────────
/** Our portal's "pipeline" widget: how many files of a branch are at each recruitment stage. */
const pipeline = (members: ReadonlyArray<Member>): Record<string, number> => {
  const counts: Record<string, number> = { applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 0 }
  for (const m of members) if (m.status === "active") counts[m.stage] = (counts[m.stage] ?? 0) + 1
  return counts
}

/** The widget fed through zhibu's own read service, as the portal calls it. */
const pipelineOf = (ctx: CommandContext, organizationId: string) =>
  Effect.map(memberService.list(ctx, { organizationId, limit: 1000 }), pipeline)

// ── Its tests ─────────────────────────────────────────────────────────────────────────────────────
describe("testing your integration with @zhibu/testing", () => {
  it("a file at any stage, in one line, lands in the right column", () => {
    const activist = aMember({ id: "p-wang", organizationId: "b1" }).activistSince("2025-03-15").build()
    const probationary = aMember({ id: "p-li", organizationId: "b1" }).probationaryAdmittedOn("2025-06-30").build()
    expect(pipeline([activist, probationary])).toMatchObject({ activist: 1, probationary: 1 })
  })

  it("law: every active file the lifecycle accepts is counted exactly once", () => {
    fc.assert(
      fc.property(fc.array(memberFileArbitrary({ stages: ["applicant", "activist", "candidate", "probationary", "full"] }), { maxLength: 8 }), (files) => {
        const members = files.map((f) => f.member)
        const counts = pipeline(members)
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(members.filter((m) => m.status === "active").length)
      }),
      { numRuns: 30 }
    )
  })

  it("a generated school, loaded into a store, gives the same pipeline through the service", async () => {
    const school = generate({ scale: "school", seed: 7, year: 2025 })
    const root = school.organizations.find((o) => o.parentId === null)!
    const branch = school.organizations.find((o) => o.kind === "branch")!
    const ctx = Either.getOrThrow(
      makeCommandContext({
        tenantId: school.tenantId,
        actor: { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: root.id }] },
        now: new Date("2026-01-05T02:00:00Z"),
        workdays: weekdayCalendar
      })
    )
    const counts = await Effect.runPromise(
      Effect.zipRight(seedStore(school), pipelineOf(ctx, branch.id)).pipe(Effect.provide(MemoryStore.layer()))
    )
    expect(counts).toEqual(pipeline(school.members.filter((m) => m.organizationId === branch.id)))
  })

  it("docs/testing.md shows exactly this file", () => {
    const doc = readFileSync(new URL("../../../docs/testing.md", import.meta.url), "utf8")
    expect(doc).toContain(readFileSync(new URL(import.meta.url), "utf8"))
  })
})
