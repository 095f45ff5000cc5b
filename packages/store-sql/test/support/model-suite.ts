import { afterAll, beforeAll, describe, it } from "@effect/vitest"
import type { AnyRecordKind, AuditContext, StoredRecord, StoreShape, Write } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import {
  createWrite,
  type Draft,
  fieldsOf,
  type FilterSpecs,
  filterableValues,
  filterSpecs,
  recordArbitrary,
  resolveFilter,
  updateWrite
} from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { expect } from "vitest"
import { makeSqlStore } from "../../src/sql-store.js"
import { kinds } from "./kinds.js"
import { freshTenant, type Opened, type Target } from "./targets.js"

/** Ids that differ only in case or punctuation, so collation and padding mistakes show. */
const IDS = ["a", "A", "a-1", "a_1"] as const
/** Records of each kind a run draws from its Schema; writes pick among them. */
const POOL = 4

interface WriteSpec {
  /** `unknown`: a kind no store serves; `foreign`: a record of the other tenant. */
  readonly action: "create" | "update" | "stale" | "foreign" | "unknown"
  readonly kind: number
  readonly id: number
  readonly variant: number
}

type Command =
  | { readonly op: "write"; readonly tenant: number; readonly writes: ReadonlyArray<WriteSpec> }
  | { readonly op: "import"; readonly tenant: number; readonly batch: number; readonly writes: ReadonlyArray<WriteSpec> }
  | { readonly op: "get"; readonly tenant: number; readonly kind: number; readonly id: number }
  | {
      readonly op: "list"
      readonly tenant: number
      readonly kind: number
      readonly filter: FilterSpecs | null
      readonly afterId: number | null
      readonly limit: number | null
    }
  | { readonly op: "aggregate"; readonly tenant: number; readonly kind: number; readonly groupBy: ReadonlyArray<number>; readonly filter: FilterSpecs }
  | { readonly op: "audit"; readonly tenant: number; readonly recordId: number | null; readonly afterSeq: number | null; readonly limit: number | null }

const index = (n: number) => fc.integer({ min: 0, max: n - 1 })
const kind = index(kinds.length)
// Mostly writes that succeed, so that records pile up; stale, foreign and unknown writes now and then.
const action = fc.oneof(
  { weight: 8, arbitrary: fc.constant("create" as const) },
  { weight: 8, arbitrary: fc.constant("update" as const) },
  { weight: 2, arbitrary: fc.constant("stale" as const) },
  { weight: 1, arbitrary: fc.constant("foreign" as const) },
  { weight: 1, arbitrary: fc.constant("unknown" as const) }
)
const writeSpec: fc.Arbitrary<WriteSpec> = fc.record({ action, kind, id: index(IDS.length), variant: index(POOL) })
const writes = fc.oneof(
  { weight: 3, arbitrary: fc.array(writeSpec, { minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.array(writeSpec, { minLength: 2, maxLength: 4 }) }
)
const tenant = index(2)
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("write" as const), tenant, writes }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("import" as const), tenant, batch: index(2), writes }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("get" as const), tenant, kind, id: index(IDS.length) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("list" as const),
      tenant,
      kind,
      filter: fc.option(filterSpecs, { freq: 4 }),
      afterId: fc.option(index(IDS.length), { freq: 2 }),
      limit: fc.option(index(4), { freq: 2 })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("aggregate" as const),
      tenant,
      kind,
      groupBy: fc.uniqueArray(fc.nat({ max: 15 }), { maxLength: 3 }),
      filter: filterSpecs
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("audit" as const),
      tenant,
      recordId: fc.option(index(IDS.length), { freq: 2 }),
      afterSeq: fc.option(index(8), { freq: 2 }),
      limit: fc.option(index(4), { freq: 2 })
    })
  }
)

/** Per kind, the records a run writes (drawn from the kind's Schema, ids and tenants set at write time). */
type Pools = ReadonlyArray<ReadonlyArray<Draft<StoredRecord>>>

const pools: fc.Arbitrary<Pools> = fc.tuple(
  ...kinds.map((k) => fc.array(recordArbitrary(k) as fc.Arbitrary<Draft<StoredRecord>>, { minLength: POOL, maxLength: POOL }))
)

/** The filter a list or aggregate command means, resolved against the values the kind's pool holds. */
const filterOf = (pools: Pools, k: number, specs: FilterSpecs) =>
  resolveFilter(kinds[k]!, pools[k]!.map((r) => filterableValues(kinds[k]!, r)), specs)

/** The grouping of an aggregate command: picks among the kind's filterable fields (none: one group of all). */
const groupByOf = (kind: AnyRecordKind, picks: ReadonlyArray<number>): ReadonlyArray<string> => {
  const names = fieldsOf(kind, "key", "date", "int")
  return names.length === 0 ? [] : [...new Set(picks.map((p) => names[p % names.length]!))]
}

/** What a caller can observe of a result: the value, or the error's tag and identifying fields. */
const observe = <A>(result: Either.Either<A, unknown>): unknown => {
  if (Either.isRight(result)) return { ok: result.right }
  const e = result.left as Record<string, unknown>
  const keys = ["_tag", "kind", "id", "tenantId", "expectedVersion", "actualVersion"]
  return { error: Object.fromEntries(keys.filter((k) => k in e).map((k) => [k, e[k]])) }
}

const nonsense = { name: "nonsense" }

/** Turns specs into writes, versions taken from the model as the caller would have read them. */
const toWrites = async (model: StoreShape, pools: Pools, tenants: ReadonlyArray<string>, t: number, specs: ReadonlyArray<WriteSpec>) => {
  const seen = new Map<string, number>()
  const out: Array<Write> = []
  for (const s of specs) {
    const k = kinds[s.kind]!
    let id: string = IDS[s.id]!
    // An update mostly aims at a record that exists, so that sequences build up state.
    if (s.action === "update" && !seen.has(`${k.name}/${id}`)) {
      const existing = await Effect.runPromise(model.list(k, tenants[t]!))
      if (existing.length > 0 && Either.isLeft(await Effect.runPromise(Effect.either(model.get(k, tenants[t]!, id)))))
        id = existing[s.variant % existing.length]!.id
    }
    const key = `${k.name}/${id}`
    if (!seen.has(key)) {
      const got = await Effect.runPromise(Effect.either(model.get(k, tenants[t]!, id)))
      seen.set(key, Either.isRight(got) ? got.right.version : 0)
    }
    const version = seen.get(key)!
    const owner = s.action === "foreign" ? tenants[1 - t]! : tenants[t]!
    const r = { ...pools[s.kind]![s.variant]!, tenantId: owner, id }
    if (s.action === "unknown") out.push(createWrite(nonsense, r))
    else if (s.action === "create" || s.action === "foreign") {
      out.push(createWrite(k, r))
      if (version === 0 && s.action === "create") seen.set(key, 1)
    } else if (s.action === "update") {
      out.push(updateWrite(k, r, Math.max(version, 1)))
      if (version > 0) seen.set(key, version + 1)
    } else out.push(updateWrite(k, r, version - 1 - (s.variant % 2)))
  }
  return out
}

/** Runs one command on a store and returns what the caller observes. */
const perform = async (
  store: StoreShape,
  pools: Pools,
  tenants: ReadonlyArray<string>,
  c: Command,
  w: ReadonlyArray<Write>,
  audit: AuditContext
): Promise<unknown> => {
  const tenantId = tenants[c.tenant]!
  const either = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(Effect.either(e)).then(observe)
  switch (c.op) {
    case "write":
      return either(store.write(tenantId, w, audit))
    case "import":
      return either(store.importBatch(tenantId, `批次 ${c.batch}`, w, audit))
    case "get":
      return either(store.get(kinds[c.kind]!, tenantId, IDS[c.id]!))
    case "list":
      return either(
        store.list(kinds[c.kind]!, tenantId, c.filter === null ? undefined : (filterOf(pools, c.kind, c.filter) as never), {
          ...(c.afterId === null ? {} : { afterId: IDS[c.afterId]! }),
          ...(c.limit === null ? {} : { limit: c.limit })
        })
      )
    case "aggregate": {
      const k = kinds[c.kind]!
      const query = { groupBy: groupByOf(k, c.groupBy), filter: filterOf(pools, c.kind, c.filter), sum: fieldsOf(k, "int") }
      return either(store.aggregate(k, tenantId, query as never))
    }
    case "audit":
      return either(
        store.auditLog(tenantId, {
          ...(c.recordId === null ? {} : { recordId: IDS[c.recordId]! }),
          ...(c.afterSeq === null ? {} : { afterSeq: c.afterSeq }),
          ...(c.limit === null ? {} : { limit: c.limit })
        })
      )
  }
}

/** Everything the tenants hold, as the port shows it: every kind's records and groups, and the audit log. */
const everything = (store: StoreShape, tenants: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.forEach(tenants, (t) =>
      Effect.all({
        records: Effect.forEach(kinds, (k) => store.list(k, t)),
        groups: Effect.forEach(kinds, (k) =>
          store.aggregate(k, t, { groupBy: fieldsOf(k, "key", "date", "int"), sum: fieldsOf(k, "int") } as never)
        ),
        audit: store.auditLog(t)
      })
    )
  )

/**
 * Model-based law: random command sequences over two tenants and every kind the stores serve
 * (core's and the testkit's widget, records drawn from each kind's Schema) give the same
 * observable results on the SQL adapter as on `@zhibu/store-memory` — returned values or error
 * tags, `list` and `aggregate` with random filters included — step by step, and leave the same
 * records, groups and audit logs.
 */
export const modelSuite = (target: Target, numRuns: number) =>
  describe(`model: SQL on ${target.name} behaves as @zhibu/store-memory`, () => {
    let opened: Opened
    beforeAll(async () => {
      opened = await target.open()
    })
    afterAll(() => opened?.close())

    it("law: every command sequence gives the same results and the same final state", async () => {
      await fc.assert(
        fc.asyncProperty(pools, fc.array(command, { minLength: 10, maxLength: 40 }), async (pools, commands) => {
          const sqlStore = makeSqlStore(opened.db, target.dialect, kinds)
          const model = await Effect.runPromise(MemoryStore.make({ kinds }))
          const tenants = [freshTenant("model"), freshTenant("model")]
          for (const [i, c] of commands.entries()) {
            const audit = { actorId: `actor-${i % 3}`, action: `model.${c.op}`, at: new Date(Date.UTC(2026, 8, 1, 8, 0, i)) }
            const w = c.op === "write" || c.op === "import" ? await toWrites(model, pools, tenants, c.tenant, c.writes) : []
            const expected = await perform(model, pools, tenants, c, w, audit)
            const actual = await perform(sqlStore, pools, tenants, c, w, audit)
            expect({ step: i, command: c, result: actual }).toEqual({ step: i, command: c, result: expected })
          }
          expect(await everything(sqlStore, tenants)).toEqual(await everything(model, tenants))
        }),
        { numRuns }
      )
      // Bounded runs; the limit is generous so that a slow or busy machine never fails the law.
    }, 600_000)
  })
