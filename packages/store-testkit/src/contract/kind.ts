import { describe, expect } from "@effect/vitest"
import { type AnyRecordKind, Store, type StoredRecord } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { idArbitraryOf, recordArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, type Draft, freshTenant, updateWrite } from "../fixtures.js"
import { checkProperty, failureOf, type StoreIt } from "../harness.js"
import { filterSpecs, resolveFilter } from "../filter-spec.js"
import { aggregateModel, fieldsOf, filterableValues, matchesFilter } from "../model.js"

/**
 * Records of a kind for one run: a few drawn from the Schema, each written under several ids, so
 * that groups hold more than one record and sums add up more than one value.
 */
const recordsOf = (kind: AnyRecordKind, max: number) =>
  fc
    .record({
      pool: fc.array(recordArbitrary(kind), { minLength: 1, maxLength: 4 }),
      picks: fc.uniqueArray(fc.record({ id: idArbitraryOf(kind), from: fc.nat() }), { maxLength: max, selector: (p) => p.id })
    })
    .map(({ pool, picks }): Array<Draft<StoredRecord>> => picks.map((p) => ({ ...(pool[p.from % pool.length] as Draft<StoredRecord>), id: p.id })))


/** Ids of records, in `list`'s order (code units). */
const sortedIds = (records: ReadonlyArray<{ readonly id: string }>) => records.map((r) => r.id).sort()

/**
 * 记录种类 — the generic section of the suite, driven by a kind's descriptor alone: whatever kind
 * an application adds (a descriptor and a migration), these laws test it on every backend.
 */
export const kindContract = (it: StoreIt, kind: AnyRecordKind) => {
  const withTenant = (records: ReadonlyArray<Draft<StoredRecord>>, tenantId: string) => records.map((r) => ({ ...r, tenantId }))
  const encode = Schema.encodeSync(kind.schema as Schema.Schema<StoredRecord, unknown>)

  describe(`record kind "${kind.name}" (table ${kind.table}), from its descriptor alone`, () => {
    it.effect("law: any record drawn from its Schema reads back deep-equal from write, get and list, and its audit entry is its encoding", () =>
      checkProperty(recordsOf(kind, 4), (generated) =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const records = withTenant(generated, tenant)
          const written = records.length === 0 ? [] : yield* store.write(tenant, records.map((r) => createWrite(kind, r)), auditContext())
          const expected = records.map((r) => ({ ...r, version: 1 }))
          expect(written).toEqual(expected)
          for (const r of expected) expect(yield* store.get(kind, tenant, r.id)).toEqual(r)
          const listed = yield* store.list(kind, tenant)
          expect(listed.map((r) => r.id)).toEqual(sortedIds(expected))
          expect([...listed].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...expected].sort((a, b) => (a.id < b.id ? -1 : 1)))
          const log = yield* store.auditLog(tenant)
          expect(log.map((e) => [e.kind, e.recordId, e.after])).toEqual(expected.map((r) => [kind.name, r.id, encode(r)]))
        })
      )
    )

    it.effect("law: create gives version 1 and each update one more; a stale update is a Conflict; get returns the latest", () =>
      checkProperty(
        fc.record({ id: idArbitraryOf(kind), versions: fc.array(recordArbitrary(kind), { minLength: 1, maxLength: 4 }), stale: fc.nat() }),
        ({ id, versions, stale }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            const [first, ...rest] = versions.map((r) => ({ ...r, tenantId: tenant, id }))
            expect(yield* store.write(tenant, [createWrite(kind, first!)], auditContext())).toEqual([{ ...first, version: 1 }])
            expect((yield* failureOf(store.write(tenant, [createWrite(kind, first!)], auditContext())))).toMatchObject({
              _tag: "ZhibuConflict",
              expectedVersion: 0,
              actualVersion: 1
            })
            for (const [i, next] of rest.entries()) {
              const [updated] = yield* store.write(tenant, [updateWrite(kind, next, i + 1)], auditContext())
              expect(updated).toEqual({ ...next, version: i + 2 })
            }
            const latest = rest.at(-1) ?? first!
            const version = versions.length
            const conflict = yield* failureOf(store.write(tenant, [updateWrite(kind, first!, stale % version)], auditContext()))
            expect(conflict).toMatchObject({ _tag: "ZhibuConflict", kind: kind.name, id, actualVersion: version })
            expect(yield* store.get(kind, tenant, id)).toEqual({ ...latest, version })
            expect((yield* store.auditLog(tenant)).map((e) => e.version)).toEqual(versions.map((_, i) => i + 1))
          })
      )
    )

    it.effect("law: `list` with any filter on its filterable fields is every record whose projected values match, by id", () =>
      checkProperty(
        fc.record({ records: recordsOf(kind, 10), filters: fc.array(filterSpecs, { minLength: 1, maxLength: 4 }) }),
        ({ records: generated, filters }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            const records = withTenant(generated, tenant)
            if (records.length > 0) yield* store.write(tenant, records.map((r) => createWrite(kind, r)), auditContext())
            const values = records.map((r) => filterableValues(kind, r))
            for (const specs of filters) {
              const filter = resolveFilter(kind, values, specs)
              const listed = yield* store.list(kind, tenant, filter as never)
              const expected = records.filter((_, i) => matchesFilter(kind, values[i]!, filter))
              expect({ filter, ids: listed.map((r) => r.id) }).toEqual({ filter, ids: sortedIds(expected) })
            }
          })
      )
    )

    it.effect("law: `aggregate` by any of its filterable fields, summing every int field, is the listed records grouped", () =>
      checkProperty(
        fc.record({
          records: recordsOf(kind, 10),
          queries: fc.array(fc.record({ groupBy: fc.shuffledSubarray([...fieldsOf(kind, "key", "date", "int")]), filter: filterSpecs }), {
            minLength: 1,
            maxLength: 3
          })
        }),
        ({ records: generated, queries }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            const records = withTenant(generated, tenant)
            if (records.length > 0) yield* store.write(tenant, records.map((r) => createWrite(kind, r)), auditContext())
            const values = records.map((r) => filterableValues(kind, r))
            const sum = fieldsOf(kind, "int")
            for (const { groupBy, filter: specs } of queries) {
              const filter = resolveFilter(kind, values, specs)
              const query = { groupBy, filter, sum }
              const rows = yield* store.aggregate(kind, tenant, query as never)
              const listed = yield* store.list(kind, tenant, filter as never)
              expect({ query, rows }).toEqual({ query, rows: aggregateModel(kind, listed, query) })
              expect(rows.reduce((n, r) => n + r.count, 0)).toBe(listed.length)
            }
          })
      )
    )
  })
}
