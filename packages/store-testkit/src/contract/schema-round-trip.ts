import { describe, expect } from "@effect/vitest"
import { Store } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { memberArbitrary, organizationArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, freshTenant } from "../fixtures.js"
import { checkProperty, type StoreIt } from "../harness.js"

/** Any record the Schema allows is stored as it is: written and read back, it is deep-equal to what was written. */
export const schemaRoundTripContract = (it: StoreIt) => {
  describe("“Records are decoded with their Schema on the way in and out”: any valid record round-trips", () => {
    it.effect("law: any member drawn from the Member Schema reads back deep-equal, with version 1", () =>
      checkProperty(memberArbitrary("t-placeholder"), (generated) =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const member = { ...generated, tenantId: tenant }
          const [written] = yield* store.write(tenant, [createWrite("member", member)], auditContext())
          const read = yield* store.get("member", tenant, member.id)
          expect(written).toEqual({ ...member, version: 1 })
          expect(read).toEqual({ ...member, version: 1 })
        })
      )
    )

    it.effect("law: any organization drawn from the Organization Schema reads back deep-equal, with version 1", () =>
      checkProperty(organizationArbitrary("t-placeholder"), (generated) =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const org = { ...generated, tenantId: tenant }
          yield* store.write(tenant, [createWrite("organization", org)], auditContext())
          expect(yield* store.get("organization", tenant, org.id)).toEqual({ ...org, version: 1 })
        })
      )
    )
  })
}
