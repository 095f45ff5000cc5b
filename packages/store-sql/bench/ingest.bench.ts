import { type AnyRecordKind, createWrite, type Write } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { afterAll, bench, describe } from "vitest"
import { benchScales, runsAt, Timings } from "../../core/bench/support/harness.js"
import { batchKey } from "../src/import-batch.js"
import { columnsOf, freshTenant, postgresBench, recordKinds, rowMaker, sqliteBench, type World, worldAt } from "./support/databases.js"

/**
 * 写入 — issue 12, measure 2: a generated world (organizations, then member files) imported as one
 * batch through the adapter (`importBatch`: every record checked against its Schema, one audit row
 * each, one transaction) against the raw driver doing the same inserts in the same transaction:
 * better-sqlite3 prepared statements, and pg multi-row inserts of 500 rows (with PG_URL). Rows per
 * second count records (each also writes its audit row). Target: the adapter at least 90% of the raw
 * driver. Each run writes a fresh tenant into a fresh database (SQLite) or the same server (PostgreSQL).
 */
const timings = new Timings("ingest")
const audit = { actorId: "bench", at: new Date("2026-01-05T02:00:00Z"), action: "import" }

const writesOf = (world: World, tenant: string): ReadonlyArray<Write> => [
  ...world.organizations.map((o) => createWrite(recordKinds.organization, { ...o, tenantId: tenant } as never)),
  ...world.members.map((m) => createWrite(recordKinds.member, { ...m, tenantId: tenant } as never))
]

const recordsOf = (world: World): ReadonlyArray<readonly [AnyRecordKind, { readonly id: string }]> => [
  ...world.organizations.map((o) => [recordKinds.organization, o] as const),
  ...world.members.map((m) => [recordKinds.member, m] as const)
]

const insertSql = (table: string, columns: ReadonlyArray<string>, rows: number, dollar: boolean): string => {
  let n = 0
  const one = () => `(${columns.map(() => (dollar ? `$${++n}` : "?")).join(", ")})`
  return `insert into ${table} (${columns.join(", ")}) values ${Array.from({ length: rows }, one).join(", ")}`
}
const auditColumns = ["tenant_id", "seq", "at", "actor_id", "action", "kind", "record_id", "version", "before", "after"]

/** The raw SQLite import: the adapter's statements, prepared once, in one `begin immediate` transaction. */
const rawSqlite = (raw: import("better-sqlite3").Database, world: World, tenant: string) => {
  const records = recordsOf(world)
  const insert = new Map<string, { stmt: import("better-sqlite3").Statement; row: ReturnType<typeof rowMaker> }>(Object.values(recordKinds).map((k) => [k.name as string, { stmt: raw.prepare(insertSql(k.table, columnsOf(k), 1, false)), row: rowMaker(k) }] as const))
  const auditStmt = raw.prepare(insertSql("zhibu_audit", auditColumns, 1, false))
  const at = audit.at.toISOString()
  raw.transaction(() => {
    raw.prepare("insert into zhibu_tenant_counter (tenant_id, audit_seq) values (?, ?)").run(tenant, records.length)
    let seq = 0
    const refs: Array<readonly [string, string]> = []
    for (const [kind, record] of records) {
      const { stmt, row } = insert.get(kind.name)!
      const values = row(tenant, { ...record, tenantId: tenant } as never, 1)
      stmt.run(values)
      auditStmt.run([tenant, ++seq, at, audit.actorId, audit.action, kind.name, record.id, 1, null, values[values.length - 1]])
      refs.push([kind.name, record.id])
    }
    raw
      .prepare("insert into zhibu_import_batch (tenant_id, batch_key, batch_id, applied_at, record_refs) values (?, ?, ?, ?, ?)")
      .run(tenant, batchKey("world"), "world", at, JSON.stringify(refs))
  }).immediate()
}

/** The raw PostgreSQL import: multi-row inserts of 500 rows, in one transaction on one client. */
const rawPostgres = async (pool: import("pg").Pool, world: World, tenant: string) => {
  const records = recordsOf(world)
  const at = audit.at.toISOString()
  const client = await pool.connect()
  try {
    await client.query("begin")
    await client.query("insert into zhibu_tenant_counter (tenant_id, audit_seq) values ($1, $2)", [tenant, records.length])
    const auditRows: Array<Array<unknown>> = []
    let seq = 0
    for (const kind of Object.values(recordKinds)) {
      const make = rowMaker(kind)
      const columns = columnsOf(kind)
      const own = records.filter(([k]) => k === kind)
      for (let i = 0; i < own.length; i += 500) {
        const chunk = own.slice(i, i + 500)
        const values: Array<unknown> = []
        for (const [, record] of chunk) {
          const row = make(tenant, { ...record, tenantId: tenant } as never, 1)
          values.push(...row)
          auditRows.push([tenant, ++seq, at, audit.actorId, audit.action, kind.name, record.id, 1, null, row[row.length - 1]])
        }
        await client.query(insertSql(kind.table, columns, chunk.length, true), values)
      }
    }
    for (let i = 0; i < auditRows.length; i += 500) {
      const chunk = auditRows.slice(i, i + 500)
      await client.query(insertSql("zhibu_audit", auditColumns, chunk.length, true), chunk.flat())
    }
    await client.query("insert into zhibu_import_batch (tenant_id, batch_key, batch_id, applied_at, record_refs) values ($1, $2, $3, $4, $5)", [
      tenant,
      batchKey("world"),
      "world",
      at,
      JSON.stringify(records.map(([k, r]) => [k.name, r.id]))
    ])
    await client.query("commit")
  } finally {
    client.release()
  }
}

const postgres = await postgresBench()
afterAll(() => postgres?.close())

for (const scale of benchScales()) {
  const world = worldAt(scale)
  const n = world.organizations.length + world.members.length
  // Raw and adapter alternate within each run (in turns: which goes first alternates too), so a
  // busy machine slows both alike and the ratio of the medians is a side-by-side one.
  const options = { iterations: runsAt(scale, 11), time: 0, warmupIterations: 0, warmupTime: 0 }
  const group = (db: string) => `${scale}: import ${n.toLocaleString("en-US")} records as one batch, ${db}`
  let sqliteTurn = 0
  let pgTurn = 0

  describe(`${scale}: import ${n} records (${world.organizations.length} organizations, ${world.members.length} member files) as one batch`, () => {
    bench(
      "SQLite file: raw better-sqlite3 (prepared statements) and the adapter (importBatch), in turns",
      async () => {
        const sides = [
          async () => {
            const db = await sqliteBench()
            const tenant = freshTenant("raw")
            timings.add(group("SQLite file"), "raw better-sqlite3, prepared statements", await measure(() => rawSqlite(db.raw, world, tenant)), n)
            await db.close()
          },
          async () => {
            const db = await sqliteBench()
            const tenant = freshTenant("adapter")
            const writes = writesOf(world, tenant)
            db.counter.queries = 0
            timings.add(group("SQLite file"), "adapter importBatch", await measure(() => Effect.runPromise(db.store.importBatch(tenant, "world", writes, audit))), n)
            timings.note(`${scale}, SQLite: importBatch of ${n} records ran ${db.counter.queries} statements`)
            await db.close()
          }
        ]
        for (const side of sqliteTurn++ % 2 === 0 ? sides : [...sides].reverse()) await side()
      },
      options
    )
    if (postgres !== undefined) {
      bench(
        "PostgreSQL: raw pg (multi-row inserts of 500) and the adapter (importBatch), in turns",
        async () => {
          const sides = [
            async () => {
              timings.add(group("PostgreSQL"), "raw pg, 500-row inserts", await measure(() => rawPostgres(postgres.pool, world, freshTenant("raw"))), n)
            },
            async () => {
              const tenant = freshTenant("adapter")
              const writes = writesOf(world, tenant)
              postgres.counter.queries = 0
              timings.add(group("PostgreSQL"), "adapter importBatch", await measure(() => Effect.runPromise(postgres.store.importBatch(tenant, "world", writes, audit))), n)
              timings.note(`${scale}, PostgreSQL: importBatch of ${n} records ran ${postgres.counter.queries} statements`)
            }
          ]
          for (const side of pgTurn++ % 2 === 0 ? sides : [...sides].reverse()) await side()
        },
        options
      )
    }
  })
}

async function measure(run: () => unknown): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}
