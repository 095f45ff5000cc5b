import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import type { RecordElectionInput } from "../../src/org/election-service.js"
import {
  type LeadershipRecord,
  leadershipOn,
  leadershipRecordId,
  secretaryChanged,
  secretaryChangesIn,
  secretaryOn
} from "../../src/org/history-leadership.js"
import { organizationService } from "../../src/org/organization-service.js"
import type { Store } from "../../src/store/port.js"
import { actor } from "./fixtures.js"
import { commandAudit, ctxFor, organizer, secretary, seed, viewer } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

const election = {
  organizationId: "b1",
  expectedVersion: 1,
  electedOn: "2025-02-20",
  elects: "committee",
  eligibleVoters: 9,
  tally: { seats: 3, presentVoters: 9, ballotsIssued: 9, ballotsReturned: 9, votes: { m1: 9, m2: 8, m3: 7, m4: 3 } },
  secretaryId: "m1",
  deputySecretaryIds: ["m2"]
} satisfies RecordElectionInput

const people = { secretaryId: "m3", deputySecretaryIds: ["m2"], committeeMemberIds: ["m1", "m2", "m3"] }

describe("leadership history: who led a branch on a date, and secretaries changed in a year", () => {
  it.effect("an election and a by-election each append one history record in the same write; ledOn answers for any date", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const elected = yield* organizationService.recordElection(ctxFor(secretary), election)
        yield* organizationService.updateLeadership(ctxFor(organizer), {
          organizationId: "b1",
          expectedVersion: elected.version,
          leadership: people,
          effectiveOn: "2026-01-15",
          basis: "byElection"
        })
        const audit = yield* commandAudit
        expect(audit.map((e) => [e.kind, e.recordId])).toEqual([
          ["organization", "b1"],
          ["leadershipRecord", "b1:v2"],
          ["organization", "b1"],
          ["leadershipRecord", "b1:v3"]
        ])
        const ctx = ctxFor(secretary)
        expect(yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2025-02-19" })).toBeNull()
        expect((yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2025-02-20" }))?.leadership.secretaryId).toBe("m1")
        expect((yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2026-01-14" }))?.leadership.secretaryId).toBe("m1")
        const after = yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2026-01-15" })
        expect(after).toMatchObject({ basis: "byElection", previousSecretaryId: "m1", leadership: { secretaryId: "m3" } })

        const county = ctxFor(viewer)
        expect(yield* organizationService.secretaryChanges(county, { organizationId: "county", year: 2025 })).toEqual({ year: 2025, total: 0, byOrganization: [] })
        expect(yield* organizationService.secretaryChanges(county, { organizationId: "county", year: 2026 })).toEqual({
          year: 2026,
          total: 1,
          byOrganization: [{ organizationId: "b1", changes: 1 }]
        })
      })
    )
  )

  it.effect("a refused change (a date after today) writes neither the organization nor its history", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(
          organizationService.updateLeadership(ctxFor(organizer), { organizationId: "b1", expectedVersion: 1, leadership: people, effectiveOn: "2026-03-02" })
        )
        expect(error._tag).toBe("ZhibuInvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("a secretary of another branch cannot read b1's history (NotFound) nor the county figure", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const other = actor("n1", ["branchSecretary", "b2"])
        expect((yield* Effect.flip(organizationService.ledOn(ctxFor(other), { organizationId: "b1", on: "2026-01-01" })))._tag).toBe("ZhibuNotFound")
        expect((yield* Effect.flip(organizationService.secretaryChanges(ctxFor(other), { organizationId: "county", year: 2026 })))._tag).toBe("ZhibuNotFound")
      })
    )
  )
})

const record = (organizationId: string, effectiveOn: string, secretaryId: string | null, previous: string | null, v: number): LeadershipRecord =>
  ({
    tenantId: "t1",
    id: leadershipRecordId(organizationId, v),
    version: 1,
    organizationId,
    effectiveOn,
    basis: "appointment",
    leadership: { secretaryId, deputySecretaryIds: [], committeeMemberIds: [] },
    previousSecretaryId: previous,
    organizationVersion: v
  }) as unknown as LeadershipRecord

describe("leadership history: laws", () => {
  it("a first secretary or a vacancy is not a change of secretary; a different person is", () => {
    expect(secretaryChanged(record("b1", "2026-01-01", "m1", null, 2))).toBe(0)
    expect(secretaryChanged(record("b1", "2026-01-01", null, "m1", 2))).toBe(0)
    expect(secretaryChanged(record("b1", "2026-01-01", "m1", "m1", 2))).toBe(0)
    expect(secretaryChanged(record("b1", "2026-01-01", "m2", "m1", 2))).toBe(1)
  })

  it("history record ids stay within 64 characters and differ per version", () => {
    const long = "x".repeat(64)
    expect(leadershipRecordId(long, 12).length).toBeLessThanOrEqual(64)
    expect(leadershipRecordId(long, 12)).not.toBe(leadershipRecordId(long, 13))
    expect(leadershipRecordId("b1", 2)).toBe("b1:v2")
  })

  it("property: the secretary on a date is the one set by the last change on or before it (any order of records)", () => {
    const day = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.constantFrom("m1", "m2", "m3")), { minLength: 1, maxLength: 12 }), day, (changes, on) => {
        // versions follow the order of the changes in time, as the organization's writes do
        const sorted = [...changes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        let previous: string | null = null
        const records = sorted.map(([d, s], i) => {
          const r = record("b1", d, s, previous, i + 2)
          previous = s
          return r
        })
        const expected = sorted.filter(([d]) => d <= on).at(-1)?.[1]
        expect(secretaryOn([...records].reverse(), "b1", on as CivilDate)).toBe(expected)
        expect(leadershipOn(records, "b2", on as CivilDate)).toBeUndefined()
        const year = Number(on.slice(0, 4))
        expect(secretaryChangesIn(records, year)).toBe(records.filter((r) => r.effectiveOn.startsWith(`${year}-`) && secretaryChanged(r) === 1).length)
      }),
      { numRuns: 200 }
    )
  })
})
