import { describe, expect } from "@effect/vitest"
import { type Member, MemberStage, MemberStatus } from "@zhibu/core"
import { memberKind, type RecordFilter, Store } from "@zhibu/core/store"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { auditContext, createWrite, freshTenant, makeMember, updateWrite, withoutVersion } from "../fixtures.js"
import { checkProperty, type StoreIt } from "../harness.js"
import { aggregateModel, type Group } from "../model.js"

/** Organization ids that differ only in case or punctuation, so collation and pattern mistakes show. */
const ORGS = ["org-A", "org-a", "org-B", "Org-b", "org-a_b", "org-aXb"] as const
/** Birth dates close together and far apart, for ranges. */
const DATES = ["1989-01-01", "1990-05-04", "1990-05-14", "2001-12-31"] as const
const MEMBER_FIELDS = ["organizationId", "stage", "status", "birthDate"] as const

interface Shape {
  readonly organizationId: string
  readonly stage: Member["stage"]
  readonly status: Member["status"]
  readonly birthDate: string
}

const shape: fc.Arbitrary<Shape> = fc.record({
  organizationId: fc.constantFrom(...ORGS),
  stage: fc.constantFrom(...MemberStage.literals),
  status: fc.constantFrom(...MemberStatus.literals),
  birthDate: fc.constantFrom(...DATES)
})

/**
 * A condition on a key field in every shape the port allows: a value, a list (possibly empty, with
 * a value no record has), null (these fields are never null) or a value no key can be.
 */
const keyCondition = (values: ReadonlyArray<string>) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.subarray([...values, "org-none"]),
    fc.constant(null),
    fc.constantFrom("org a", "", "ORG-A")
  )

/** A condition on a date field: a value, a list, or a range open at either end (possibly empty). */
const dateCondition = fc.oneof(
  fc.constantFrom(...DATES),
  fc.subarray([...DATES]),
  fc.record({ gte: fc.constantFrom(...DATES, "1990-05"), lte: fc.constantFrom(...DATES, "1990-05-04") }, { requiredKeys: [] })
)

/** A member filter with each field present or absent, in every condition shape. */
const memberFilter: fc.Arbitrary<RecordFilter<typeof memberKind>> = fc
  .record(
    {
      organizationId: keyCondition(ORGS),
      stage: keyCondition(MemberStage.literals),
      status: keyCondition(MemberStatus.literals),
      birthDate: dateCondition
    },
    { requiredKeys: [] }
  )
  .map((f) => f as RecordFilter<typeof memberKind>)

/** The simpler model: `list` with the same filter, grouped by a linear search, then sorted. */
const groupedList = (tenant: string, groupBy: ReadonlyArray<string>, filter: RecordFilter<typeof memberKind> | undefined) =>
  Effect.map(
    Effect.flatMap(Store, (store) => store.list(memberKind, tenant, filter)),
    (members) => aggregateModel(memberKind, members, { groupBy })
  )

const writeMembers = (tenant: string, shapes: ReadonlyArray<Shape>) =>
  Effect.flatMap(Store, (store) =>
    shapes.length === 0 ? Effect.succeed([]) : store.write(tenant, shapes.map((s) => createWrite("member", makeMember(tenant, { ...s }))), auditContext())
  )

/** A one-line picture of each row, for readable failures: `org-A/full=2`. */
const pictures = (rows: ReadonlyArray<Group>, groupBy: ReadonlyArray<string>) =>
  rows.map((r) => `${groupBy.map((f) => String(r.group[f])).join("/")}=${r.count}${Object.keys(r.sums).length === 0 ? "" : ` ${JSON.stringify(r.sums)}`}`)

/** “`aggregate` … one row per group with at least one record … exactly what `list` with the same filter returns, grouped”. */
export const aggregatesContract = (it: StoreIt) => {
  describe("aggregate: “one row per group with at least one record, ordered by `compareAggregateRows`; exactly what `list` with the same filter returns, grouped”", () => {
    it.effect("law: for any members, any filter and any grouping, the rows are the grouped `list` with that filter, in order", () =>
      checkProperty(
        fc.record({
          shapes: fc.array(shape, { maxLength: 30 }),
          queries: fc.array(fc.record({ groupBy: fc.shuffledSubarray([...MEMBER_FIELDS]), filter: memberFilter }), { minLength: 1, maxLength: 3 })
        }),
        ({ shapes, queries }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            yield* writeMembers(tenant, shapes)
            const all = yield* store.aggregate(memberKind, tenant, { groupBy: ["organizationId", "stage", "status"] })
            expect(all).toEqual(yield* groupedList(tenant, ["organizationId", "stage", "status"], undefined))
            expect(all.reduce((n, c) => n + c.count, 0)).toBe(shapes.length)
            for (const { groupBy, filter } of queries) {
              const rows = yield* store.aggregate(memberKind, tenant, { groupBy, filter })
              expect(rows).toEqual(yield* groupedList(tenant, groupBy, filter))
              // …and the model over what was written, which does not trust `list` either.
              expect(rows).toEqual(aggregateModel(memberKind, shapes, { groupBy, filter }))
            }
          })
      )
    )

    it.effect("organizations differing in case or by `_` are counted apart and ordered by code unit", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const active = { stage: "full", status: "active", birthDate: "1990-05-04" } as const
        yield* writeMembers(tenant, [...ORGS].reverse().map((organizationId) => ({ organizationId, ...active })))
        const rows = yield* store.aggregate(memberKind, tenant, { groupBy: ["organizationId"] })
        expect(rows.map((c) => [c.group.organizationId, c.count])).toEqual(
          ["Org-b", "org-A", "org-B", "org-a", "org-aXb", "org-a_b"].map((id) => [id, 1])
        )
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: ["organizationId", "stage"], filter: { organizationId: ["org-a_b"] } })).toEqual([
          { group: { organizationId: "org-a_b", stage: "full" }, count: 1, sums: {} }
        ])
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: [], filter: { organizationId: "ORG-A" } })).toEqual([])
      })
    )

    it.effect("an update that moves a member to another stage, status or organization moves its count", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const [written] = yield* writeMembers(tenant, [{ organizationId: "org-A", stage: "activist", status: "active", birthDate: "1990-05-04" }])
        const before = withoutVersion(written as Member)
        yield* store.write(
          tenant,
          [updateWrite("member", { ...before, organizationId: "org-B", stage: "candidate", status: "transferredOut" }, 1)],
          auditContext()
        )
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: ["organizationId", "stage", "status"] })).toEqual([
          { group: { organizationId: "org-B", stage: "candidate", status: "transferredOut" }, count: 1, sums: {} }
        ])
      })
    )

    it.effect("no groupBy: one row of every matching record, or no row at all when none matches (never a row of 0)", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: [] })).toEqual([])
        yield* writeMembers(tenant, [
          { organizationId: "org-A", stage: "full", status: "active", birthDate: "1990-05-04" },
          { organizationId: "org-B", stage: "full", status: "active", birthDate: "1990-05-04" }
        ])
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: [] })).toEqual([{ group: {}, count: 2, sums: {} }])
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: [], filter: { stage: "applicant" } })).toEqual([])
        expect(yield* store.aggregate(memberKind, tenant, { groupBy: ["stage"], filter: { organizationId: [] } })).toEqual([])
      })
    )
  })

  describe("aggregate and list: “every given field must match its condition”: a value, null, a list (empty: nothing), a range", () => {
    it.effect("each field narrows, fields combine; an empty list, null on a field never null, or a value no key can be counts nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* writeMembers(tenant, [
          { organizationId: "org-A", stage: "full", status: "active", birthDate: "1989-01-01" },
          { organizationId: "org-A", stage: "full", status: "active", birthDate: "1990-05-04" },
          { organizationId: "org-A", stage: "full", status: "deceased", birthDate: "1990-05-14" },
          { organizationId: "org-B", stage: "applicant", status: "active", birthDate: "2001-12-31" },
          { organizationId: "org-B", stage: "applicant", status: "closed", birthDate: "2001-12-31" }
        ])
        const groupBy = ["organizationId", "stage", "status"] as const
        const count = (filter: RecordFilter<typeof memberKind>) =>
          Effect.map(store.aggregate(memberKind, tenant, { groupBy, filter }), (rows) => pictures(rows as never, groupBy))
        expect(yield* count({})).toEqual(["org-A/full/active=2", "org-A/full/deceased=1", "org-B/applicant/active=1", "org-B/applicant/closed=1"])
        expect(yield* count({ status: "active" })).toEqual(["org-A/full/active=2", "org-B/applicant/active=1"])
        expect(yield* count({ stage: ["applicant"] })).toEqual(["org-B/applicant/active=1", "org-B/applicant/closed=1"])
        expect(yield* count({ organizationId: ["org-B"], status: "closed" })).toEqual(["org-B/applicant/closed=1"])
        expect(yield* count({ organizationId: ["org-A", "org-none"], stage: "full", status: "deceased" })).toEqual(["org-A/full/deceased=1"])
        expect(yield* count({ birthDate: { gte: "1990-05-04", lte: "1990-05-14" } })).toEqual(["org-A/full/active=1", "org-A/full/deceased=1"])
        expect(yield* count({ birthDate: { gte: "1990-05-05" } })).toEqual(["org-A/full/deceased=1", "org-B/applicant/active=1", "org-B/applicant/closed=1"])
        expect(yield* count({ birthDate: { lte: "1990-05-04" } })).toEqual(["org-A/full/active=2"])
        expect(yield* count({ birthDate: { gte: "1990-05-14", lte: "1990-05-04" } })).toEqual([])
        expect(yield* count({ birthDate: ["2001-12-31", "1989-01-01"] })).toEqual(["org-A/full/active=1", "org-B/applicant/active=1", "org-B/applicant/closed=1"])
        expect(yield* count({ organizationId: [] })).toEqual([])
        expect(yield* count({ organizationId: ["org-none"] })).toEqual([])
        expect(yield* count({ organizationId: null as never })).toEqual([])
        expect(yield* count({ organizationId: "org A" })).toEqual([])
        expect(yield* count({ organizationId: ["org-A ", "org-a"] })).toEqual([])
        expect(yield* count({ stage: "probationary" })).toEqual([])
        expect(yield* count({ birthDate: "1990-05-04 " })).toEqual([])
        expect(yield* count({ birthDate: { gte: "1990-05-04 ", lte: "1990-05-04" } })).toEqual([])
      })
    )

    it.effect("grouping by a text field, summing a field that is not an int, or filtering by a field the kind lacks is a defect", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const dies = <A, E>(effect: Effect.Effect<A, E>) => Effect.map(Effect.exit(effect), (e) => e._tag === "Failure" && Cause.isDie(e.cause))
        expect(yield* dies(store.aggregate(memberKind, tenant, { groupBy: ["name" as never] }))).toBe(true)
        expect(yield* dies(store.aggregate(memberKind, tenant, { groupBy: [], sum: ["stage" as never] }))).toBe(true)
        expect(yield* dies(store.aggregate(memberKind, tenant, { groupBy: [], filter: { nickname: "x" } as never }))).toBe(true)
        expect(yield* dies(store.list(memberKind, tenant, { name: "张老师" } as never))).toBe(true)
        expect(yield* dies(store.list(memberKind, tenant, { stage: { gte: "a" } } as never))).toBe(true)
      })
    )
  })

  describe("aggregate and list: “one statement in SQL, however many organizations the filter names”", () => {
    it.effect("a filter naming 40,000 organization ids lists and counts exactly what the model does", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const inProvince = Array.from({ length: 40_000 }, (_, i) => `org-${i}`)
        // Members in branches named in the list, not named, and differing from a named one only in case.
        const shapes: Array<Shape> = [0, 1, 17, 39_999, 40_000, 123].flatMap((b, i) =>
          [0, 1, 2].map((m) => ({
            organizationId: b === 123 ? "ORG-123" : `org-${b}`,
            stage: MemberStage.literals[(i + m) % MemberStage.literals.length]!,
            status: m === 2 ? ("transferredOut" as const) : ("active" as const),
            birthDate: DATES[m]!
          }))
        )
        yield* writeMembers(tenant, shapes)
        for (const filter of [{ organizationId: inProvince }, { organizationId: inProvince, status: "active" as const }]) {
          const groupBy = ["organizationId", "stage", "status"] as const
          const rows = yield* store.aggregate(memberKind, tenant, { groupBy, filter })
          const expected = aggregateModel(memberKind, shapes, { groupBy, filter })
          expect(pictures(rows as never, groupBy)).toEqual(pictures(expected, groupBy))
          expect(rows).toEqual(expected)
          const listed = yield* store.list(memberKind, tenant, filter)
          expect(listed.map((m) => m.organizationId).sort()).toEqual(
            shapes.filter((s) => inProvince.includes(s.organizationId) && (!("status" in filter) || s.status === "active")).map((s) => s.organizationId).sort()
          )
        }
        // Dates travel the same way: a list of 400 days.
        const days = Array.from({ length: 400 }, (_, i) => `1990-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`)
        const byDay = yield* store.aggregate(memberKind, tenant, { groupBy: ["birthDate"], filter: { birthDate: days } })
        expect(byDay).toEqual(aggregateModel(memberKind, shapes, { groupBy: ["birthDate"], filter: { birthDate: days } }))
      })
    )
  })

  describe("aggregate: “A record written under one tenant is never returned, counted or changed through another tenant”", () => {
    it.effect("law: tenant B never counts A's members, even with the same ids and organizations", () =>
      checkProperty(fc.array(shape, { minLength: 1, maxLength: 10 }), (shapes) =>
        Effect.gen(function* () {
          const store = yield* Store
          const [a, b] = [freshTenant(), freshTenant()]
          const groupBy = ["organizationId", "stage", "status"] as const
          const written = yield* writeMembers(a, shapes)
          expect(yield* store.aggregate(memberKind, b, { groupBy })).toEqual([])
          expect(yield* store.aggregate(memberKind, b, { groupBy, filter: { organizationId: [...ORGS] } })).toEqual([])
          // B writes the same ids under the same organizations, all as applicants: A's counts stay.
          const before = yield* store.aggregate(memberKind, a, { groupBy })
          yield* store.write(
            b,
            written.map((m) => createWrite("member", { ...withoutVersion(m as Member), tenantId: b, stage: "applicant", status: "active" })),
            auditContext()
          )
          expect(yield* store.aggregate(memberKind, a, { groupBy })).toEqual(before)
          const inB = yield* store.aggregate(memberKind, b, { groupBy })
          expect(inB.every((c) => c.group.stage === "applicant" && c.group.status === "active")).toBe(true)
          expect(inB.reduce((n, c) => n + c.count, 0)).toBe(shapes.length)
        })
      )
    )
  })
}
