import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Member } from "@zhibu/core"
import { memberKind, organizationKind, Store, type StoreShape, streamRecords, type Write } from "@zhibu/core/store"
import { aggregateModel, createWrite, makeWidget, widgetKind } from "@zhibu/store-testkit"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Stream from "effect/Stream"
import { type Kysely, type KyselyPlugin, sql } from "kysely"
import { aggregateQuery } from "../../src/aggregate.js"
import { INLINE_LIST_LIMIT } from "../../src/filters.js"
import { sqlContext } from "../../src/run.js"
import { makeSqlStore } from "../../src/sql-store.js"
import { kinds } from "./kinds.js"
import { create, ctx, member, organization, update } from "./records.js"
import { freshTenant, type Opened, type Target } from "./targets.js"

/** Counts the statements a Kysely instance sends. */
const counting = () => {
  let count = 0
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count++
      return args.node
    },
    transformResult: async (args) => args.result
  }
  return { plugin, count: () => count, reset: () => (count = 0) }
}

/** Stage and status of the members of each branch, so that the groups differ from branch to branch. */
const SHAPES: ReadonlyArray<Pick<Member, "stage" | "status">> = [
  { stage: "full", status: "active" },
  { stage: "full", status: "active" },
  { stage: "probationary", status: "active" },
  { stage: "activist", status: "active" },
  { stage: "applicant", status: "active" },
  { stage: "full", status: "transferredOut" },
  { stage: "full", status: "deceased" }
]

/** A county committee over `branches` branches, branch i holding i % 7 + 1 members of the shapes above. */
const county = (t: string, branches: number): ReadonlyArray<Write> => [
  create(organization(t, "county", { kind: "committee" })),
  ...Array.from({ length: branches }, (_, b) => [
    create(organization(t, `b${b}`, { parentId: "county" as never })),
    ...SHAPES.slice(0, (b % SHAPES.length) + 1).map((shape, m) => create(member(t, `b${b}-m${m}`, { organizationId: `b${b}` as never, ...shape })))
  ]).flat()
]

/** Text the CJK planes and SQL metacharacters: must reach the projected columns intact too. */
const awkward = "张三 O'Brien \\ 100% _ 😀 〇 㐀 𠀀 𪜀 𰀀 豈"

/**
 * What only a SQL adapter can get wrong, beyond the port's contract: collation and padding of
 * keys, text in the projected columns, statement counts as data grows.
 */
export const sqlSuite = (target: Target) =>
  describe(`SQL specifics on ${target.name}`, () => {
    let opened: Opened
    let store: StoreShape
    const counter = counting()
    let counted: StoreShape
    beforeAll(async () => {
      opened = await target.open()
      store = makeSqlStore(opened.db, target.dialect, kinds)
      counted = makeSqlStore(opened.db.withPlugin(counter.plugin), target.dialect, kinds)
    })
    afterAll(() => opened?.close())
    const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
    const db = (): Kysely<any> => opened.db

    it("tenants differing only in case, or by a trailing space, never see each other's records", async () => {
      const upper = `T-${freshTenant()}`
      const lower = upper.toLowerCase()
      await run(store.write(upper, [create(organization(upper, "b1"))], ctx()))
      expect(await run(store.list(organizationKind, lower))).toEqual([])
      expect(await run(store.list(organizationKind, `${upper} `))).toEqual([])
      await run(store.write(upper, [create(member(upper, "m1"))], ctx()))
      expect(await run(store.aggregate(memberKind, lower, { groupBy: ["organizationId"] }))).toEqual([])
      expect(await run(store.aggregate(memberKind, `${upper} `, { groupBy: [] }))).toEqual([])
      expect(await run(store.auditLog(lower))).toEqual([])
      const missing = await run(Effect.flip(store.get(organizationKind, `${upper} `, "b1")))
      expect(missing._tag).toBe("ZhibuNotFound")
      expect(await run(Effect.flip(store.get(organizationKind, upper, "b1 ")))).toMatchObject({ _tag: "ZhibuNotFound" })
    })

    it("a tenant id no record can have (too long, a space, U+0000) reads nothing and refuses writes with InvalidRecord", async () => {
      for (const tenant of ["t".repeat(80), "a tenant", "t\u0000"]) {
        expect(await run(store.list(memberKind, tenant))).toEqual([])
        expect(await run(store.aggregate(memberKind, tenant, { groupBy: ["stage"] }))).toEqual([])
        expect(await run(store.auditLog(tenant))).toEqual([])
        expect(await run(Effect.flip(store.get(memberKind, tenant, "m1")))).toMatchObject({ _tag: "ZhibuNotFound" })
        const refused = await run(Effect.flip(store.write(tenant, [create(member(tenant, "m1"))], ctx())))
        expect(refused).toMatchObject({ _tag: "ZhibuInvalidRecord", kind: "member", id: "m1" })
      }
    })

    it("an audit instant that is not a date is a defect with a plain message, and writes nothing", async () => {
      const t = freshTenant()
      const exit = await Effect.runPromiseExit(store.write(t, [create(member(t, "m1"))], ctx("x", new Date(Number.NaN))))
      expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toContain("AuditContext.at must be a valid Date")
      expect(await run(store.list(memberKind, t))).toEqual([])
    })

    it("the projected name and filter columns hold CJK of every plane, quotes, backslashes and % exactly", async () => {
      const t = freshTenant()
      await run(store.write(t, [create(member(t, "m1", { name: awkward }))], ctx()))
      const row = await db()
        .selectFrom("zhibu_member")
        .select(["name", "stage", "organization_id"])
        .where("tenant_id", "=", t)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ name: awkward, stage: "applicant", organization_id: "b1" })
      const byName = await db()
        .selectFrom("zhibu_member")
        .select("id")
        .where("tenant_id", "=", t)
        .where("name", "=", awkward)
        .execute()
      expect(byName).toEqual([{ id: "m1" }])
    })

    it("batch ids that a padded or case-insensitive comparison would merge stay distinct batches", async () => {
      const t = freshTenant()
      const ids = ["roster", "roster ", "Roster", "roster\u0000", "名册 😀"]
      for (const [i, batchId] of ids.entries()) {
        const result = await run(store.importBatch(t, batchId, [create(member(t, `m${i}`))], ctx()))
        expect(result.applied).toBe(true)
      }
      for (const batchId of ids) expect((await run(store.importBatch(t, batchId, [], ctx()))).applied).toBe(false)
      expect(await run(store.list(memberKind, t))).toHaveLength(ids.length)
    })

    it("a bulk import of 1 200 members takes a fixed number of statements, not one per record", async () => {
      const t = freshTenant()
      const writes = Array.from({ length: 1200 }, (_, i) =>
        create(member(t, `m-${String(i).padStart(4, "0")}`, { stage: i % 3 === 0 ? "activist" : "applicant" }))
      )
      counter.reset()
      const result = await run(counted.importBatch(t, "bulk", writes, ctx("import.roster")))
      // begin, counter (+ a read on MySQL), batch lookup, 3 prefetches, 3 inserts, 3 audit inserts, batch row, commit
      expect(counter.count()).toBeLessThanOrEqual(16)
      expect(result.records).toHaveLength(1200)
      const log = await run(store.auditLog(t, { afterSeq: 1195 }))
      expect(log.map((e) => e.seq)).toEqual([1196, 1197, 1198, 1199, 1200])
      counter.reset()
      const page = await run(counted.list(memberKind, t, { stage: "activist" }, { afterId: "m-0600", limit: 10 }))
      expect(counter.count()).toBe(1)
      expect(page.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m-${String(603 + 3 * i).padStart(4, "0")}`))
    })

    for (const branches of [6, 66])
      it(`aggregate over a county of ${branches} branches is exactly one statement, and agrees with list`, async () => {
        const t = freshTenant()
        await run(store.importBatch(t, "county", county(t, branches), ctx("import.county")))
        const ids = Array.from({ length: branches }, (_, b) => `b${b}`)
        const groupBy = ["organizationId", "stage", "status"] as const
        counter.reset()
        const counts = await run(counted.aggregate(memberKind, t, { groupBy }))
        expect(counter.count()).toBe(1)
        counter.reset()
        const ofBranches = await run(counted.aggregate(memberKind, t, { groupBy, filter: { organizationId: ids, status: "active" } }))
        expect(counter.count()).toBe(1)
        const members = await run(store.list(memberKind, t))
        expect(counts).toEqual(aggregateModel(memberKind, members, { groupBy }))
        expect(counts.reduce((n, c) => n + c.count, 0)).toBe(members.length)
        expect(ofBranches).toEqual(counts.filter((c) => c.group.status === "active"))
        // b5 holds the first six shapes: two full members, one of each other stage, one transferred out.
        expect(counts.filter((c) => c.group.organizationId === "b5").map((c) => [c.group.stage, c.group.status, c.count])).toEqual([
          ["activist", "active", 1],
          ["applicant", "active", 1],
          ["full", "active", 2],
          ["full", "transferredOut", 1],
          ["probationary", "active", 1]
        ])
      })

    it("aggregate over the subtree of a province, 10,000 organization ids, is exactly one statement with one parameter for the ids", async () => {
      const t = freshTenant()
      const branches = Array.from({ length: 10_000 }, (_, b) => `b${String(b).padStart(5, "0")}`)
      // Every 25th branch has members: 400 branches, 1 to 7 members each.
      await run(
        store.importBatch(
          t,
          "province",
          [
            create(organization(t, "province", { kind: "committee" })),
            ...branches.map((b) => create(organization(t, b, { parentId: "province" as never }))),
            ...branches
              .filter((_, i) => i % 25 === 0)
              .flatMap((b, i) =>
                SHAPES.slice(0, (i % SHAPES.length) + 1).map((shape, m) => create(member(t, `${b}-m${m}`, { organizationId: b as never, ...shape })))
              )
          ],
          ctx("import.province")
        )
      )
      const subtree = ["province", ...branches]
      const query = { groupBy: ["organizationId", "stage", "status"] as const, filter: { organizationId: subtree, status: "active" as const } }
      counter.reset()
      const rows = await run(counted.aggregate(memberKind, t, query))
      expect(counter.count()).toBe(1)
      const members = await run(store.list(memberKind, t))
      expect(rows).toEqual(aggregateModel(memberKind, members, query))
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(members.filter((m) => m.status === "active").length)
      // The statement the adapter sends: the ids travel as one parameter, whatever their number — a
      // JSON array, or on PostgreSQL (from ARRAY_LIST_FROM values) an array literal the planner can estimate.
      const compiled = aggregateQuery(sqlContext(opened.db, target.dialect), memberKind, t, query)!.compile()
      expect(compiled.parameters.length).toBeLessThanOrEqual(3)
      const lists = compiled.parameters.filter((p) => typeof p === "string" && (p.startsWith("[") || p.startsWith("{")))
      expect(lists).toHaveLength(1)
      const list = lists[0] as string
      const values = list.startsWith("[") ? JSON.parse(list) : list.slice(1, -1).split(",").map((v) => JSON.parse(v))
      expect([...values].sort()).toEqual([...subtree].sort())
    }, 180_000)

    it("list and aggregate naming 40,000 ids (past SQLite's 32,766 and PostgreSQL's 65,535 parameters with the rest) work, one statement each", async () => {
      const t = freshTenant()
      const ids = Array.from({ length: 40_000 }, (_, i) => `org-${i}`)
      const widgets = [0, 7, 39_999, 40_000].flatMap((b, i) => [
        makeWidget(t, `w-${b}-a`, { organizationId: `org-${b}`, quantity: b, madeOn: "2026-02-28" }),
        makeWidget(t, `w-${b}-b`, { organizationId: i === 1 ? "ORG-7" : `org-${b}`, quantity: b === 0 ? 0 : -b, grams: i })
      ])
      await run(store.write(t, widgets.map((w) => createWrite(widgetKind, w)), ctx()))
      const filter = { organizationId: ids, quantity: Array.from({ length: 40_000 }, (_, i) => i - 39_999), madeOn: ["2026-02-28"] }
      counter.reset()
      const listed = await run(counted.list(widgetKind, t, filter))
      expect(counter.count()).toBe(1)
      expect(listed.map((w) => w.id)).toEqual(["w-0-a", "w-0-b", "w-39999-b"])
      counter.reset()
      const query = { groupBy: ["organizationId"] as const, filter: { organizationId: ids }, sum: ["quantity", "grams"] as const }
      const rows = await run(counted.aggregate(widgetKind, t, query))
      expect(counter.count()).toBe(1)
      expect(rows).toEqual(aggregateModel(widgetKind, widgets, query))
      expect(ids.length).toBeGreaterThan(INLINE_LIST_LIMIT)
    }, 180_000)

    it("aggregate adds int fields in the dialect's sum type (PostgreSQL: double precision, not numeric) and answers JavaScript numbers", async () => {
      const t = freshTenant()
      const big = 2 ** 40
      const widgets = [big, big - 1, -3].map((quantity, i) => makeWidget(t, `w-${i}`, { quantity, grams: i }))
      await run(store.write(t, widgets.map((w) => createWrite(widgetKind, w)), ctx()))
      const query = { groupBy: [] as const, sum: ["quantity", "grams"] as const }
      expect(await run(store.aggregate(widgetKind, t, query))).toEqual([{ group: {}, count: 3, sums: { quantity: 2 * big - 4, grams: 3 } }])
      const compiled = aggregateQuery(sqlContext(opened.db, target.dialect), widgetKind, t, query)!.compile()
      expect(compiled.sql.includes("as double precision")).toBe(target.dialect === "postgres")
    })

    it("streamRecords reads 1 000 members in pages of 500 with one statement per page (and one to find the end)", async () => {
      const t = freshTenant()
      const writes = Array.from({ length: 1000 }, (_, i) => create(member(t, `m-${String(i).padStart(4, "0")}`)))
      await run(store.importBatch(t, "bulk", writes, ctx("import.roster")))
      counter.reset()
      const streamed = await run(Stream.runCollect(streamRecords(memberKind, t)).pipe(Effect.provideService(Store, counted)))
      expect(counter.count()).toBe(3)
      expect(Chunk.toReadonlyArray(streamed).map((m) => m.id)).toEqual((await run(store.list(memberKind, t))).map((m) => m.id))
    })

    it("an update of many records checks every version and writes each record once", async () => {
      const t = freshTenant()
      const ids = Array.from({ length: 20 }, (_, i) => `o${i}`)
      await run(store.write(t, ids.map((id) => create(organization(t, id))), ctx()))
      const renamed = ids.map((id) => update(organization(t, id, { name: `改${id}` }), 1))
      const again = ids.map((id) => update(organization(t, id, { name: `再改${id}` }), 2))
      const result = await run(store.write(t, [...renamed, ...again], ctx()))
      expect(result.map((o) => o.version)).toEqual([...ids.map(() => 1 + 1), ...ids.map(() => 3)])
      const rows = await db()
        .selectFrom("zhibu_organization")
        .select(["id", "version", "name"])
        .where("tenant_id", "=", t)
        .orderBy("id")
        .execute()
      expect(rows.every((r) => r.version === 3 && r.name === `再改${r.id}`)).toBe(true)
      expect((await run(store.auditLog(t))).map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    })

    it("the tables exist with tenant-leading keys: a raw row of another tenant is invisible", async () => {
      const [a, b] = [freshTenant(), freshTenant()]
      await run(store.write(a, [create(organization(a, "same"))], ctx()))
      await run(store.write(b, [create(organization(b, "same", { name: "乙" }))], ctx()))
      expect((await run(store.get(organizationKind, a, "same"))).name).toBe("第same支部")
      expect((await run(store.get(organizationKind, b, "same"))).name).toBe("乙")
      const counters = await sql<{ n: number | string }>`select count(*) as n from zhibu_tenant_counter where tenant_id in (${a}, ${b})`.execute(
        db()
      )
      expect(Number(counters.rows[0]!.n)).toBe(2)
    })
  })
