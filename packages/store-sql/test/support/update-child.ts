/**
 * Child process of sqlite-processes.test.ts: opens a SQLite file, says "ready", waits for a line
 * on stdin, then updates one organization from version 1 and prints the outcome as JSON.
 *
 * Usage: node --conditions=@zhibu/source --import tsx update-child.ts <file> <tenant> <name>
 */
import * as Effect from "effect/Effect"
import { writeSync } from "node:fs"
import { connectSqlite } from "../../src/connect.js"
import { makeSqlStore } from "../../src/sql-store.js"
import { ctx, organization, update } from "./records.js"

const [file, tenant, name] = process.argv.slice(2) as [string, string, string]
const { db, close } = await Effect.runPromise(connectSqlite(file, { busyTimeoutMs: 20_000 }))
const store = makeSqlStore(db, "sqlite")
writeSync(1, "ready\n")
await new Promise((go) => process.stdin.once("data", go))
const result = await Effect.runPromise(
  Effect.either(store.write(tenant, [update(organization(tenant, "b1", { name }), 1)], ctx()))
)
writeSync(1, `${JSON.stringify(result._tag === "Right" ? { won: true } : { lost: result.left._tag, ...result.left })}\n`)
await Effect.runPromise(close)
process.stdin.destroy()
