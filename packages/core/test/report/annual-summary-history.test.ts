import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { leadershipRecordKind } from "../../src/org/history-leadership.js"
import { organizationChangeKind } from "../../src/org/change-record.js"
import { reportService } from "../../src/report/report-service.js"
import { createWrite, Store } from "../../src/store/port.js"
import { fullMembers, person } from "../member/fixtures.js"
import { ctxFor, organizer, seed } from "../org/service-fixtures.js"
import { org, TENANT } from "../support/records.js"

/**
 * A branch split on 2026-03-01: b1's m5…m8 moved into the new b3. The summary of 2025 counts on the
 * tree of 31 December 2025 (no b3; all eight in b1); that of 2026 on today's (2026-06-01).
 * b1 held an election on 2025-04-10 that changed its secretary from m2 to m1.
 */
const leadership = { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: ["m1", "m2", "m3"] }
const tree = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { term: { electedOn: "2025-04-10", years: 5 }, leadership }),
  org("b3", "branch", "school", { foundedOn: "2026-03-01", term: { electedOn: "2026-03-01", years: 5 } })
]
const moved = (id: string) => person(id, { organizationId: "b3", formerOrganizations: [{ organizationId: "b1", until: "2026-03-01" }] })
const members = [...fullMembers.slice(0, 4), moved("m5"), moved("m6"), moved("m7"), moved("m8")]

const split = Schema.decodeSync(organizationChangeKind.schema)({
  tenantId: TENANT,
  id: "split-b1",
  version: 1,
  change: "split",
  organizationId: "b1",
  effectiveOn: "2026-03-01",
  basis: "县教育工委〔2026〕3号",
  before: [{ id: "b1", kind: "branch", parentId: "school", units: ["school-1"], dissolvedOn: null }],
  created: ["b3"],
  moves: ["m5", "m6", "m7", "m8"].map((memberId) => ({ memberId, from: "b1", to: "b3" }))
})
const election = Schema.decodeSync(leadershipRecordKind.schema)({
  tenantId: TENANT,
  id: "b1:v2",
  version: 1,
  organizationId: "b1",
  effectiveOn: "2025-04-10",
  basis: "election",
  leadership,
  previousSecretaryId: "m2",
  organizationVersion: 2
})

const NOW = new Date("2026-06-01T02:00:00Z")
const run = <A, E>(effect: Effect.Effect<A, E, Store>) =>
  Effect.gen(function* () {
    yield* seed(tree, members)
    const store = yield* Store
    const { version: _a, ...change } = split
    const { version: _b, ...record } = election
    yield* store.write(TENANT, [createWrite(organizationChangeKind, change), createWrite(leadershipRecordKind, record)], { actorId: "seed", at: NOW, action: "seed" })
    return yield* effect
  }).pipe(Effect.provide(MemoryStore.layer()))

describe("report.annualSummary on a year's own tree", () => {
  it.effect("2025 counts on the tree of its last day: no b3, all eight members in b1, b1's election and change of secretary", () =>
    run(
      Effect.gen(function* () {
        const summary = yield* reportService.annualSummary(ctxFor(organizer, undefined, NOW), { organizationId: "school", year: 2025 })
        expect(summary.asOf).toBe("2025-12-31")
        expect(summary.organizations.map((r) => r.organizationId)).toEqual(["school", "b1"])
        expect(summary.organizations[1]!.subtree.members.active.full).toBe(8)
        expect(summary.totals.elections).toEqual({ held: 1, due: 1 })
        expect(summary.totals.secretariesChanged).toBe(1)
        expect(summary.totals.organizations.branch).toBe(1)
      })
    )
  )

  it.effect("2026 (not over) counts on today's tree: b3 with the four it received, as of today", () =>
    run(
      Effect.gen(function* () {
        const summary = yield* reportService.annualSummary(ctxFor(organizer, undefined, NOW), { organizationId: "school", year: 2026 })
        expect(summary.asOf).toBe("2026-06-01")
        const rows = new Map(summary.organizations.map((r) => [r.organizationId, r.subtree]))
        expect([...rows.keys()]).toEqual(["school", "b1", "b3"])
        expect(rows.get("b1")!.members.active.full).toBe(4)
        expect(rows.get("b3")!.members.active.full).toBe(4)
        expect(rows.get("b3")!.elections.held).toBe(1)
        expect(summary.totals.secretariesChanged).toBe(0)
        expect(summary.totals.members.active.full).toBe(8)
      })
    )
  )
})
