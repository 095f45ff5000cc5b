import { describe, expect, it } from "@effect/vitest"
import { memberKind, type RecordFilter } from "@zhibu/core/store"
import { widgetKind } from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import { CompiledQuery, type Kysely, sql } from "kysely"
import { type AggregateSpec, aggregateQuery } from "../src/aggregate.js"
import { connectSqlite } from "../src/connect.js"
import { migrateToLatest } from "../src/migrate.js"
import { sqlContext } from "../src/run.js"
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
