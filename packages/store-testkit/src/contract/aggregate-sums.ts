import { describe, expect } from "@effect/vitest"
import { type RecordFilter, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { auditContext, createWrite, freshTenant } from "../fixtures.js"
import { checkProperty, type StoreIt, type SuiteEnv } from "../harness.js"
import { aggregateModel, compareGroups, groupValues } from "../model.js"
import { makeWidget, type Widget, widgetKind } from "../widget-kind.js"

const writeWidgets = (tenant: string, widgets: ReadonlyArray<Partial<Omit<Widget, "version">>>) =>
  Effect.flatMap(Store, (store) =>
    store.write(tenant, widgets.map((w, i) => createWrite(widgetKind, makeWidget(tenant, `w-${String(i).padStart(3, "0")}`, w))), auditContext())
  )

/**
 * `aggregate`'s sums and int conditions, on the testkit's widget kind (core's kinds have no int
 * fields yet): they run where the store serves the widget.
 */
export const aggregateSumsContract = (it: StoreIt, env: SuiteEnv) => {
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
