import { describe, expect } from "@effect/vitest"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization, updateWrite } from "../fixtures.js"
import { failureOf, type StoreIt, type SuiteEnv } from "../harness.js"

const undecodable: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["an impossible birth date (2026-02-30)", { birthDate: "2026-02-30" }],
  ["an empty name", { name: "" }],
  ["a name of 101 characters (the Schema allows 100)", { name: "党".repeat(101) }],
  ["an unknown stage", { stage: "leader" }],
  ["an id with a space", { id: "m 1" }],
  ["a missing field", { gender: undefined }]
]

/** “a record that does not decode, or whose `tenantId` is not the call's tenant, is refused with `InvalidRecord`.” */
export const invalidContract = (it: StoreIt, env: SuiteEnv) => {
  describe("“Records are decoded with their Schema on the way in and out; a record that does not decode, or whose `tenantId` is not the call's tenant, is refused with `InvalidRecord`.”", () => {
    for (const [what, overrides] of undecodable) {
      it.effect(`a member with ${what} is refused with InvalidRecord; nothing is written`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const member = makeMember(tenant, overrides)
          const error = yield* failureOf(store.write(tenant, [createWrite("member", member)], auditContext()))
          expect(error._tag).toBe("ZhibuInvalidRecord")
          expect(error).toMatchObject({ kind: "member" })
          expect(yield* env.view(tenant)).toEqual(env.empty)
        })
      )
    }

    it.effect("fields the Schema does not know are not stored", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant, { nickname: "小张" })
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        expect(yield* store.get(memberKind, tenant, member.id)).not.toHaveProperty("nickname")
        const [entry] = yield* store.auditLog(tenant)
        expect(entry?.after).not.toHaveProperty("nickname")
      })
    )

    it.effect("a name of exactly 100 characters (the Schema's bound) is stored", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant, { name: "党".repeat(100) })
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        expect((yield* store.get(memberKind, tenant, member.id)).name).toBe("党".repeat(100))
      })
    )

    it.effect("an update to a record that does not decode is refused and the stored record stays as it was", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant)
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        const before = yield* env.view(tenant)
        const bad = { ...member, birthDate: "2026-02-30" }
        const error = yield* failureOf(store.write(tenant, [updateWrite("member", bad, 1)], auditContext()))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "member", id: member.id })
        expect(yield* env.view(tenant)).toEqual(before)
      })
    )

    it.effect("a record whose tenantId is another tenant's is refused with InvalidRecord; neither tenant is written", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [mine, theirs] = [freshTenant(), freshTenant()]
        const org = makeOrganization(theirs)
        const error = yield* failureOf(store.write(mine, [createWrite("organization", org)], auditContext()))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "organization", id: org.id })
        for (const tenant of [mine, theirs]) {
          expect(yield* env.view(tenant)).toEqual(env.empty)
        }
      })
    )

    it.effect("an update that moves a record to another tenant is refused; the record stays in its tenant", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [mine, theirs] = [freshTenant(), freshTenant()]
        const org = makeOrganization(mine)
        yield* store.write(mine, [createWrite("organization", org)], auditContext())
        const before = yield* env.view(mine)
        const error = yield* failureOf(
          store.write(mine, [updateWrite("organization", { ...org, tenantId: theirs }, 1)], auditContext())
        )
        expect(error._tag).toBe("ZhibuInvalidRecord")
        expect(yield* env.view(mine)).toEqual(before)
        expect(yield* env.view(theirs)).toEqual(env.empty)
      })
    )
  })

  describe("“A record … whose kind the store does not serve, is refused with `InvalidRecord`” and “A kind the store does not serve has no records”", () => {
    const nonsense = { name: "nonsense" }
    it.effect("a write of a kind the store does not serve is refused with InvalidRecord, with the other writes of the call", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const writes = [createWrite("organization", makeOrganization(tenant)), createWrite(nonsense, { tenantId: tenant, id: "x-1" })]
        const error = yield* failureOf(store.write(tenant, writes, auditContext()))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "nonsense", id: "x-1" })
        const imported = yield* failureOf(store.importBatch(tenant, "b-1", writes, auditContext()))
        expect(imported).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "nonsense" })
        expect(yield* env.view(tenant)).toEqual(env.empty)
      })
    )

    it.effect("a kind that only shares its name with a served kind is still that kind: its record is checked by the served Schema", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const impostor = { ...organizationKind, table: "zhibu_elsewhere" }
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite(impostor, org)], auditContext())
        expect((yield* store.get(organizationKind, tenant, org.id)).id).toBe(org.id)
        const error = yield* failureOf(store.write(tenant, [createWrite({ name: "member" }, org)], auditContext()))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "member" })
      })
    )

    it.effect("get, list and aggregate of a kind the store does not serve find nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* store.write(tenant, [createWrite("member", makeMember(tenant, { id: "m-1" }))], auditContext())
        const unknown = { ...memberKind, name: "nonsense", table: "zhibu_nonsense" }
        expect((yield* failureOf(store.get(unknown, tenant, "m-1")))._tag).toBe("ZhibuNotFound")
        expect(yield* store.list(unknown, tenant)).toEqual([])
        expect(yield* store.aggregate(unknown, tenant, { groupBy: ["stage"] })).toEqual([])
      })
    )
  })
}
