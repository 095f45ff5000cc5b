import { describe, expect, it } from "@effect/vitest"
import { createWrite, defineRecordKind, field, memberKind, type RecordFilter } from "@zhibu/core/store"
import { widgetKind } from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CompiledQuery, type Kysely, sql } from "kysely"
import { type AggregateSpec, aggregateQuery } from "../src/aggregate.js"
import { connectSqlite } from "../src/connect.js"
import { migrateToLatest } from "../src/migrate.js"
import { createRecordTable } from "../src/migrations/record-table.js"
import { sqlContext } from "../src/run.js"
import { makeSqlStore } from "../src/sql-store.js"
import { migrationSets } from "./support/kinds.js"
import { sqlSuite } from "./support/sql-suite.js"
import { sqliteFile, sqliteMemory } from "./support/targets.js"

sqlSuite(sqliteMemory)
sqlSuite(sqliteFile)

describe("indexes: every list filter has a tenant-leading index", () => {
  const plans: ReadonlyArray<[string, string, string]> = [
    ["organization by parent", `select data from zhibu_organization where tenant_id = 't' and parent_id = 'p' order by id`, "zhibu_organization_parent"],
    ["organization by kind", `select data from zhibu_organization where tenant_id = 't' and kind = 'branch' order by id`, "zhibu_organization_kind"],
    ["member of one organization", `select data from zhibu_member where tenant_id = 't' and organization_id in ('a') order by id`, "zhibu_member_organization_id"],
    ["member by stage", `select data from zhibu_member where tenant_id = 't' and stage = 'full' order by id`, "zhibu_member_stage"],
    ["member by status", `select data from zhibu_member where tenant_id = 't' and status = 'active' order by id`, "zhibu_member_status"],
    ["audit by record", `select * from zhibu_audit where tenant_id = 't' and record_id = 'r' order by seq`, "zhibu_audit_record"]
  ]
  for (const [what, query, index] of plans)
    it(`${what} uses ${index}`, async () => {
      const { db, close } = await Effect.runPromise(connectSqlite(":memory:"))
      try {
        await Effect.runPromise(migrateToLatest(db, "sqlite"))
        const plan = await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(db)
        expect(plan.rows.map((r) => r.detail).join("\n")).toContain(index)
      } finally {
        await Effect.runPromise(close)
      }
    })
})

/** The query plan of the adapter's own `aggregate` statement, compiled, so the plan is of the query it really sends. */
const aggregatePlan = async (db: Kysely<any>, kind: Parameters<typeof aggregateQuery>[1], spec: AggregateSpec) => {
  const query = aggregateQuery(sqlContext(db, "sqlite"), kind, "t", spec)!.compile()
  const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
  return plan.rows.map((r) => r.detail)
}

/** 10,000 organization ids: more than any inline list, so they travel as one JSON parameter. */
const province = Array.from({ length: 10_000 }, (_, i) => `b${i}`)

describe("indexes: aggregate of members reads the tenant-leading covering index zhibu_member_counts, never the table", () => {
  const groupBy = ["organizationId", "stage", "status"]
  const cases: ReadonlyArray<[string, RecordFilter<typeof memberKind> | undefined, boolean]> = [
    ["no filter", undefined, true],
    ["some branches", { organizationId: ["b1", "b2", "b3"] }, true],
    ["a status", { status: "active" }, true],
    ["a stage (the few groups are sorted in a small temporary tree)", { stage: "full" }, false],
    ["every field", { organizationId: ["b1"], stage: "full", status: "active" }, true],
    ["the 10,000 branches of a province (one JSON parameter)", { organizationId: province, status: "active" }, false]
  ]
  for (const [what, filter, inGroupOrder] of cases)
    it(`${what}: one search of the tenant's range in zhibu_member_counts${inGroupOrder ? ", already in group order" : ""}`, async () => {
      const { db, close } = await Effect.runPromise(connectSqlite(":memory:"))
      try {
        await Effect.runPromise(migrateToLatest(db, "sqlite"))
        const details = await aggregatePlan(db, memberKind, { groupBy, filter })
        expect(details[0]).toMatch(/^SEARCH zhibu_member USING COVERING INDEX zhibu_member_counts \(tenant_id=\?/)
        expect(details.filter((d) => d.startsWith("SCAN zhibu_member"))).toEqual([])
        if (inGroupOrder) expect(details).toHaveLength(1)
      } finally {
        await Effect.runPromise(close)
      }
    })
})

describe("indexes: a kind's own indexes (createRecordTable) serve its filters, each led by tenant_id", () => {
  const cases: ReadonlyArray<[string, AggregateSpec, string]> = [
    ["widgets of some organizations", { groupBy: ["organizationId"], filter: { organizationId: ["org-A", "org-a"] } }, "zhibu_testkit_widget_organization_id"],
    ["widgets of a province (JSON list)", { groupBy: [], filter: { organizationId: province } }, "zhibu_testkit_widget_organization_id"],
    ["widgets of a colour made in a range of days", { groupBy: ["madeOn"], filter: { colour: "red", madeOn: { gte: "2000-01-01" } } }, "zhibu_testkit_widget_colour_made_on"]
  ]
  for (const [what, spec, index] of cases)
    it(`${what} use ${index}`, async () => {
      const { db, close } = await Effect.runPromise(connectSqlite(":memory:"))
      try {
        await Effect.runPromise(migrateToLatest(db, "sqlite", { sets: migrationSets }))
        const details = await aggregatePlan(db, widgetKind, spec)
        expect(details.join("\n")).toContain(index)
        expect(details.filter((d) => d.startsWith("SCAN zhibu_testkit_widget"))).toEqual([])
      } finally {
        await Effect.runPromise(close)
      }
    })
})

describe("a kind of any width: multi-row inserts stay within SQLite's 32,766 bound parameters", () => {
  const Reading = Schema.Struct({ tenantId: Schema.String, id: Schema.String, version: Schema.Int, base: Schema.Int })
  type Reading = typeof Reading.Type
  // 70 projected fields and 4 of every table: 500 rows of 74 columns would be 37,000 parameters.
  const fields = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`sensor${i}`, field.int((r: Reading) => r.base + i)]))
  const readingKind = defineRecordKind({ name: "reading", table: "zz_test_reading", schema: Reading, fields })

  it("600 records of a 70-field kind (a descriptor and createRecordTable) are written in one call and aggregate exactly", async () => {
    const { db, close } = await Effect.runPromise(connectSqlite(":memory:"))
    try {
      const sets = [{ name: "test_reading", migrations: () => ({ "0001-reading": createRecordTable(readingKind)("sqlite") }) }]
      await Effect.runPromise(migrateToLatest(db, "sqlite", { sets }))
      const store = makeSqlStore(db, "sqlite", [readingKind])
      const writes = Array.from({ length: 600 }, (_, i) => createWrite(readingKind, { tenantId: "t", id: `r${String(i).padStart(3, "0")}`, base: i }))
      const written = await Effect.runPromise(store.write("t", writes, { actorId: "p-1", action: "import.readings", at: new Date("2026-03-01T00:00:00Z") }))
      expect(written).toHaveLength(600)
      const [row] = await Effect.runPromise(store.aggregate(readingKind, "t", { groupBy: [], sum: ["sensor0", "sensor69"] as never }))
      // Σ i for i < 600 = 179,700; sensor69 adds 69 per record.
      expect(row).toEqual({ group: {}, count: 600, sums: { sensor0: 179_700, sensor69: 179_700 + 69 * 600 } })
    } finally {
      await Effect.runPromise(close)
    }
  })
})
