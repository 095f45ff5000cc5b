import { describe, expect } from "@effect/vitest"
import { type EntityFilters, type Member, MemberStage, MemberStatus, Store } from "@zhibu/core"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { auditContext, createWrite, freshTenant, makeMember, updateWrite, withoutVersion } from "../fixtures.js"
import { checkProperty, type StoreIt } from "../harness.js"

/** Organization ids that differ only in case or punctuation, so collation and pattern mistakes show. */
const ORGS = ["org-A", "org-a", "org-B", "Org-b", "org-a_b", "org-aXb"] as const

type Shape = Pick<Member, "stage" | "status"> & { readonly organizationId: (typeof ORGS)[number] }

const shape: fc.Arbitrary<Shape> = fc.record({
  organizationId: fc.constantFrom(...ORGS),
  stage: fc.constantFrom(...MemberStage.literals),
  status: fc.constantFrom(...MemberStatus.literals)
})

/** A member filter with each field present or absent; `organizationIds` may be empty. */
const memberFilter: fc.Arbitrary<EntityFilters["member"]> = fc
  .record(
    {
      organizationIds: fc.subarray([...ORGS, "org-none"]),
      stage: fc.constantFrom(...MemberStage.literals),
      status: fc.constantFrom(...MemberStatus.literals)
    },
    { requiredKeys: [] }
  )
  .map((f) => f as EntityFilters["member"])

interface Group {
  readonly organizationId: string
  readonly stage: string
  readonly status: string
  count: number
}

const parts = (g: Omit<Group, "count">) => [g.organizationId, g.stage, g.status] as const

/** Tuples compared part by part, each in code-unit order. */
const byParts = (a: Group, b: Group): number => {
  const [pa, pb] = [parts(a), parts(b)]
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1
  return 0
}

/** The simpler model: `list` with the same filter, grouped by a linear search, then sorted. */
const groupedList = (tenant: string, filter: EntityFilters["member"] | undefined) =>
  Effect.map(
    Effect.flatMap(Store, (store) => store.list("member", tenant, filter)),
    (members) => {
      const groups: Array<Group> = []
      for (const m of members) {
        const found = groups.find((g) => parts(g).every((part, i) => part === parts(m)[i]))
        if (found === undefined) groups.push({ organizationId: m.organizationId, stage: m.stage, status: m.status, count: 1 })
        else found.count++
      }
      return groups.sort(byParts)
    }
  )

const writeMembers = (tenant: string, shapes: ReadonlyArray<Shape>) =>
  Effect.flatMap(Store, (store) =>
    shapes.length === 0
      ? Effect.succeed([])
      : store.write(tenant, shapes.map((s) => createWrite("member", makeMember(tenant, s))), auditContext())
  )

/** “countMembers … one row per group … counts equal what `list` with the same filter returns, grouped”. */
export const aggregatesContract = (it: StoreIt) => {
  describe("countMembers: “one row per group with at least one member, ordered by organizationId, stage, status; exactly what `list` with the same filter returns, grouped”", () => {
    it.effect("law: for any members and any filter, the counts are the grouped `list` with that filter, in order", () =>
      checkProperty(
        fc.record({ shapes: fc.array(shape, { maxLength: 30 }), filters: fc.array(memberFilter, { minLength: 1, maxLength: 3 }) }),
        ({ shapes, filters }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            yield* writeMembers(tenant, shapes)
            const all = yield* store.countMembers(tenant)
            expect(all).toEqual(yield* groupedList(tenant, undefined))
            expect(all.reduce((n, c) => n + c.count, 0)).toBe(shapes.length)
            for (const filter of filters) expect(yield* store.countMembers(tenant, filter)).toEqual(yield* groupedList(tenant, filter))
          })
      )
    )

    it.effect("organizations differing in case or by `_` are counted apart and ordered by code unit", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const active = { stage: "full", status: "active" } as const
        yield* writeMembers(tenant, [...ORGS].reverse().map((organizationId) => ({ organizationId, ...active })))
        expect((yield* store.countMembers(tenant)).map((c) => [c.organizationId, c.count])).toEqual(
          ["Org-b", "org-A", "org-B", "org-a", "org-aXb", "org-a_b"].map((id) => [id, 1])
        )
        expect(yield* store.countMembers(tenant, { organizationIds: ["org-a_b"] })).toEqual([
          { organizationId: "org-a_b", ...active, count: 1 }
        ])
      })
    )

    it.effect("an update that moves a member to another stage, status or organization moves its count", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const [written] = yield* writeMembers(tenant, [{ organizationId: "org-A", stage: "activist", status: "active" }])
        const before = withoutVersion(written as Member)
        yield* store.write(
          tenant,
          [updateWrite("member", { ...before, organizationId: "org-B", stage: "candidate", status: "transferredOut" }, 1)],
          auditContext()
        )
        expect(yield* store.countMembers(tenant)).toEqual([
          { organizationId: "org-B", stage: "candidate", status: "transferredOut", count: 1 }
        ])
      })
    )
  })

  describe("countMembers: “matching every given filter field … an empty `organizationIds` counts no member”", () => {
    it.effect("each field narrows, fields combine, an empty organizationIds or an unknown value counts nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* writeMembers(tenant, [
          { organizationId: "org-A", stage: "full", status: "active" },
          { organizationId: "org-A", stage: "full", status: "active" },
          { organizationId: "org-A", stage: "full", status: "deceased" },
          { organizationId: "org-B", stage: "applicant", status: "active" },
          { organizationId: "org-B", stage: "applicant", status: "closed" }
        ])
        const count = (filter: EntityFilters["member"]) =>
          Effect.map(store.countMembers(tenant, filter), (cs) => cs.map((c) => `${c.organizationId}/${c.stage}/${c.status}=${c.count}`))
        expect(yield* count({})).toEqual([
          "org-A/full/active=2",
          "org-A/full/deceased=1",
          "org-B/applicant/active=1",
          "org-B/applicant/closed=1"
        ])
        expect(yield* count({ status: "active" })).toEqual(["org-A/full/active=2", "org-B/applicant/active=1"])
        expect(yield* count({ stage: "applicant" })).toEqual(["org-B/applicant/active=1", "org-B/applicant/closed=1"])
        expect(yield* count({ organizationIds: ["org-B"], status: "closed" })).toEqual(["org-B/applicant/closed=1"])
        expect(yield* count({ organizationIds: ["org-A", "org-none"], stage: "full", status: "deceased" })).toEqual([
          "org-A/full/deceased=1"
        ])
        expect(yield* count({ organizationIds: [] })).toEqual([])
        expect(yield* count({ organizationIds: ["org-none"] })).toEqual([])
        expect(yield* count({ stage: "probationary" })).toEqual([])
      })
    )
  })

  describe("countMembers: “A record written under one tenant is never … counted … through another tenant”", () => {
    it.effect("law: tenant B never counts A's members, even with the same ids and organizations", () =>
      checkProperty(fc.array(shape, { minLength: 1, maxLength: 10 }), (shapes) =>
        Effect.gen(function* () {
          const store = yield* Store
          const [a, b] = [freshTenant(), freshTenant()]
          const written = yield* writeMembers(a, shapes)
          expect(yield* store.countMembers(b)).toEqual([])
          expect(yield* store.countMembers(b, { organizationIds: [...ORGS] })).toEqual([])
          // B writes the same ids under the same organizations, all as applicants: A's counts stay.
          const before = yield* store.countMembers(a)
          yield* store.write(
            b,
            written.map((m) =>
              createWrite("member", { ...withoutVersion(m as Member), tenantId: b, stage: "applicant", status: "active" })
            ),
            auditContext()
          )
          expect(yield* store.countMembers(a)).toEqual(before)
          const inB = yield* store.countMembers(b)
          expect(inB.every((c) => c.stage === "applicant" && c.status === "active")).toBe(true)
          expect(inB.reduce((n, c) => n + c.count, 0)).toBe(shapes.length)
        })
      )
    )
  })
}
