import { describe, expect } from "@effect/vitest"
import { type Member, MemberStage, MemberStatus } from "@zhibu/core"
import { memberKind, type RecordFilter, Store } from "@zhibu/core/store"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { auditContext, createWrite, freshTenant, makeMember, updateWrite, withoutVersion } from "../fixtures.js"
import { checkProperty, type StoreIt, type SuiteEnv } from "../harness.js"
import { aggregateModel, compareGroups, type Group, groupValues } from "../model.js"
import { makeWidget, type Widget, widgetKind } from "../widget-kind.js"

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

const writeWidgets = (tenant: string, widgets: ReadonlyArray<Partial<Omit<Widget, "version">>>) =>
  Effect.flatMap(Store, (store) =>
    store.write(tenant, widgets.map((w, i) => createWrite(widgetKind, makeWidget(tenant, `w-${String(i).padStart(3, "0")}`, w))), auditContext())
  )

/** A one-line picture of each row, for readable failures: `org-A/full=2`. */
const pictures = (rows: ReadonlyArray<Group>, groupBy: ReadonlyArray<string>) =>
  rows.map((r) => `${groupBy.map((f) => String(r.group[f])).join("/")}=${r.count}${Object.keys(r.sums).length === 0 ? "" : ` ${JSON.stringify(r.sums)}`}`)

/** “`aggregate` … one row per group with at least one record … exactly what `list` with the same filter returns, grouped”. */
export const aggregatesContract = (it: StoreIt, env: SuiteEnv) => {
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

  // Sums need a kind with int fields; core's kinds have none yet, so these run where the store serves the testkit's widget.
  if (!env.serves(widgetKind.name)) return
  describe("aggregate: “with the `sum` fields added up” (the testkit's widget kind, which has int fields)", () => {
    it.effect("sums of int fields add up per group exactly, negative and near ±2^40 included", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const big = 2 ** 40
        const widgets = [
          { colour: "red", quantity: big, grams: big },
          { colour: "red", quantity: big, grams: 1 },
          { colour: "red", quantity: -big + 1, grams: 0 },
          { colour: "Red", quantity: -3, grams: 7 },
          { colour: "green", quantity: 0, grams: 0 }
        ] as const
        yield* writeWidgets(tenant, widgets)
        expect(yield* store.aggregate(widgetKind, tenant, { groupBy: ["colour"], sum: ["quantity", "grams"] })).toEqual([
          { group: { colour: "Red" }, count: 1, sums: { quantity: -3, grams: 7 } },
          { group: { colour: "green" }, count: 1, sums: { quantity: 0, grams: 0 } },
          { group: { colour: "red" }, count: 3, sums: { quantity: big + 1, grams: big + 1 } }
        ])
        expect(yield* store.aggregate(widgetKind, tenant, { groupBy: [], sum: ["quantity"] })).toEqual([
          { group: {}, count: 5, sums: { quantity: big - 2 } }
        ])
        expect(yield* store.aggregate(widgetKind, tenant, { groupBy: [], sum: ["grams"], filter: { colour: "blue" as never } })).toEqual([])
      })
    )

    it.effect("grouping by an int orders numerically (9, 10, 100, not as text); null is a group of its own, first", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* writeWidgets(tenant, [
          { quantity: 100, parentId: "null" },
          { quantity: 9, parentId: null },
          { quantity: 10, parentId: "org-a" },
          { quantity: -10, parentId: null },
          { quantity: 9, parentId: "org-A", retiredOn: "2026-02-28" }
        ])
        const byQuantity = yield* store.aggregate(widgetKind, tenant, { groupBy: ["quantity"], sum: ["quantity"] })
        expect(byQuantity.map((r) => [r.group.quantity, r.count, r.sums.quantity])).toEqual([
          [-10, 1, -10],
          [9, 2, 18],
          [10, 1, 10],
          [100, 1, 100]
        ])
        const byParent = yield* store.aggregate(widgetKind, tenant, { groupBy: ["parentId", "retiredOn"] })
        expect(byParent.map((r) => [r.group.parentId, r.group.retiredOn, r.count])).toEqual([
          [null, null, 2],
          ["null", null, 1],
          ["org-A", "2026-02-28", 1],
          ["org-a", null, 1]
        ])
        // Null is in no range and no list, and only `null` finds it.
        expect((yield* store.list(widgetKind, tenant, { parentId: null })).map((w) => w.quantity).sort()).toEqual([-10, 9])
        expect(yield* store.list(widgetKind, tenant, { retiredOn: {} })).toHaveLength(1)
        expect(yield* store.list(widgetKind, tenant, { retiredOn: { lte: "2999-12-31" } })).toHaveLength(1)
        expect(yield* store.aggregate(widgetKind, tenant, { groupBy: [], filter: { quantity: { gte: 9, lte: 10 } } })).toEqual([
          { group: {}, count: 3, sums: {} }
        ])
      })
    )

    it.effect("an int condition compares with the safe integers stored: 2.5 matches nothing, gte 1.5 is gte 2, ±Infinity bounds are open or empty", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* writeWidgets(tenant, [-(2 ** 40), -2, 1, 2, 3, 2 ** 40].map((quantity) => ({ quantity })))
        const quantities = (filter: RecordFilter<typeof widgetKind>) =>
          Effect.map(store.list(widgetKind, tenant, filter), (ws) => ws.map((w) => w.quantity).sort((a, b) => a - b))
        const all = [-(2 ** 40), -2, 1, 2, 3, 2 ** 40]
        const cases: ReadonlyArray<[RecordFilter<typeof widgetKind>, ReadonlyArray<number>]> = [
          [{ quantity: 2.5 }, []],
          [{ quantity: [2.5, 3, 2 ** 60, Number.NaN] }, [3]],
          [{ quantity: { gte: 1.5 } }, [2, 3, 2 ** 40]],
          [{ quantity: { gte: -2.5, lte: 2.9 } }, [-2, 1, 2]],
          [{ quantity: { lte: 1e300 } }, all],
          [{ quantity: { gte: Number.NEGATIVE_INFINITY } }, all],
          [{ quantity: { gte: -1e300, lte: Number.POSITIVE_INFINITY } }, all],
          [{ quantity: { gte: Number.POSITIVE_INFINITY } }, []],
          [{ quantity: { gte: 2 ** 60 } }, []],
          [{ quantity: { lte: -1e300 } }, []],
          [{ quantity: { gte: Number.NaN } }, []],
          [{ quantity: { gte: 2, lte: 1.5 } }, []]
        ]
        for (const [filter, expected] of cases) {
          expect({ filter, quantities: yield* quantities(filter) }).toEqual({ filter, quantities: expected })
          const [row] = yield* store.aggregate(widgetKind, tenant, { groupBy: [], filter, sum: ["quantity"] })
          expect(row?.count ?? 0).toBe(expected.length)
        }
      })
    )

    it.effect("a date condition names days: a value or a bound of another shape (\"2000-01\", a trailing space) matches nothing", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        yield* writeWidgets(tenant, ["1999-12-28", "2000-01-01", "2000-01-10", "2000-10-01"].map((madeOn) => ({ madeOn })))
        const days = (filter: RecordFilter<typeof widgetKind>) => Effect.map(store.list(widgetKind, tenant, filter), (ws) => ws.map((w) => w.madeOn).sort())
        expect(yield* days({ madeOn: { gte: "2000-01-01", lte: "2000-01-10" } })).toEqual(["2000-01-01", "2000-01-10"])
        expect(yield* days({ madeOn: "2000-01-01 " })).toEqual([])
        expect(yield* days({ madeOn: ["2000-01-01 ", "2000-01-10"] })).toEqual(["2000-01-10"])
        expect(yield* days({ madeOn: { gte: "2000-01" } })).toEqual([])
        expect(yield* days({ madeOn: { lte: "2000-01-01 " } })).toEqual([])
        expect(yield* days({ madeOn: { gte: "2000-01-01\t" } })).toEqual([])
      })
    )

    it.effect("int and date lists longer than any inline list (40,000 quantities, 300 days) filter as the model does", () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const widgets = [-5, 0, 7, 39_999, 40_000, 123_456].map((quantity, i) => ({
          quantity,
          colour: i % 2 === 0 ? ("red" as const) : ("Red" as const),
          madeOn: `2000-01-${String(i + 1).padStart(2, "0")}`
        }))
        const written = yield* writeWidgets(tenant, widgets)
        const quantities = Array.from({ length: 40_000 }, (_, i) => i - 20_000)
        const days = Array.from({ length: 300 }, (_, i) => `2000-01-${String((i % 3) + 2).padStart(2, "0")}`)
        for (const filter of [{ quantity: quantities }, { madeOn: days }, { quantity: quantities, madeOn: days }]) {
          const query = { groupBy: ["colour", "madeOn"] as const, filter, sum: ["quantity", "grams"] as const }
          const rows = yield* store.aggregate(widgetKind, tenant, query)
          expect(rows).toEqual(aggregateModel(widgetKind, written, query))
          expect((yield* store.list(widgetKind, tenant, filter)).map((w) => w.id)).toEqual(
            aggregateModel(widgetKind, written, { groupBy: [], filter }).length === 0
              ? []
              : written.filter((w) => aggregateModel(widgetKind, [w], { groupBy: [], filter }).length > 0).map((w) => w.id)
          )
        }
      })
    )

    it.effect("law: for any widgets, sums and counts per group equal the model's, with a filter on every field type", () =>
      checkProperty(
        fc.record({
          widgets: fc.array(
            fc.record({
              colour: fc.constantFrom("red", "Red", "green"),
              quantity: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
              grams: fc.nat({ max: 1000 }),
              madeOn: fc.constantFrom("2000-01-01", "2000-01-10", "2000-10-01"),
              parentId: fc.constantFrom(null, "org-a", "org-A")
            }),
            { maxLength: 20 }
          ),
          groupBy: fc.shuffledSubarray(["colour", "madeOn", "parentId", "quantity"] as const),
          filter: fc.record(
            {
              quantity: fc.oneof(fc.record({ gte: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) }), fc.record({ lte: fc.integer() })),
              madeOn: fc.record({ gte: fc.constantFrom("2000-01-01", "2000-01-02", "2000-01-10") }, { requiredKeys: [] }),
              parentId: fc.oneof(fc.constant(null), fc.constantFrom("org-a", "org-A"), fc.subarray(["org-a", "org-A", "org-B"]))
            },
            { requiredKeys: [] }
          )
        }),
        ({ widgets, groupBy, filter }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            const written = widgets.length === 0 ? [] : yield* writeWidgets(tenant, widgets)
            const query = { groupBy, filter: filter as RecordFilter<typeof widgetKind>, sum: ["quantity", "grams"] as const }
            const rows = yield* store.aggregate(widgetKind, tenant, query)
            expect(rows).toEqual(aggregateModel(widgetKind, written, query))
            expect([...rows].sort(compareGroups(groupBy))).toEqual(rows)
            expect(groupValues([], groupBy, [])).toEqual([])
          })
      )
    )
  })
}
