import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { connectSqlite } from "../src/connect.js"
import { migrateToLatest } from "../src/migrate.js"
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
