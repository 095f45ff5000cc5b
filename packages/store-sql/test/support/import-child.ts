/**
 * Child process of crash-safety.test.ts: imports a large batch into a SQLite file and, once the
 * transaction has written its first rows, says "started" on stdout and stalls, so the parent can
 * kill it with SIGKILL in the middle of the transaction.
 *
 * Usage: node --conditions=@zhibu/source --import tsx import-child.ts <file> <tenant> <batchId> <count>
 */
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { Kysely, SqliteDialect } from "kysely"
import { writeSync } from "node:fs"
import { makeSqlStore } from "../../src/sql-store.js"
import { create, ctx, member } from "./records.js"

const [file, tenant, batchId, count] = process.argv.slice(2) as [string, string, string, string]
const database = new Database(file)
database.pragma("journal_mode = WAL")

let signalled = false
const db = new Kysely<any>({
  dialect: new SqliteDialect({ database }),
  log: (event) => {
    if (signalled || event.level !== "query" || !event.query.sql.startsWith('insert into "zhibu_member"')) return
    signalled = true
    // Synchronous, so the parent hears it now, while the transaction is open.
    writeSync(1, "started\n")
    // better-sqlite3 is synchronous too: block here, holding the open transaction, until killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  }
})

const writes = Array.from({ length: Number(count) }, (_, i) => create(member(tenant, `m-${String(i).padStart(5, "0")}`)))
await Effect.runPromise(makeSqlStore(db, "sqlite").importBatch(tenant, batchId, writes, ctx("import.roster")))
writeSync(1, "finished\n")
await db.destroy()
