import * as Effect from "effect/Effect"
import type { Kysely } from "kysely"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { connectSqlite, connectUrl } from "../../src/connect.js"
import type { Dialect } from "../../src/dialect.js"
import { migrateToLatest } from "../../src/migrate.js"
import { migrationSets } from "./kinds.js"
import { pgliteKysely } from "./pglite.js"

/** A database to run tests against: opened and migrated (with the test kinds' set) by `open`, closed by `close`. */
export interface Target {
  readonly name: string
  readonly dialect: Dialect
  readonly open: () => Promise<Opened>
}

export interface Opened {
  readonly db: Kysely<any>
  readonly close: () => Promise<void>
}

const migrated = async (db: Kysely<any>, dialect: Dialect, close: () => Promise<void>): Promise<Opened> => {
  await Effect.runPromise(migrateToLatest(db, dialect, { sets: migrationSets }))
  return { db, close }
}

export const sqliteMemory: Target = {
  name: "SQLite in memory",
  dialect: "sqlite",
  open: async () => {
    const c = await Effect.runPromise(connectSqlite(":memory:"))
    return migrated(c.db, "sqlite", () => Effect.runPromise(c.close))
  }
}

/** A fresh file in a fresh temporary directory, removed on close. */
export const sqliteFile: Target = {
  name: "SQLite file",
  dialect: "sqlite",
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-sql-"))
    const c = await Effect.runPromise(connectSqlite(join(dir, "zhibu.db")))
    return migrated(c.db, "sqlite", async () => {
      await Effect.runPromise(c.close)
      rmSync(dir, { recursive: true, force: true })
    })
  }
}

export const pglite: Target = {
  name: "PGlite",
  dialect: "postgres",
  open: async () => {
    const db = await pgliteKysely()
    return migrated(db, "postgres", () => db.destroy())
  }
}

/** A real server from a URL; tests isolate themselves by fresh tenant ids, never by truncating. */
export const server = (name: string, dialect: Dialect, url: string): Target => ({
  name,
  dialect,
  open: async () => {
    const c = await Effect.runPromise(connectUrl(url, { poolSize: 5 }))
    return migrated(c.db, dialect, () => Effect.runPromise(c.close))
  }
})

let counter = 0
/** A tenant id no other test (or earlier run against the same server) has used. */
export const freshTenant = (label = "t"): string =>
  `${label}-${Date.now().toString(36)}-${process.pid.toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/**
 * The same database for several suites of one file (one PGlite instance costs ~500 MB): suites
 * get it without closing it; the file closes it once, after all of them (`afterAll(close)`).
 */
export const shared = (target: Target): { readonly target: Target; readonly close: () => Promise<void> } => {
  let opening: Promise<Opened> | undefined
  return {
    target: {
      ...target,
      open: async () => {
        opening ??= target.open()
        return { db: (await opening).db, close: async () => {} }
      }
    },
    close: async () => (await opening)?.close()
  }
}
