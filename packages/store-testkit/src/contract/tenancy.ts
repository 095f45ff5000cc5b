import { describe, expect } from "@effect/vitest"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { memberArbitrary, organizationArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, freshTenant, makeOrganization, updateWrite } from "../fixtures.js"
import { checkProperty, failureOf, type StoreIt, type SuiteEnv } from "../harness.js"

/** Records to write under a tenant; the body gives them fresh tenant ids on every run. */
const someRecords = fc.record({
  organizations: fc.uniqueArray(organizationArbitrary("t-a"), { minLength: 1, maxLength: 3, selector: (o) => o.id }),
  members: fc.uniqueArray(memberArbitrary("t-a"), { maxLength: 2, selector: (m) => m.id })
})

const inTenant = <A extends { readonly tenantId: string }>(tenantId: string, records: ReadonlyArray<A>): Array<A> =>
  records.map((r) => ({ ...r, tenantId }))

/** “Every call is scoped by `tenantId`. A record written under one tenant is never returned, counted or changed through another tenant.” */
export const tenancyContract = (it: StoreIt, env: SuiteEnv) => {
  describe("“Every call is scoped by `tenantId`. A record written under one tenant is never returned, counted or changed through another tenant.”", () => {
    it.effect("law: records written under tenant A are invisible to get, list and auditLog of tenant B", () =>
      checkProperty(someRecords, (generated) =>
        Effect.gen(function* () {
          const store = yield* Store
          const [a, b] = [freshTenant(), freshTenant()]
          const organizations = inTenant(a, generated.organizations)
          const members = inTenant(a, generated.members)
          yield* store.write(
            a,
            [...organizations.map((o) => createWrite("organization", o)), ...members.map((m) => createWrite("member", m))],
            auditContext()
          )
          expect(yield* env.view(b)).toEqual(env.empty)
          for (const o of organizations) expect((yield* failureOf(store.get(organizationKind, b, o.id)))._tag).toBe("ZhibuNotFound")
          for (const m of members) expect((yield* failureOf(store.get(memberKind, b, m.id)))._tag).toBe("ZhibuNotFound")
          expect(yield* store.list(organizationKind, a)).toHaveLength(organizations.length)
          expect(yield* store.auditLog(a)).toHaveLength(organizations.length + members.length)
        })
      )
    )

    it.effect("law: tenant B creating and updating a record with A's id leaves A's record as it was", () =>
      checkProperty(someRecords, (generated) =>
        Effect.gen(function* () {
          const store = yield* Store
          const [a, b] = [freshTenant(), freshTenant()]
          const organizations = inTenant(a, generated.organizations)
          yield* store.write(a, organizations.map((o) => createWrite("organization", o)), auditContext())
          const before = yield* env.view(a)
          for (const o of organizations) {
            const mine = { ...o, tenantId: b, name: "B 的支部" }
            // an update in B of an id that only A has finds nothing
            expect((yield* failureOf(store.write(b, [updateWrite("organization", mine, 1)], auditContext())))._tag).toBe(
              "ZhibuNotFound"
            )
            const [created] = yield* store.write(b, [createWrite("organization", mine)], auditContext())
            expect(created?.version).toBe(1)
            yield* store.write(b, [updateWrite("organization", { ...mine, name: "B 改名" }, 1)], auditContext())
          }
          expect(yield* env.view(a)).toEqual(before)
        })
      )
    )

    it.effect("tenants whose ids differ only in letter case are different tenants", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const lower = `t-case-${crypto.randomUUID()}`
        const upper = lower.toUpperCase()
        const org = makeOrganization(lower)
        yield* store.write(lower, [createWrite("organization", org)], auditContext())
        expect(yield* env.view(upper)).toEqual(env.empty)
        const [created] = yield* store.write(upper, [createWrite("organization", { ...org, tenantId: upper })], auditContext())
        expect(created?.version).toBe(1)
        expect((yield* store.auditLog(upper)).map((e) => e.seq)).toEqual([1])
      })
    )
  })
}
