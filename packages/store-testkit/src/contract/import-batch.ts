import { describe, expect } from "@effect/vitest"
import { organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { auditContext, createWrite, freshId, freshTenant, makeMember, makeOrganization, updateWrite } from "../fixtures.js"
import { failureOf, type StoreIt, type SuiteEnv } from "../harness.js"

/** “`importBatch`: like `write`, but idempotent by `batchId` (per tenant).” */
export const importBatchContract = (it: StoreIt, env: SuiteEnv) => {
  describe("importBatch: “the first call applies the batch atomically and remembers the id; a later call with the same id writes nothing and returns `applied: false` with the records as they are now.”", () => {
    it.effect("the first call applies the batch and returns `applied: true` with the records written", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        const member = makeMember(tenant, { organizationId: org.id })
        const result = yield* store.importBatch(
          tenant,
          freshId("batch"),
          [createWrite("organization", org), createWrite("member", member)],
          auditContext({ action: "import.roster" })
        )
        expect(result).toEqual({ applied: true, records: [{ ...org, version: 1 }, { ...member, version: 1 }] })
        expect((yield* store.auditLog(tenant)).map((e) => [e.recordId, e.action])).toEqual([
          [org.id, "import.roster"],
          [member.id, "import.roster"]
        ])
      })
    )

    it.effect("a replay writes nothing and returns `applied: false` with the records as they are now", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const batchId = freshId("batch")
        const org = makeOrganization(tenant)
        const member = makeMember(tenant)
        const writes = [createWrite("organization", org), createWrite("member", member)]
        yield* store.importBatch(tenant, batchId, writes, auditContext())
        yield* store.write(tenant, [updateWrite("member", { ...member, stage: "activist" }, 1)], auditContext())
        const before = yield* env.view(tenant)
        const replay = yield* store.importBatch(tenant, batchId, writes, auditContext())
        expect(replay).toEqual({
          applied: false,
          records: [
            { ...org, version: 1 },
            { ...member, stage: "activist", version: 2 }
          ]
        })
        expect(yield* env.view(tenant)).toEqual(before)
      })
    )

    it.effect("a replay with different writes still writes nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const batchId = freshId("batch")
        const org = makeOrganization(tenant)
        yield* store.importBatch(tenant, batchId, [createWrite("organization", org)], auditContext())
        const before = yield* env.view(tenant)
        const other = [createWrite("member", makeMember(tenant)), updateWrite("organization", { ...org, name: "改" }, 1)]
        const replay = yield* store.importBatch(tenant, batchId, other, auditContext())
        expect(replay.applied).toBe(false)
        expect(yield* env.view(tenant)).toEqual(before)
      })
    )

    it.effect("batch ids are per tenant: the same id in another tenant is a new batch", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [a, b] = [freshTenant(), freshTenant()]
        const batchId = freshId("batch")
        yield* store.importBatch(a, batchId, [createWrite("organization", makeOrganization(a))], auditContext())
        const inB = yield* store.importBatch(b, batchId, [createWrite("organization", makeOrganization(b))], auditContext())
        expect(inB.applied).toBe(true)
        expect(yield* store.list(organizationKind, b)).toHaveLength(1)
      })
    )
  })

  describe("importBatch: “A batch that failed left no trace and may be re-run.”", () => {
    it.effect("a batch whose last write conflicts leaves nothing; run again with the conflict fixed, it applies", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const batchId = freshId("batch")
        const existing = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", existing)], auditContext())
        const before = yield* env.view(tenant)
        const member = makeMember(tenant)
        const error = yield* failureOf(
          store.importBatch(
            tenant,
            batchId,
            [createWrite("member", member), createWrite("organization", existing)],
            auditContext()
          )
        )
        expect(error._tag).toBe("ZhibuConflict")
        expect(yield* env.view(tenant)).toEqual(before)
        const rerun = yield* store.importBatch(tenant, batchId, [createWrite("member", member)], auditContext())
        expect(rerun).toEqual({ applied: true, records: [{ ...member, version: 1 }] })
        expect((yield* store.importBatch(tenant, batchId, [createWrite("member", member)], auditContext())).applied).toBe(
          false
        )
      })
    )
  })
}
