import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { leadershipRecordKind } from "../../src/org/history-leadership.js"
import { organizationService } from "../../src/org/organization-service.js"
import type { Organization } from "../../src/org/organization.js"
import { Store } from "../../src/store/port.js"
import { actor, org, TENANT } from "./fixtures.js"
import { commandAudit, ctxFor, organizer, secretary, seed, viewer } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

const led = { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: ["m1", "m2", "m3"] }

/**
 * A school from before leadership history was kept: b1 has a committee elected on 2024-06-01, b2 a
 * secretary and no term (founded 2020-01-01), g1 (a party group) nothing, b3 is dissolved.
 */
const oldTree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county", { leadership: { secretaryId: "o1", deputySecretaryIds: [], committeeMemberIds: [] } }),
  org("b1", "branch", "school", { leadership: led, term: { electedOn: "2024-06-01", years: 3 } }),
  org("b2", "branch", "school", { leadership: { secretaryId: "n1", deputySecretaryIds: [], committeeMemberIds: [] } }),
  org("g1", "partyGroup", "b1"),
  org("b3", "branch", "school", { leadership: { secretaryId: "k1", deputySecretaryIds: [], committeeMemberIds: [] }, dissolvedOn: "2025-07-01" })
]

const history = Effect.flatMap(Store, (store) => store.list(leadershipRecordKind, TENANT))

describe("organizationService.backfillLeadership: the history of organizations from before it was kept", () => {
  it.effect("records each current leadership once (basis recorded, from the election or the founding); ledOn answers, no secretary counted as changed", () =>
    run(
      Effect.gen(function* () {
        yield* seed(oldTree)
        const ctx = ctxFor(organizer)
        expect(yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2026-02-01" })).toBeNull()
        const done = yield* organizationService.backfillLeadership(ctx, { organizationId: "school" })
        expect(done).toEqual({ recorded: ["b1", "b2", "school"], withHistory: [], nothingToRecord: ["b3", "g1"] })
        expect(yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2024-05-31" })).toBeNull()
        expect(yield* organizationService.ledOn(ctx, { organizationId: "b1", on: "2024-06-01" })).toMatchObject({
          id: "b1:v1",
          basis: "recorded",
          leadership: led,
          previousSecretaryId: null,
          organizationVersion: 1
        })
        expect((yield* organizationService.ledOn(ctx, { organizationId: "b2", on: "2020-01-01" }))?.leadership.secretaryId).toBe("n1")
        const county = ctxFor(actor("v1", ["countyViewer", "county"]))
        expect(yield* organizationService.secretaryChanges(county, { organizationId: "county", year: 2024 })).toEqual({ year: 2024, total: 0, byOrganization: [] })
        expect((yield* commandAudit).map((e) => [e.action, e.kind, e.recordId])).toEqual([
          ["organization.update", "leadershipRecord", "b1:v1"],
          ["organization.update", "leadershipRecord", "b2:v1"],
          ["organization.update", "leadershipRecord", "school:v1"]
        ])
      })
    )
  )

  it.effect("idempotent: a second run, or one over an organization with history, writes nothing; a later change of secretary is then counted", () =>
    run(
      Effect.gen(function* () {
        yield* seed(oldTree)
        const ctx = ctxFor(organizer)
        yield* organizationService.backfillLeadership(ctx, { organizationId: "b2", effectiveOn: "2025-09-01" })
        const again = yield* organizationService.backfillLeadership(ctx, { organizationId: "school" })
        expect(again.withHistory).toEqual(["b2"])
        expect(again.recorded).toEqual(["b1", "school"])
        const third = yield* organizationService.backfillLeadership(ctx, { organizationId: "school" })
        expect(third).toEqual({ recorded: [], withHistory: ["b1", "b2", "school"], nothingToRecord: ["b3", "g1"] })
        const records = yield* history
        expect(records.map((r) => r.id).sort()).toEqual(["b1:v1", "b2:v1", "school:v1"])
        expect(records.find((r) => r.id === "b2:v1")?.effectiveOn).toBe("2025-09-01")
        expect((yield* commandAudit).length).toBe(3)
        yield* organizationService.updateLeadership(ctx, {
          organizationId: "b2",
          expectedVersion: 1,
          leadership: { secretaryId: "n2", deputySecretaryIds: [], committeeMemberIds: [] },
          effectiveOn: "2026-01-10"
        })
        const county = ctxFor(viewer)
        expect((yield* organizationService.secretaryChanges(county, { organizationId: "county", year: 2026 })).total).toBe(1)
        expect((yield* organizationService.ledOn(ctx, { organizationId: "b2", on: "2026-01-09" }))?.leadership.secretaryId).toBe("n1")
      })
    )
  )

  it.effect("a caller's date before an organization's founding records it from the founding; a date after today is invalid input and writes nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed(oldTree)
        const ctx = ctxFor(organizer)
        const late = yield* Effect.flip(organizationService.backfillLeadership(ctx, { organizationId: "school", effectiveOn: "2026-03-02" }))
        expect(late._tag).toBe("ZhibuInvalidInput")
        expect(yield* history).toEqual([])
        yield* organizationService.backfillLeadership(ctx, { organizationId: "b1", effectiveOn: "2019-01-01" })
        expect((yield* history).map((r) => r.effectiveOn)).toEqual(["2020-01-01"])
      })
    )
  )

  it.effect("needs organization.update: a branch secretary may backfill their branch, not the school (NotFound: it is above them); a county viewer is Forbidden; nothing written", () =>
    run(
      Effect.gen(function* () {
        yield* seed(oldTree)
        expect((yield* Effect.flip(organizationService.backfillLeadership(ctxFor(secretary), { organizationId: "school" })))._tag).toBe("ZhibuNotFound")
        expect((yield* Effect.flip(organizationService.backfillLeadership(ctxFor(viewer), { organizationId: "county" })))._tag).toBe("ZhibuForbidden")
        expect(yield* history).toEqual([])
        expect((yield* organizationService.backfillLeadership(ctxFor(secretary), { organizationId: "b1" })).recorded).toEqual(["b1"])
      })
    )
  )
})
