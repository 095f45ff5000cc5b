import { StoreUnavailable } from "@zhibu/core/store"
import type BetterSqlite3 from "better-sqlite3"
import * as Effect from "effect/Effect"
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from "kysely"
import type { Dialect } from "./dialect.js"
import { storeUnavailable } from "./errors.js"

/** A Kysely instance built by the helpers below, its dialect, and how to close it. */
export interface SqlConnection {
  readonly db: Kysely<any>
  readonly dialect: Dialect
  /** Closes the file or the pool. The store must not be used afterwards. */
  readonly close: Effect.Effect<void>
}

export interface ConnectOptions {
  /** Connections in the pool (PostgreSQL, MySQL/MariaDB). Default 10. */
  readonly poolSize?: number
  /** How long to wait for a server to answer a new connection. Default 10 000 ms. */
  readonly connectTimeoutMs?: number
  /** SQLite: how long a writer waits for another process's write lock. Default 5 000 ms. */
  readonly busyTimeoutMs?: number
}

const closing = (db: Kysely<any>): Effect.Effect<void> => Effect.ignore(Effect.tryPromise(() => db.destroy()))

/**
 * Opens a SQLite database file (created if missing), or a private in-memory database for
 * `":memory:"`. Files use write-ahead logging, so readers do not wait for a writer. Use one
 * connection per file in a process; other processes may open the same file. Needs `better-sqlite3`
 * (an optional peer): without it, a `StoreUnavailable` asks you to install it.
 */
export const connectSqlite = (file: string, options: ConnectOptions = {}): Effect.Effect<SqlConnection, StoreUnavailable> =>
  loadDriver("better-sqlite3", "SQLite", () => import("better-sqlite3")).pipe(
    Effect.flatMap((module) =>
      Effect.try({
        try: () => {
          const Database: typeof BetterSqlite3 = (module as any).default ?? module
          const database = new Database(file, { timeout: options.busyTimeoutMs ?? 5_000 })
          if (file !== ":memory:" && file !== "") database.pragma("journal_mode = WAL")
          return database
        },
        catch: (e) => storeUnavailable("sqlite", e, `opening the SQLite database "${file}"`)
      })
    ),
    Effect.map((database) => {
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) })
      return { db, dialect: "sqlite" as const, close: closing(db) }
    })
  )

/** Statements kept prepared per SQLite connection (the adapter's statements are a few dozen shapes). */
const STATEMENTS = 200

/**
 * The database as Kysely's SQLite driver sees it, with its statements kept prepared: Kysely prepares
 * every query afresh, and preparing a 500-row insert costs about as much as running it. A statement
 * still being iterated is never handed out twice (a fresh one is prepared instead); the least recently
 * used are dropped beyond {@link STATEMENTS}.
 */
const reusingStatements = (database: BetterSqlite3.Database, size = STATEMENTS) => {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => database.close(),
    prepare: (sqlText: string) => {
      const known = cache.get(sqlText)
      if (known !== undefined && !known.busy) {
        cache.delete(sqlText)
        cache.set(sqlText, known)
        return known
      }
      const statement = database.prepare(sqlText)
      if (known === undefined) {
        cache.set(sqlText, statement)
        if (cache.size > size) cache.delete(cache.keys().next().value!)
      }
      return statement
    }
  }
}

const schemes: Record<string, Dialect> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "mysql:": "mysql",
  "mariadb:": "mysql",
  "sqlite:": "sqlite"
}

const refuse = (reason: string, cause?: unknown) =>
  new StoreUnavailable({ reason, ...(cause === undefined ? {} : { cause }) })

/** A module that is not installed (also when a loader or bundler wraps the error as its `cause`). */
const notFound = (e: unknown, depth = 0): boolean => {
  const code = (e as { readonly code?: unknown } | null)?.code
  if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return true
  if (e instanceof Error && /cannot find (module|package)/i.test(e.message)) return true
  return depth < 3 && e instanceof Error && e.cause !== undefined && notFound(e.cause, depth + 1)
}

/**
 * The driver module, loaded only when it is needed: `better-sqlite3`, `pg` and `mysql2` are
 * optional peers, so an application installs only the one for its database. A missing driver is
 * refused with the package to install; a driver that fails to load says why.
 */
export const loadDriver = <M>(name: string, product: string, load: () => Promise<M>): Effect.Effect<M, StoreUnavailable> =>
  Effect.tryPromise({
    try: load,
    catch: (e) =>
      notFound(e)
        ? refuse(`the ${product} driver is not installed: run \`npm install ${name}\` (an optional peer dependency of @zhibu/store-sql)`, e)
        : refuse(`the ${product} driver \`${name}\` could not be loaded: ${e instanceof Error ? e.message : String(e)}`, e)
  })

/** Builds the pool for a server URL; no connection is opened yet. */
const serverDialect = (
  dialect: "postgres" | "mysql",
  url: URL,
  options: ConnectOptions
): Effect.Effect<Kysely<any>, StoreUnavailable> => {
  const max = options.poolSize ?? 10
  const timeout = options.connectTimeoutMs ?? 10_000
  if (dialect === "postgres")
    return loadDriver("pg", "PostgreSQL", () => import("pg")).pipe(
      Effect.map((pg) => {
        const Pool = (pg as any).default?.Pool ?? pg.Pool
        const pool = new Pool({ connectionString: url.href, max, connectionTimeoutMillis: timeout })
        // A connection the server drops (idle in the pool, or lent out between queries) must not crash
        // the process with an unhandled 'error' event: the query that used it reports the failure, and
        // the pool discards it.
        pool.on("error", () => {})
        pool.on("connect", (client: { on: (event: "error", listener: () => void) => void }) => client.on("error", () => {}))
        return new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
      })
    )
  return loadDriver("mysql2", "MySQL/MariaDB", () => import("mysql2")).pipe(
    Effect.map((mysql) => {
      const createPool: typeof mysql.createPool = (mysql as any).default?.createPool ?? mysql.createPool
      const uri = new URL(url.href)
      uri.protocol = "mysql:"
      const pool = createPool({ uri: uri.href, connectionLimit: max, connectTimeout: timeout, charset: "UTF8MB4_BIN" })
      // As for PostgreSQL: a dropped connection fails its query, never the process.
      pool.on("connection", (connection) => connection.on("error", () => {}))
      return new Kysely<any>({ dialect: new MysqlDialect({ pool }) })
    })
  )
}

const sqlitePath = (url: string): string => {
  const rest = url.slice("sqlite:".length)
  return rest.startsWith("//") ? rest.slice(2) : rest
}

/**
 * Connects from a URL — `postgres://user:pass@host:5432/db`, `mysql://…` (also `mariadb://`),
 * `sqlite:///absolute/path.db`, `sqlite:relative.db` or `sqlite::memory:` — and checks the server
 * answers, so a wrong URL or an unreachable server fails here, plainly
 * ("cannot reach PostgreSQL at 127.0.0.1:1: connection refused"). Passwords never appear in errors.
 */
export const connectUrl = (url: string, options: ConnectOptions = {}): Effect.Effect<SqlConnection, StoreUnavailable> =>
  Effect.gen(function* () {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase()
    const dialect = scheme === undefined ? undefined : schemes[scheme]
    if (dialect === undefined)
      return yield* refuse(
        `not a database URL (it starts with "${scheme ?? url.slice(0, 12)}"): expected postgres://, mysql://, mariadb:// or sqlite:`
      )
    if (dialect === "sqlite") return yield* connectSqlite(sqlitePath(url), options)
    const parsed = yield* Effect.try({
      try: () => new URL(url),
      catch: (e) => refuse(`not a valid ${scheme}// URL`, e)
    })
    const where = `${parsed.hostname}:${parsed.port || (dialect === "postgres" ? "5432" : "3306")}`
    const db = yield* serverDialect(dialect, parsed, options)
    yield* Effect.tryPromise({
      try: () => sql`select 1`.execute(db),
      catch: (e) => storeUnavailable(dialect, e, `connecting to ${where}${parsed.pathname}`, where)
    }).pipe(Effect.tapError(() => closing(db)))
    return { db, dialect, close: closing(db) }
  })

/** {@link connectUrl} inside a scope: the pool closes when the scope does. */
export const connectUrlScoped = (url: string, options?: ConnectOptions) =>
  Effect.acquireRelease(connectUrl(url, options), (c) => c.close)
