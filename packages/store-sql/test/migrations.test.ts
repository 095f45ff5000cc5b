import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { connectSqlite } from "../src/connect.js"
import { migrationSuite } from "./support/migration-suite.js"
import { pgliteKysely } from "./support/pglite.js"

migrationSuite("SQLite", "sqlite", async () => {
  const c = await Effect.runPromise(connectSqlite(":memory:"))
  return { db: c.db, close: () => Effect.runPromise(c.close) }
})

// One PGlite instance for the file (each costs ~500 MB); every test starts from an empty public schema.
let shared: ReturnType<typeof pgliteKysely> | undefined
let open = 0
migrationSuite("PGlite", "postgres", async () => {
  shared ??= pgliteKysely()
  const db = await shared
  await sql`drop schema public cascade`.execute(db)
  await sql`create schema public`.execute(db)
  open++
  return { db, close: async () => (--open === 0 ? db.destroy() : undefined) }
})
