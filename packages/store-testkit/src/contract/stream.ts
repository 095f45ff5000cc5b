import { describe, expect } from "@effect/vitest"
import { memberKind, organizationKind, type RecordFilter, Store, streamRecords } from "@zhibu/core/store"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as fc from "fast-check"
import { recordIdArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization } from "../fixtures.js"
import { checkProperty, type StoreIt } from "../harness.js"

const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) => Effect.map(Stream.runCollect(stream), Chunk.toReadonlyArray)

const PAGE_SIZES = [1, 2, 7, 500] as const

/** Members with ids the Schema allows, in two organizations and two stages, for filtered streams. */
const roster = fc.uniqueArray(
  fc.record({ id: recordIdArbitrary, inA: fc.boolean(), full: fc.boolean() }),
  { maxLength: 24, selector: (m) => m.id }
)

const filters: ReadonlyArray<RecordFilter<typeof memberKind> | undefined> = [
  undefined,
  { organizationId: ["org-A"] },
  { stage: "full" },
  { organizationId: ["org-B"], stage: "applicant" }
]

/**
 * `streamRecords` (core) over this adapter: it walks `list` with `afterId` and `limit`, so these
 * laws hold exactly when the adapter's keyset paging does.
 */
export const streamContract = (it: StoreIt) => {
  describe("streamRecords: “every record of `kind` in the tenant matching `filter`, in `list`'s order, one page at a time”", () => {
    it.effect("law: for page sizes 1, 2, 7 and 500, the stream yields exactly `list`'s records, in order", () =>
      checkProperty(
        fc.record({
          members: roster,
          pageSize: fc.constantFrom(...PAGE_SIZES),
          filter: fc.constantFrom(...filters)
        }),
        ({ members, pageSize, filter }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            if (members.length > 0) {
              const drafts = members.map((m) =>
                makeMember(tenant, { id: m.id, organizationId: m.inA ? "org-A" : "org-B", stage: m.full ? "full" : "applicant" })
              )
              yield* store.write(tenant, drafts.map((d) => createWrite("member", d)), auditContext())
            }
            const streamed = yield* collect(streamRecords(memberKind, tenant, filter, { pageSize }))
            expect(streamed).toEqual(yield* store.list(memberKind, tenant, filter))
          })
      )
    )

    it.effect("a page size that divides the records exactly still ends, and the default page size streams everything", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const ids = Array.from({ length: 14 }, (_, i) => `org-${String(i).padStart(2, "0")}`)
        yield* store.write(tenant, ids.map((id) => createWrite("organization", makeOrganization(tenant, { id }))), auditContext())
        expect((yield* collect(streamRecords(organizationKind, tenant, {}, { pageSize: 7 }))).map((o) => o.id)).toEqual(ids)
        expect((yield* collect(streamRecords(organizationKind, tenant))).map((o) => o.id)).toEqual(ids)
      })
    )
  })

  describe("streamRecords: “Every call is scoped by `tenantId`”", () => {
    it.effect("a tenant never streams another tenant's records, even with the same ids; an empty tenant streams nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [a, b, empty] = [freshTenant(), freshTenant(), freshTenant()]
        const ids = ["m-1", "m-2", "m-3"]
        yield* store.write(a, ids.map((id) => createWrite("member", makeMember(a, { id, name: "甲" }))), auditContext())
        yield* store.write(b, [createWrite("member", makeMember(b, { id: "m-2", name: "乙" }))], auditContext())
        const inB = yield* collect(streamRecords(memberKind, b, undefined, { pageSize: 1 }))
        expect(inB.map((m) => [m.tenantId, m.id, m.name])).toEqual([[b, "m-2", "乙"]])
        for (const pageSize of PAGE_SIZES) {
          expect(yield* collect(streamRecords(memberKind, empty, undefined, { pageSize }))).toEqual([])
          expect(yield* collect(streamRecords(organizationKind, a, undefined, { pageSize }))).toEqual([])
        }
      })
    )
  })
}
