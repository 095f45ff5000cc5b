import { describe, expect } from "@effect/vitest"
import { Member, Organization } from "@zhibu/core"
import { organizationKind, Store } from "@zhibu/core/store"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization, updateWrite } from "../fixtures.js"
import type { StoreIt } from "../harness.js"

const encodeOrganization = Schema.encodeSync(Organization)
const encodeMember = Schema.encodeSync(Member)

/** 审计日志 — “one entry per written record: who, when, what, before and after.” */
export const auditContract = (it: StoreIt) => {
  describe("AuditContext.at: “an invalid one is a defect (the effect dies) and nothing is written”", () => {
    it.effect("write and importBatch with an invalid Date die and write nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const bad = auditContext({ at: new Date(Number.NaN) })
        const writes = [createWrite("organization", makeOrganization(tenant))]
        const written = yield* Effect.exit(store.write(tenant, writes, bad))
        const imported = yield* Effect.exit(store.importBatch(tenant, "b-1", writes, bad))
        expect([written, imported].map((e) => e._tag === "Failure" && Cause.isDie(e.cause))).toEqual([true, true])
        expect(yield* store.list(organizationKind, tenant)).toEqual([])
        expect(yield* store.auditLog(tenant)).toEqual([])
        const retried = yield* store.importBatch(tenant, "b-1", writes, auditContext())
        expect(retried.applied).toBe(true)
      })
    )
  })

  describe("AuditEntry: “one entry per written record: who, when, what, before and after.”", () => {
    it.effect("a batch of three writes adds three entries, in the order of the writes", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const org = makeOrganization(tenant)
        const member = makeMember(tenant, { organizationId: org.id })
        yield* store.write(
          tenant,
          [createWrite("organization", org), createWrite("member", member), updateWrite("organization", { ...org, name: "改" }, 1)],
          auditContext()
        )
        const log = yield* store.auditLog(tenant)
        expect(log.map((e) => [e.kind, e.recordId, e.version])).toEqual([
          ["organization", org.id, 1],
          ["member", member.id, 1],
          ["organization", org.id, 2]
        ])
        expect(log.every((e) => e.tenantId === tenant)).toBe(true)
      })
    )

    it.effect("actor, action and instant are kept exactly (to the millisecond)", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const contexts = [
          auditContext({ actorId: "p-secretary", action: "org.found", at: new Date("2026-01-05T01:02:03.004Z") }),
          auditContext({ actorId: "p-officer:2", action: "member.recordStep", at: new Date("2026-12-31T23:59:59.999Z") })
        ]
        const org = makeOrganization(tenant)
        yield* store.write(tenant, [createWrite("organization", org)], contexts[0]!)
        yield* store.write(tenant, [updateWrite("organization", org, 1)], contexts[1]!)
        const log = yield* store.auditLog(tenant)
        expect(log.map((e) => [e.actorId, e.action, e.at.toISOString()])).toEqual(
          contexts.map((c) => [c.actorId, c.action, c.at.toISOString()])
        )
        expect(log.every((e) => e.at instanceof Date)).toBe(true)
      })
    )

    it.effect("`before` is null on create and the encoded previous record on update; `after` is the encoded record written", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const member = makeMember(tenant)
        const [v1] = yield* store.write(tenant, [createWrite("member", member)], auditContext())
        const [v2] = yield* store.write(tenant, [updateWrite("member", { ...member, stage: "activist" }, 1)], auditContext())
        const [created, updated] = yield* store.auditLog(tenant)
        expect(created?.before).toBeNull()
        expect(created?.after).toEqual(encodeMember(v1 as Member))
        expect(updated?.before).toEqual(encodeMember(v1 as Member))
        expect(updated?.after).toEqual(encodeMember(v2 as Member))
        expect(updated?.version).toBe(2)
      })
    )
  })

  describe("AuditEntry.seq: “Increases with every entry written in the tenant (1, 2, 3, …); entries are listed in this order.”", () => {
    it.effect("two tenants writing in turn each count 1, 2, 3 on their own", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const [a, b] = [freshTenant(), freshTenant()]
        for (let i = 0; i < 3; i++) {
          for (const tenant of [a, b]) {
            yield* store.write(tenant, [createWrite("organization", makeOrganization(tenant))], auditContext())
          }
        }
        yield* store.write(a, [createWrite("member", makeMember(a)), createWrite("member", makeMember(a))], auditContext())
        expect((yield* store.auditLog(a)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
        expect((yield* store.auditLog(b)).map((e) => e.seq)).toEqual([1, 2, 3])
      })
    )
  })

  describe("auditLog: “Audit entries of the tenant in the order written, optionally for one record, after a seq.”", () => {
    /** A tenant with entries 1–5: org a (1, 3, 5) and org b (2, 4), b's id a LIKE pattern that also matches a. */
    const fiveEntries = Effect.gen(function* () {
      const store = yield* Store
      const tenant = freshTenant()
      const a = makeOrganization(tenant, { id: "org-aXb" })
      const b = makeOrganization(tenant, { id: "org-a_b" })
      yield* store.write(tenant, [createWrite("organization", a), createWrite("organization", b)], auditContext())
      yield* store.write(tenant, [updateWrite("organization", a, 1), updateWrite("organization", b, 1)], auditContext())
      yield* store.write(tenant, [updateWrite("organization", a, 2)], auditContext())
      return { store, tenant, a, b }
    })

    it.effect("recordId keeps only that record's entries (an `_` in the id matches only itself)", () =>
      Effect.gen(function* () {
        const { store, tenant, a, b } = yield* fiveEntries
        expect((yield* store.auditLog(tenant, { recordId: a.id })).map((e) => e.seq)).toEqual([1, 3, 5])
        expect((yield* store.auditLog(tenant, { recordId: b.id })).map((e) => e.seq)).toEqual([2, 4])
        expect(yield* store.auditLog(tenant, { recordId: "org-none" })).toEqual([])
      })
    )

    it.effect("afterSeq keeps entries with a greater seq; limit keeps the first ones; together they page", () =>
      Effect.gen(function* () {
        const { store, tenant, a } = yield* fiveEntries
        expect((yield* store.auditLog(tenant, { afterSeq: 2 })).map((e) => e.seq)).toEqual([3, 4, 5])
        expect((yield* store.auditLog(tenant, { afterSeq: 5 })).map((e) => e.seq)).toEqual([])
        expect((yield* store.auditLog(tenant, { limit: 2 })).map((e) => e.seq)).toEqual([1, 2])
        expect((yield* store.auditLog(tenant, { afterSeq: 1, limit: 2 })).map((e) => e.seq)).toEqual([2, 3])
        expect((yield* store.auditLog(tenant, { recordId: a.id, afterSeq: 1, limit: 1 })).map((e) => e.seq)).toEqual([3])
      })
    )

    it.effect("the entries of a write are the organization encoded by its Schema", () =>
      Effect.gen(function* () {
        const { store, tenant, a } = yield* fiveEntries
        const current = yield* store.get(organizationKind, tenant, a.id)
        const [last] = yield* store.auditLog(tenant, { afterSeq: 4 })
        expect(last?.after).toEqual(encodeOrganization(current))
      })
    )
  })
}
