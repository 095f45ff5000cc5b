import { afterAll, beforeAll, describe, it } from "@effect/vitest"
import type { AuditContext, EntityKind, StoreShape, Write } from "@zhibu/core"
import { makeMemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { expect } from "vitest"
import { makeSqlStore } from "../../src/sql-store.js"
import { create, member, organization, update } from "./records.js"
import { freshTenant, type Opened, type Target } from "./targets.js"

/** Ids that differ only in case or punctuation, so collation and padding mistakes show. */
const IDS = ["a", "A", "a-1", "a_1"] as const
const NAMES = ["张三", "O'Brien 100% _", "C:\\党建\\", "𠀀𰀀 😀", "  前后 空格 "] as const
const STAGES = ["applicant", "activist", "full"] as const
const STATUSES = ["active", "transferredOut"] as const
const ORG_KINDS = ["branch", "committee"] as const

interface WriteSpec {
  readonly action: "create" | "update" | "stale" | "foreign"
  readonly kind: EntityKind
  readonly id: number
  readonly variant: number
}

type Command =
  | { readonly op: "write"; readonly tenant: number; readonly writes: ReadonlyArray<WriteSpec> }
  | { readonly op: "import"; readonly tenant: number; readonly batch: number; readonly writes: ReadonlyArray<WriteSpec> }
  | { readonly op: "get"; readonly tenant: number; readonly kind: EntityKind; readonly id: number }
  | {
      readonly op: "list"
      readonly tenant: number
      readonly kind: EntityKind
      readonly filter: number
      readonly afterId: number | null
      readonly limit: number | null
    }
  | { readonly op: "audit"; readonly tenant: number; readonly recordId: number | null; readonly afterSeq: number | null; readonly limit: number | null }
  | { readonly op: "count"; readonly tenant: number; readonly filter: number }

const kind = fc.constantFrom<EntityKind>("organization", "member")
const index = (n: number) => fc.integer({ min: 0, max: n - 1 })
// Mostly writes that succeed, so that records pile up; stale and foreign writes now and then.
const action = fc.oneof(
  { weight: 8, arbitrary: fc.constant("create" as const) },
  { weight: 8, arbitrary: fc.constant("update" as const) },
  { weight: 2, arbitrary: fc.constant("stale" as const) },
  { weight: 1, arbitrary: fc.constant("foreign" as const) }
)
const writeSpec: fc.Arbitrary<WriteSpec> = fc.record({ action, kind, id: index(IDS.length), variant: index(60) })
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
      filter: index(6),
      afterId: fc.option(index(IDS.length), { freq: 2 }),
      limit: fc.option(index(4), { freq: 2 })
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
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("count" as const), tenant, filter: index(6) }) }
)

/** A record of `kind` in `tenantId`, one of many variants of name, stage, status, parent. */
const record = (k: EntityKind, tenantId: string, id: string, v: number) =>
  k === "member"
    ? member(tenantId, id, {
        name: NAMES[v % NAMES.length]!,
        stage: STAGES[v % STAGES.length]!,
        status: STATUSES[Math.floor(v / 3) % STATUSES.length]!,
        organizationId: (v % 4 < 2 ? "a" : "A") as never
      })
    : organization(tenantId, id, {
        name: NAMES[v % NAMES.length]!,
        kind: ORG_KINDS[v % ORG_KINDS.length]!,
        parentId: (v % 3 === 0 ? null : IDS[v % IDS.length]) as never
      })

const filters = {
  organization: [undefined, {}, { parentId: null }, { parentId: "a" }, { kind: "committee" }, { parentId: "A", kind: "branch" }],
  member: [undefined, {}, { stage: "activist" }, { status: "active", stage: "full" }, { organizationIds: ["A"] }, { organizationIds: [] }]
} as const

/** What a caller can observe of a result: the value, or the error's tag and identifying fields. */
const observe = <A>(result: Either.Either<A, unknown>): unknown => {
  if (Either.isRight(result)) return { ok: result.right }
  const e = result.left as Record<string, unknown>
  const keys = ["_tag", "kind", "id", "tenantId", "expectedVersion", "actualVersion"]
  return { error: Object.fromEntries(keys.filter((k) => k in e).map((k) => [k, e[k]])) }
}

/** Turns specs into writes, versions taken from the model as the caller would have read them. */
const toWrites = async (model: StoreShape, tenants: ReadonlyArray<string>, t: number, specs: ReadonlyArray<WriteSpec>) => {
  const seen = new Map<string, number>()
  const out: Array<Write> = []
  for (const s of specs) {
    let id: string = IDS[s.id]!
    // An update mostly aims at a record that exists, so that sequences build up state.
    if (s.action === "update" && !seen.has(`${s.kind}/${id}`)) {
      const existing = await Effect.runPromise(model.list(s.kind, tenants[t]!))
      if (existing.length > 0 && Either.isLeft(await Effect.runPromise(Effect.either(model.get(s.kind, tenants[t]!, id)))))
        id = existing[s.variant % existing.length]!.id
    }
    const key = `${s.kind}/${id}`
    if (!seen.has(key)) {
      const got = await Effect.runPromise(Effect.either(model.get(s.kind, tenants[t]!, id)))
      seen.set(key, Either.isRight(got) ? got.right.version : 0)
    }
    const version = seen.get(key)!
    const owner = s.action === "foreign" ? tenants[1 - t]! : tenants[t]!
    const r = record(s.kind, owner, id, s.variant)
    if (s.action === "create" || s.action === "foreign") {
      out.push(create(r))
      if (version === 0 && s.action === "create") seen.set(key, 1)
    } else if (s.action === "update") {
      out.push(update(r, Math.max(version, 1)))
      if (version > 0) seen.set(key, version + 1)
    } else out.push(update(r, version - 1 - (s.variant % 2)))
  }
  return out
}

/** Runs one command on a store and returns what the caller observes. */
const perform = async (
  store: StoreShape,
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
      return either(store.get(c.kind, tenantId, IDS[c.id]!))
    case "list":
      return either(
        store.list(c.kind, tenantId, filters[c.kind][c.filter] as never, {
          ...(c.afterId === null ? {} : { afterId: IDS[c.afterId]! }),
          ...(c.limit === null ? {} : { limit: c.limit })
        })
      )
    case "audit":
      return either(
        store.auditLog(tenantId, {
          ...(c.recordId === null ? {} : { recordId: IDS[c.recordId]! }),
          ...(c.afterSeq === null ? {} : { afterSeq: c.afterSeq }),
          ...(c.limit === null ? {} : { limit: c.limit })
        })
      )
    case "count":
      return either(store.countMembers(tenantId, filters.member[c.filter] as never))
  }
}

/** Everything the tenants hold, as the port shows it. */
const everything = (store: StoreShape, tenants: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.forEach(tenants, (t) =>
      Effect.all({
        organization: store.list("organization", t),
        member: store.list("member", t),
        counts: store.countMembers(t),
        audit: store.auditLog(t)
      })
    )
  )

/**
 * Model-based law: random command sequences over two tenants give the same observable results on
 * the SQL adapter as on `@zhibu/store-memory` (returned values or error tags), step by step, and
 * leave the same records and audit logs.
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
        fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 40 }), async (commands) => {
          const sqlStore = makeSqlStore(opened.db, target.dialect)
          const model = await Effect.runPromise(makeMemoryStore())
          const tenants = [freshTenant("model"), freshTenant("model")]
          for (const [i, c] of commands.entries()) {
            const audit = { actorId: `actor-${i % 3}`, action: `model.${c.op}`, at: new Date(Date.UTC(2026, 8, 1, 8, 0, i)) }
            const w = c.op === "write" || c.op === "import" ? await toWrites(model, tenants, c.tenant, c.writes) : []
            const expected = await perform(model, tenants, c, w, audit)
            const actual = await perform(sqlStore, tenants, c, w, audit)
            expect({ step: i, command: c, result: actual }).toEqual({ step: i, command: c, result: expected })
          }
          expect(await everything(sqlStore, tenants)).toEqual(await everything(model, tenants))
        }),
        { numRuns }
      )
    })
  })
