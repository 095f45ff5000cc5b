import { describe, expect } from "@effect/vitest"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import {
  auditContext,
  createWrite,
  freshId,
  freshTenant,
  makeMember,
  makeOrganization,
  withoutVersion
} from "../fixtures.js"
import { failureOf, type StoreIt } from "../harness.js"

/** `get` and `list` basics, and records coming out as fresh values. */
export const readsContract = (it: StoreIt) => {
  describe("get: “The record, or `NotFound` when the tenant has no record of that kind and id.”", () => {
    it.effect("returns the record that was written, with version 1", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        const read = yield* store.get(organizationKind, tenant, org.id)
        expect(read).toEqual({ ...org, version: 1 })
      })
    )

    it.effect("fails with NotFound naming the kind, id and tenant when there is no such id", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const id = freshId("m")
        const error = yield* failureOf(store.get(memberKind, tenant, id))
        expect(error._tag).toBe("ZhibuNotFound")
        expect(error).toMatchObject({ kind: "member", id, tenantId: tenant })
      })
    )

    it.effect("a record is found only under its own kind: an organization id is no member", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", org)], auditContext())
        const error = yield* failureOf(store.get(memberKind, tenant, org.id))
        expect(error._tag).toBe("ZhibuNotFound")
      })
    )

    it.effect("an organization and a member may share an id: they are different records", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const id = freshId("x")
        const org = makeOrganization(tenant, { id })
        const member = makeMember(tenant, { id })
        yield* store.write(tenant, [createWrite("organization", org), createWrite("member", member)], auditContext())
        expect(yield* store.get(organizationKind, tenant, id)).toEqual({ ...org, version: 1 })
        expect(yield* store.get(memberKind, tenant, id)).toEqual({ ...member, version: 1 })
      })
    )
  })

  describe("list: “Records of the tenant matching every given filter field, ordered by id ascending.”", () => {
    it.effect("a tenant with no records lists nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        expect(yield* store.list(organizationKind, freshTenant())).toEqual([])
        expect(yield* store.list(memberKind, freshTenant())).toEqual([])
      })
    )

    it.effect("lists only records of the asked kind", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        const member = makeMember(tenant)
        yield* store.write(tenant, [createWrite("organization", org), createWrite("member", member)], auditContext())
        expect(yield* store.list(organizationKind, tenant)).toEqual([{ ...org, version: 1 }])
        expect(yield* store.list(memberKind, tenant)).toEqual([{ ...member, version: 1 }])
      })
    )
  })

  describe("“Records are decoded with their Schema on the way in and out”: callers never share the stored value", () => {
    it.effect("changing a record after writing it, or one read back, does not change what is stored", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant)
        const [written] = yield* store.write(tenant, [createWrite("member", member)], auditContext())
        const read = yield* store.get(memberKind, tenant, member.id)
        for (const value of [member, written, read]) {
          const loose = value as unknown as { name: string; steps: Array<unknown> }
          loose.name = "changed"
          loose.steps.length = 0
        }
        const again = yield* store.get(memberKind, tenant, member.id)
        expect(again.name).toBe("张老师")
        expect(again.steps).toHaveLength(2)
        expect(withoutVersion(again)).toEqual(makeMember(tenant, { id: member.id }))
      })
    )
  })
}
