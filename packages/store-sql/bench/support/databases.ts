import type { Member, Organization } from "@zhibu/core"
import { type AnyRecordKind, columnOf, type Field, memberKind, organizationKind, projectText, type StoreShape } from "@zhibu/core/store"
import { generateBranches, organizationsOf, planWorld, provinceScale, scaleDown } from "@zhibu/testing"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { connectSqlite, connectUrl } from "../../src/connect.js"
import { migrateToLatest } from "../../src/migrate.js"
import { makeSqlStore } from "../../src/sql-store.js"
import type { BenchScale } from "../../../core/bench/support/scales.js"

/**
 * The databases and data of the storage benchmarks: a generated world per scale (`@zhibu/testing`,
 * seed 1, year 2025), a fresh migrated SQLite file or the PostgreSQL of `PG_URL`, the adapter over a
 * Kysely instance whose statements are counted, and the raw driver beside it.
 */

export interface World {
  readonly scale: BenchScale
  readonly tenantId: string
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

const worlds = new Map<BenchScale, World>()

/** The organizations and member files of a generated world (kept for the file: built once per scale). */
export const worldAt = (scale: BenchScale | `province/${number}`): World => {
  const known = worlds.get(scale as BenchScale)
  if (known !== undefined) return known
  const divisor = scale.startsWith("province/") ? Number(scale.slice("province/".length)) : 0
  const plan = planWorld({ scale: divisor > 0 ? scaleDown(provinceScale, divisor) : (scale as BenchScale), seed: 1, year: 2025 })
  const members: Array<Member> = []
  for (const b of generateBranches(plan)) for (const m of b.members) members.push(m)
  const world = { scale: scale as BenchScale, tenantId: plan.tenantId, organizations: organizationsOf(plan), members }
  worlds.set(scale as BenchScale, world)
  return world
}

/**
 * Counts the statements a Kysely instance runs: a plugin sees the result of every statement executed,
 * built or raw, including those of a transaction's connection (`db.withPlugin(counter)` keeps the
 * instance's driver and pool).
 */
export class StatementCounter implements KyselyPlugin {
  queries = 0
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.queries++
    return args.result
  }
}

export interface Bench {
  /** The adapter, over the counted Kysely instance. */
  readonly store: StoreShape
  readonly counter: StatementCounter
  readonly close: () => Promise<void>
}

export interface SqliteBench extends Bench {
  /** A second, raw connection to the same file, for the driver's side of a comparison. */
  readonly raw: Database.Database
}

const dirs: Array<string> = []
process.on("exit", () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A fresh SQLite file opened as the adapter opens it (`connectSqlite`: WAL, reused statements), migrated; and a raw connection to it. */
export const sqliteBench = async (): Promise<SqliteBench> => {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-bench-"))
  dirs.push(dir)
  const file = join(dir, "bench.db")
  const connection = await Effect.runPromise(connectSqlite(file))
  await Effect.runPromise(migrateToLatest(connection.db, "sqlite"))
  const counter = new StatementCounter()
  const raw = new Database(file, { timeout: 5_000 })
  return {
    store: makeSqlStore(connection.db.withPlugin(counter), "sqlite"),
    counter,
    raw,
    close: async () => {
      raw.close()
      await Effect.runPromise(connection.close)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface PostgresBench extends Bench {
  readonly pool: pg.Pool
}

/** The PostgreSQL of `PG_URL` through `connectUrl` (migrated; each run writes a tenant of its own) and a raw pool; undefined without PG_URL. */
export const postgresBench = async (): Promise<PostgresBench | undefined> => {
  const url = process.env.PG_URL
  if (url === undefined || url === "") return undefined
  const connection = await Effect.runPromise(connectUrl(url, { poolSize: 4 }))
  await Effect.runPromise(migrateToLatest(connection.db, "postgres"))
  const counter = new StatementCounter()
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  pool.on("error", () => {})
  return {
    store: makeSqlStore(connection.db.withPlugin(counter), "postgres"),
    counter,
    pool,
    close: async () => {
      await pool.end()
      await Effect.runPromise(connection.close)
    }
  }
}

/** The columns of a kind's table in insert order: tenant_id, id, version, each projected field, data. */
export const columnsOf = (kind: AnyRecordKind): ReadonlyArray<string> => ["tenant_id", "id", "version", ...Object.keys(kind.fields).map(columnOf), "data"]

/**
 * A record's row as hand-written code would build it, for the raw driver: the projected fields read
 * straight off the record, text cut as the adapter cuts it, and the record as JSON.
 */
export const rowMaker = (kind: AnyRecordKind) => {
  const fields = Object.values(kind.fields as Record<string, Field<unknown>>)
  return (tenantId: string, record: { readonly id: string }, version: number): Array<unknown> => {
    const row: Array<unknown> = [tenantId, record.id, version]
    for (const f of fields) {
      const v = f.get(record)
      row.push(f.type === "text" && typeof v === "string" ? projectText(v, f.maxLength ?? 255) : v)
    }
    row.push(JSON.stringify({ ...record, version }))
    return row
  }
}

export const recordKinds = { organization: organizationKind, member: memberKind } as const

/** A fresh tenant id for a run (ids are at most 64 characters). */
let tenants = 0
export const freshTenant = (label: string): string => `${label}-${process.pid}-${Date.now().toString(36)}-${++tenants}`
