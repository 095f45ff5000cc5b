import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type { EntityFilters } from "@zhibu/core"
import { CompiledQuery, sql } from "kysely"
import { connectSqlite } from "../src/connect.js"
import { countMembersQuery } from "../src/count-members.js"
import { migrateToLatest } from "../src/migrate.js"
import { sqlContext } from "../src/run.js"
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

describe("indexes: countMembers reads the tenant-leading covering index zhibu_member_counts, never the table", () => {
  // The adapter's own statement, compiled, so the plan is of the query it really sends.
  const cases: ReadonlyArray<[string, EntityFilters["member"] | undefined, boolean]> = [
    ["no filter", undefined, true],
    ["some branches", { organizationIds: ["b1", "b2", "b3"] }, true],
    ["a status", { status: "active" }, true],
    ["a stage (the few groups are sorted in a small temporary tree)", { stage: "full" }, false],
    ["every field", { organizationIds: ["b1"], stage: "full", status: "active" }, true]
  ]
  for (const [what, filter, inGroupOrder] of cases)
    it(`${what}: one search of the tenant's range in zhibu_member_counts${inGroupOrder ? ", already in group order" : ""}`, async () => {
      const { db, close } = await Effect.runPromise(connectSqlite(":memory:"))
      try {
        await Effect.runPromise(migrateToLatest(db, "sqlite"))
        const query = countMembersQuery(sqlContext(db, "sqlite"), "t", filter)!.compile()
        const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
        const details = plan.rows.map((r) => r.detail)
        expect(details[0]).toMatch(/^SEARCH zhibu_member USING COVERING INDEX zhibu_member_counts \(tenant_id=\?/)
        expect(details.filter((d) => d.startsWith("SCAN"))).toEqual([])
        if (inGroupOrder) expect(details).toHaveLength(1)
      } finally {
        await Effect.runPromise(close)
      }
    })
})
