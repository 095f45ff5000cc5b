import { describe, expect } from "@effect/vitest"
import type { Organization } from "@zhibu/core"
import { memberKind, organizationKind, Store, type Write } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import {
  auditContext,
  createWrite,
  freshTenant,
  makeMember,
  makeOrganization,
  updateWrite
} from "../fixtures.js"
import { failureOf, type StoreIt, type SuiteEnv } from "../harness.js"

/** “`write` is atomic: all of its records and their audit entries are stored, or none.” */
export const atomicityContract = (it: StoreIt, env: SuiteEnv) => {
  describe("“`write` is atomic: all of its records and their audit entries are stored, or none.”", () => {
    const lastWriteFails: ReadonlyArray<[string, string, (tenant: string, existing: Write) => Write]> = [
      ["a create of an existing id", "ZhibuConflict", (_, existing) => existing],
      ["an update of a missing id", "ZhibuNotFound", (tenant) => updateWrite("member", makeMember(tenant), 1)],
      ["a record that does not decode", "ZhibuInvalidRecord", (tenant) => createWrite("member", makeMember(tenant, { name: "" }))]
    ]
    for (const [what, tag, failing] of lastWriteFails) {
      it.effect(`a batch whose last write is ${what} fails with ${tag} and leaves no record and no audit entry`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const existing = createWrite("organization", makeOrganization(tenant))
          yield* store.write(tenant, [existing], auditContext())
          const before = yield* env.view(tenant)
          const org = makeOrganization(tenant)
          const member = makeMember(tenant)
          const writes = [
            createWrite("organization", org),
            createWrite("member", member),
            updateWrite("organization", { ...org, name: "改名" }, 1),
            failing(tenant, existing)
          ]
          const error = yield* failureOf(store.write(tenant, writes, auditContext()))
          expect(error._tag).toBe(tag)
          expect(yield* env.view(tenant)).toEqual(before)
          expect((yield* failureOf(store.get(organizationKind, tenant, org.id)))._tag).toBe("ZhibuNotFound")
          expect((yield* failureOf(store.get(memberKind, tenant, member.id)))._tag).toBe("ZhibuNotFound")
        })
      )
    }

    it.effect("a batch that creates and then updates one record stores version 2, with two audit entries", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        const written = yield* store.write(
          tenant,
          [createWrite("organization", org), updateWrite("organization", { ...org, name: "改名" }, 1)],
          auditContext()
        )
        expect(written.map((r) => [r.version, (r as Organization).name])).toEqual([
          [1, org.name],
          [2, "改名"]
        ])
        expect(yield* store.get(organizationKind, tenant, org.id)).toMatchObject({ version: 2, name: "改名" })
        const log = yield* store.auditLog(tenant)
        expect(log.map((e) => [e.seq, e.recordId, e.version])).toEqual([
          [1, org.id, 1],
          [2, org.id, 2]
        ])
        expect(log[1]?.before).toEqual(log[0]?.after)
      })
    )

    it.effect("writes in one batch see each other: a second update from the stored version conflicts, and nothing is written", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        const before = yield* env.view(tenant)
        const error = yield* failureOf(
          store.write(
            tenant,
            [updateWrite("organization", { ...org, name: "甲" }, 1), updateWrite("organization", { ...org, name: "乙" }, 1)],
            auditContext()
          )
        )
        expect(error).toMatchObject({ _tag: "ZhibuConflict", id: org.id, expectedVersion: 1, actualVersion: 2 })
        expect(yield* env.view(tenant)).toEqual(before)
      })
    )

    it.effect("“An empty list writes nothing”: it returns no records and adds no audit entry", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        expect(yield* store.write(tenant, [], auditContext())).toEqual([])
        expect(yield* env.view(tenant)).toEqual(env.empty)
      })
    )

    it.effect("“Returns the stored records with their new versions, in the order of the writes”", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const [m, o1, o2] = [makeMember(tenant, { id: "c" }), makeOrganization(tenant, { id: "b" }), makeOrganization(tenant, { id: "a" })]
        const written = yield* store.write(
          tenant,
          [createWrite("member", m), createWrite("organization", o1), createWrite("organization", o2)],
          auditContext()
        )
        expect(written).toEqual([
          { ...m, version: 1 },
          { ...o1, version: 1 },
          { ...o2, version: 1 }
        ])
      })
    )
  })
}
