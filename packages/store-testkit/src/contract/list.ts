import { describe, expect } from "@effect/vitest"
import { type ListOptions, memberKind, organizationKind, type RecordFilter, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { recordIdArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization } from "../fixtures.js"
import { checkProperty, type StoreIt } from "../harness.js"

/** JavaScript's order of strings (UTF-16 code units); for the ASCII of ids, the same as byte order. */
const codeUnitOrder = (ids: ReadonlyArray<string>): Array<string> => [...ids].sort()

const createOrganizations = (tenant: string, ids: ReadonlyArray<string>) =>
  Effect.flatMap(Store, (store) =>
    store.write(tenant, ids.map((id) => createWrite("organization", makeOrganization(tenant, { id }))), auditContext())
  )

const idsOf = (records: ReadonlyArray<{ readonly id: string }>) => records.map((r) => r.id)

/** A tenant with an organization tree: two roots, three children of `o-committee`, a party group. */
const organizationTree = Effect.gen(function* () {
  const store = yield* Store
  const tenant = freshTenant()
  const orgs = [
    makeOrganization(tenant, { id: "o-committee", kind: "committee", parentId: null }),
    makeOrganization(tenant, { id: "o-root2", kind: "generalBranch", parentId: null }),
    makeOrganization(tenant, { id: "o-branch1", kind: "branch", parentId: "o-committee" }),
    makeOrganization(tenant, { id: "o-branch2", kind: "jointBranch", parentId: "o-committee" }),
    makeOrganization(tenant, { id: "o-branch3", kind: "branch", parentId: "o-committee" }),
    makeOrganization(tenant, { id: "o-group", kind: "partyGroup", parentId: "o-branch1" })
  ]
  yield* store.write(tenant, orgs.reverse().map((o) => createWrite("organization", o)), auditContext())
  return { store, tenant }
})

/** A tenant with members in organizations `org-A`, `org-B`, `org-a_b` and `org-aXb`. */
const memberRoster = Effect.gen(function* () {
  const store = yield* Store
  const tenant = freshTenant()
  const members = [
    makeMember(tenant, { id: "m-1", organizationId: "org-A", stage: "applicant", status: "active" }),
    makeMember(tenant, { id: "m-2", organizationId: "org-B", stage: "activist", status: "active" }),
    makeMember(tenant, { id: "m-3", organizationId: "org-A", stage: "full", status: "transferredOut" }),
    makeMember(tenant, { id: "m-4", organizationId: "org-a_b", stage: "full", status: "active" }),
    makeMember(tenant, { id: "m-5", organizationId: "org-aXb", stage: "probationary", status: "active" })
  ]
  yield* store.write(tenant, members.map((m) => createWrite("member", m)), auditContext())
  return { store, tenant }
})

/** `list`: order, filters and paging. */
export const listContract = (it: StoreIt) => {
  describe("list: “ordered by id ascending” — by code unit (byte) order, case-sensitive, never by a locale's collation", () => {
    it.effect("ids differing in case and punctuation list in code-unit order", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const ids = ["b", "B", "a", "A1", "a1", "a-1", "a.1", "a_1", "a:1", "0", "Z", "z", "a-10", "a-9"]
        yield* createOrganizations(tenant, ids)
        expect(idsOf(yield* store.list(organizationKind, tenant))).toEqual(codeUnitOrder(ids))
      })
    )

    it.effect("ids differing only in case are different records", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* createOrganizations(tenant, ["x-Ab", "x-aB"])
        expect((yield* store.get(organizationKind, tenant, "x-Ab")).id).toBe("x-Ab")
        expect((yield* store.get(organizationKind, tenant, "x-aB")).id).toBe("x-aB")
      })
    )

    it.effect("law: any set of ids the Schema allows lists in code-unit order", () =>
      checkProperty(fc.uniqueArray(recordIdArbitrary, { minLength: 1, maxLength: 8 }), (ids) =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          yield* createOrganizations(tenant, ids)
          expect(idsOf(yield* store.list(organizationKind, tenant))).toEqual(codeUnitOrder(ids))
        })
      )
    )
  })

  describe("list: “Records of the tenant matching every given filter field” (organization: parentId, kind)", () => {
    it.effect("parentId null lists the roots; a parentId lists its children; kind narrows; both must match", () =>
      Effect.gen(function* () {
        const { store, tenant } = yield* organizationTree
        const list = (filter: RecordFilter<typeof organizationKind>) =>
          Effect.map(store.list(organizationKind, tenant, filter), idsOf)
        expect(yield* list({ parentId: null })).toEqual(["o-committee", "o-root2"])
        expect(yield* list({ parentId: "o-committee" })).toEqual(["o-branch1", "o-branch2", "o-branch3"])
        expect(yield* list({ kind: "branch" })).toEqual(["o-branch1", "o-branch3"])
        expect(yield* list({ parentId: "o-committee", kind: "jointBranch" })).toEqual(["o-branch2"])
        expect(yield* list({ parentId: "o-branch1", kind: "branch" })).toEqual([])
        expect(yield* list({ parentId: "o-none" })).toEqual([])
        expect(yield* list({})).toHaveLength(6)
      })
    )
  })

  describe("list: “Records of the tenant matching every given filter field” (member: organizationIds, stage, status)", () => {
    it.effect("organizationIds, stage and status each narrow, and combine", () =>
      Effect.gen(function* () {
        const { store, tenant } = yield* memberRoster
        const list = (filter: RecordFilter<typeof memberKind>) =>
          Effect.map(store.list(memberKind, tenant, filter), idsOf)
        expect(yield* list({ organizationId: ["org-A"] })).toEqual(["m-1", "m-3"])
        expect(yield* list({ organizationId: ["org-B", "org-A"] })).toEqual(["m-1", "m-2", "m-3"])
        expect(yield* list({ stage: "full" })).toEqual(["m-3", "m-4"])
        expect(yield* list({ status: "active" })).toEqual(["m-1", "m-2", "m-4", "m-5"])
        expect(yield* list({ organizationId: ["org-A"], status: "active" })).toEqual(["m-1"])
        expect(yield* list({ organizationId: ["org-A", "org-a_b"], stage: "full", status: "active" })).toEqual(["m-4"])
      })
    )

    it.effect("an organization id with `_` matches only itself, never as a pattern", () =>
      Effect.gen(function* () {
        const { store, tenant } = yield* memberRoster
        expect(idsOf(yield* store.list(memberKind, tenant, { organizationId: ["org-a_b"] }))).toEqual(["m-4"])
      })
    )

    it.effect("an empty organizationIds matches no member (every given field must match)", () =>
      Effect.gen(function* () {
        const { store, tenant } = yield* memberRoster
        expect(yield* store.list(memberKind, tenant, { organizationId: [] })).toEqual([])
      })
    )
  })

  describe("ListOptions: “Return records whose id sorts after this one (for paging)” and “At most this many records”", () => {
    it.effect("afterId, limit and filters combine; afterId need not be an existing id; limit 0 returns nothing", () =>
      Effect.gen(function* () {
        const { store, tenant } = yield* memberRoster
        const page = (options: ListOptions, filter: RecordFilter<typeof memberKind> = {}) =>
          Effect.map(store.list(memberKind, tenant, filter, options), idsOf)
        expect(yield* page({ limit: 2 })).toEqual(["m-1", "m-2"])
        expect(yield* page({ afterId: "m-2" })).toEqual(["m-3", "m-4", "m-5"])
        expect(yield* page({ afterId: "m-15", limit: 2 })).toEqual(["m-2", "m-3"])
        expect(yield* page({ afterId: "m-5" })).toEqual([])
        expect(yield* page({ limit: 0 })).toEqual([])
        expect(yield* page({ afterId: "m-1", limit: 1 }, { organizationId: ["org-A"] })).toEqual(["m-3"])
      })
    )

    it.effect("law: walking pages with afterId and limit visits every record once, in order", () =>
      checkProperty(
        fc.record({
          ids: fc.uniqueArray(recordIdArbitrary, { minLength: 0, maxLength: 12 }),
          limit: fc.integer({ min: 1, max: 5 })
        }),
        ({ ids, limit }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            yield* createOrganizations(tenant, ids)
            const seen: Array<string> = []
            let afterId: string | undefined
            for (let pages = 0; pages <= ids.length; pages++) {
              const page = idsOf(
                yield* store.list(organizationKind, tenant, {}, afterId === undefined ? { limit } : { afterId, limit })
              )
              expect(page.length).toBeLessThanOrEqual(limit)
              seen.push(...page)
              if (page.length < limit) break
              afterId = page[page.length - 1]
            }
            expect(seen).toEqual(codeUnitOrder(ids))
          })
      )
    )
  })
}
