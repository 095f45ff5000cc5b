import { describe, expect } from "@effect/vitest"
import { organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { auditContext, createWrite, freshId, freshTenant, makeOrganization, updateWrite } from "../fixtures.js"
import { failureOf, type StoreIt, type SuiteEnv } from "../harness.js"

/** A tenant with one organization at version 2 (created, then renamed). */
const organizationAtVersion2 = (env: SuiteEnv) =>
  Effect.gen(function* () {
  const store = yield* Store
  const tenant = freshTenant()
  const org = makeOrganization(tenant)
  yield* store.write(tenant, [createWrite("organization", org)], auditContext())
  yield* store.write(tenant, [updateWrite("organization", { ...org, name: "第二党支部" }, 1)], auditContext())
  return { store, tenant, org, view: yield* env.view(tenant) }
  })

/** “Writes are optimistic”: versions, `Conflict` and `NotFound` on write. */
export const versionsContract = (it: StoreIt, env: SuiteEnv) => {
  describe("“A new record: everything but `version`, which the store sets to 1”, and each update adds one", () => {
    it.effect("create gives version 1, then updates give 2 and 3, as returned and as read back", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        const versions: Array<number> = []
        const [created] = yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        versions.push(created!.version, (yield* store.get(organizationKind, tenant, org.id)).version)
        for (const [name, expected] of [["二支部", 1], ["三支部", 2]] as const) {
          const [updated] = yield* store.write(tenant, [updateWrite("organization", { ...org, name }, expected)], auditContext())
          const read = yield* store.get(organizationKind, tenant, org.id)
          expect(read.name).toBe(name)
          versions.push(updated!.version, read.version)
        }
        expect(versions).toEqual([1, 1, 2, 2, 3, 3])
      })
    )

    it.effect("the version the caller passes in the record is ignored: the store sets it", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = { ...makeOrganization(tenant), version: 7 }
        const [created] = yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        expect(created!.version).toBe(1)
        expect((yield* store.get(organizationKind, tenant, org.id)).version).toBe(1)
      })
    )
  })

  describe("“`create` fails with `Conflict` (expectedVersion 0) when the id exists”", () => {
    it.effect("a second create of an id fails with Conflict{expectedVersion 0, actualVersion 2}; nothing is written", () =>
      Effect.gen(function* () {
        const { store, tenant, org, view } = yield* organizationAtVersion2(env)
        const error = yield* failureOf(
          store.write(tenant, [createWrite("organization", { ...org, name: "重复" })], auditContext())
        )
        expect(error._tag).toBe("ZhibuConflict")
        expect(error).toMatchObject({ kind: "organization", id: org.id, expectedVersion: 0, actualVersion: 2 })
        expect(yield* env.view(tenant)).toEqual(view)
      })
    )
  })

  describe("“`update` fails with `Conflict` unless `expectedVersion` is the stored version”", () => {
    for (const expectedVersion of [1, 3]) {
      it.effect(`an update based on version ${expectedVersion} of a record at version 2 fails with Conflict; nothing is written`, () =>
        Effect.gen(function* () {
          const { store, tenant, org, view } = yield* organizationAtVersion2(env)
          const error = yield* failureOf(
            store.write(tenant, [updateWrite("organization", { ...org, name: "过期" }, expectedVersion)], auditContext())
          )
          expect(error._tag).toBe("ZhibuConflict")
          expect(error).toMatchObject({ kind: "organization", id: org.id, expectedVersion, actualVersion: 2 })
          expect(yield* env.view(tenant)).toEqual(view)
        })
      )
    }

    it.effect("an update based on the stored version succeeds", () =>
      Effect.gen(function* () {
        const { store, tenant, org } = yield* organizationAtVersion2(env)
        const [updated] = yield* store.write(tenant, [updateWrite("organization", { ...org, name: "新" }, 2)], auditContext())
        expect(updated).toMatchObject({ version: 3, name: "新" })
      })
    )
  })

  describe("“… and `NotFound` when there is no such record”", () => {
    it.effect("an update of an id the tenant does not have fails with NotFound; nothing is written", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant, { id: freshId("missing") })
        const error = yield* failureOf(store.write(tenant, [updateWrite("organization", org, 1)], auditContext()))
        expect(error._tag).toBe("ZhibuNotFound")
        expect(error).toMatchObject({ kind: "organization", id: org.id, tenantId: tenant })
        expect(yield* env.view(tenant)).toEqual(env.empty)
      })
    )
  })
}
