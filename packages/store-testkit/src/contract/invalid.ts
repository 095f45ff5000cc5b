import { describe, expect } from "@effect/vitest"
import { Store } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization, updateWrite } from "../fixtures.js"
import { failureOf, type StoreIt, viewTenant } from "../harness.js"

const undecodable: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["an impossible birth date (2026-02-30)", { birthDate: "2026-02-30" }],
  ["an empty name", { name: "" }],
  ["a name of 101 characters (the Schema allows 100)", { name: "党".repeat(101) }],
  ["an unknown stage", { stage: "leader" }],
  ["an id with a space", { id: "m 1" }],
  ["a missing field", { gender: undefined }]
]

/** “a record that does not decode, or whose `tenantId` is not the call's tenant, is refused with `InvalidRecord`.” */
export const invalidContract = (it: StoreIt) => {
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
          expect(yield* viewTenant(tenant)).toEqual({ records: { organization: [], member: [] }, audit: [] })
        })
      )
    }

    it.effect("fields the Schema does not know are not stored", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant, { nickname: "小张" })
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        expect(yield* store.get("member", tenant, member.id)).not.toHaveProperty("nickname")
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
        expect((yield* store.get("member", tenant, member.id)).name).toBe("党".repeat(100))
      })
    )

    it.effect("an update to a record that does not decode is refused and the stored record stays as it was", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant)
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        const before = yield* viewTenant(tenant)
        const bad = { ...member, birthDate: "2026-02-30" }
        const error = yield* failureOf(store.write(tenant, [updateWrite("member", bad, 1)], auditContext()))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "member", id: member.id })
        expect(yield* viewTenant(tenant)).toEqual(before)
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
          expect(yield* viewTenant(tenant)).toEqual({ records: { organization: [], member: [] }, audit: [] })
        }
      })
    )

    it.effect("an update that moves a record to another tenant is refused; the record stays in its tenant", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [mine, theirs] = [freshTenant(), freshTenant()]
        const org = makeOrganization(mine)
        yield* store.write(mine, [createWrite("organization", org)], auditContext())
        const before = yield* viewTenant(mine)
        const error = yield* failureOf(
          store.write(mine, [updateWrite("organization", { ...org, tenantId: theirs }, 1)], auditContext())
        )
        expect(error._tag).toBe("ZhibuInvalidRecord")
        expect(yield* viewTenant(mine)).toEqual(before)
        expect(yield* viewTenant(theirs)).toEqual({ records: { organization: [], member: [] }, audit: [] })
      })
    )
  })
}
