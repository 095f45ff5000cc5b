import { describe, expect } from "@effect/vitest"
import type { Organization } from "@zhibu/core"
import { Conflict, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { auditContext, createWrite, freshTenant, makeOrganization, updateWrite } from "../fixtures.js"
import { fieldOf, type StoreIt } from "../harness.js"

/** Adds `unit` to an organization, re-reading and retrying on `Conflict` as the error advises. */
const addUnit = (tenant: string, id: string, unit: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const current = yield* store.get(organizationKind, tenant, id)
    const { version, ...draft } = current
    yield* store.write(
      tenant,
      [updateWrite("organization", { ...draft, units: [...current.units, unit] }, version)],
      auditContext({ action: `add.${unit}` })
    )
  }).pipe(Effect.retry({ while: (e) => e instanceof Conflict, times: 50 }))

/** “Of two concurrent updates from the same version exactly one wins; the other gets `Conflict`. No update is ever lost.” */
export const concurrencyContract = (it: StoreIt) => {
  describe("“Of two concurrent updates from the same version exactly one wins; the other gets `Conflict`.”", () => {
    it.effect("two concurrent updates from version 1: one succeeds, one fails with Conflict; version 2, one entry for it", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        const update = (name: string) =>
          Effect.either(store.write(tenant, [updateWrite("organization", { ...org, name }, 1)], auditContext()))
        const results = yield* Effect.all([update("甲"), update("乙")], { concurrency: 2 })
        const wins = results.filter(Either.isRight)
        const losses = results.filter(Either.isLeft).map((r) => r.left)
        expect(wins).toHaveLength(1)
        expect(losses).toHaveLength(1)
        expect(losses[0]).toMatchObject({ _tag: "ZhibuConflict", expectedVersion: 1, actualVersion: 2 })
        const stored = yield* store.get(organizationKind, tenant, org.id)
        expect(stored.version).toBe(2)
        expect(stored.name).toBe((wins[0]!.right[0] as Organization).name)
        const log = yield* store.auditLog(tenant)
        expect(log.map((e) => e.version)).toEqual([1, 2])
        expect(fieldOf(log[1]?.after, "name")).toBe(stored.name)
      })
    )
  })

  describe("“No update is ever lost.”", () => {
    it.effect("four writers each adding a unit, retrying on Conflict, leave all four units and versions 1–5", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant, { units: [] })
        yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        const units = ["一小", "二小", "三小", "四小"]
        yield* Effect.all(
          units.map((unit) => addUnit(tenant, org.id, unit)),
          { concurrency: "unbounded" }
        )
        const stored = yield* store.get(organizationKind, tenant, org.id)
        expect(stored.version).toBe(5)
        expect([...stored.units].sort()).toEqual([...units].sort())
        expect((yield* store.auditLog(tenant)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
      })
    )
  })
}
