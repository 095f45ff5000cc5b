import { StoreUnavailable } from "@zhibu/core/store"
import { type Dialect, dialectTraits } from "./dialect.js"

/** What went wrong with the database, in the few kinds a caller can act on. */
export type FailureKind =
  | "unreachable"
  | "login"
  | "missingDatabase"
  | "missingTables"
  | "lostConnection"
  | "closed"
  | "timeout"
  | "deadlock"
  | "uniqueViolation"
  | "constraint"
  | "storage"
  | "other"

/** A driver error, sorted into a {@link FailureKind} and described in plain words. */
export interface Classified {
  readonly kind: FailureKind
  readonly reason: string
}

interface DriverError {
  readonly code?: unknown
  readonly errno?: unknown
  readonly message?: unknown
  readonly address?: unknown
  readonly port?: unknown
  readonly hostname?: unknown
  readonly errors?: unknown
}

const asDriverError = (e: unknown): DriverError => (typeof e === "object" && e !== null ? e : {})
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)
const messageOf = (e: unknown): string => str(asDriverError(e).message) ?? String(e)

const NETWORK: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "no answer (timed out)",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable"
}
const LOST = new Set(["ECONNRESET", "EPIPE", "PROTOCOL_CONNECTION_LOST", "ER_CONNECTION_KILLED"])

/** `host:port` of a socket error; Node reports several addresses for a name in an AggregateError. */
const endpoint = (e: DriverError): string | undefined => {
  const address = str(e.address)
  if (address !== undefined) return typeof e.port === "number" ? `${address}:${e.port}` : address
  if (str(e.hostname) !== undefined) return str(e.hostname)
  const first = Array.isArray(e.errors) ? e.errors[0] : undefined
  return first === undefined ? undefined : endpoint(asDriverError(first))
}

const network = (dialect: Dialect, e: DriverError, where: string | undefined): Classified | undefined => {
  const code = str(e.code)
  if (code === undefined) return undefined
  const product = dialectTraits[dialect].product
  const why = NETWORK[code]
  if (why !== undefined) {
    const at = endpoint(e) ?? where
    return { kind: "unreachable", reason: `cannot reach ${product}${at === undefined ? "" : ` at ${at}`}: ${why}` }
  }
  if (LOST.has(code)) return { kind: "lostConnection", reason: `lost the connection to ${product}: ${messageOf(e)}` }
  return undefined
}

const postgres = (e: DriverError, where: string | undefined): Classified | undefined => {
  const code = str(e.code) ?? ""
  const message = messageOf(e)
  if (code === "23505") return { kind: "uniqueViolation", reason: `a unique key was violated: ${message}` }
  if (code.startsWith("23") || code.startsWith("22"))
    return { kind: "constraint", reason: `a value was refused by a database constraint: ${message}` }
  if (code === "40P01" || code === "40001")
    return { kind: "deadlock", reason: `the transaction collided with another one: ${message}` }
  if (code === "57014" || code === "55P03") return { kind: "timeout", reason: `timed out: ${message}` }
  if (code === "28P01" || code === "28000") return { kind: "login", reason: `PostgreSQL refused the login: ${message}` }
  if (code === "3D000") return { kind: "missingDatabase", reason: `PostgreSQL has no such database: ${message}` }
  if (code === "42P01") return { kind: "missingTables", reason: `${message}: run migrateToLatest first` }
  if (code.startsWith("08") || code.startsWith("57P"))
    return { kind: "lostConnection", reason: `lost the connection to PostgreSQL: ${message}` }
  if (code === "53300") return { kind: "unreachable", reason: `PostgreSQL has no free connection: ${message}` }
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message))
    return { kind: "unreachable", reason: `cannot reach PostgreSQL${where === undefined ? "" : ` at ${where}`}: no answer (timed out)` }
  if (/Connection terminated|not queryable|Client was closed/i.test(message))
    return { kind: "lostConnection", reason: `lost the connection to PostgreSQL: ${message}` }
  if (/after calling end on the pool/i.test(message)) return { kind: "closed", reason: "the connection pool was closed" }
  return undefined
}

const MYSQL: Record<number, FailureKind> = {
  1062: "uniqueViolation",
  1213: "deadlock",
  1205: "timeout",
  3024: "timeout",
  1969: "timeout",
  1317: "timeout",
  1044: "login",
  1045: "login",
  1698: "login",
  1049: "missingDatabase",
  1146: "missingTables",
  1040: "unreachable",
  1927: "lostConnection",
  2006: "lostConnection",
  2013: "lostConnection",
  1048: "constraint",
  1406: "constraint",
  1452: "constraint",
  3819: "constraint",
  4025: "constraint",
  1366: "constraint"
}

const mysql = (e: DriverError): Classified | undefined => {
  const message = messageOf(e)
  const kind = typeof e.errno === "number" ? MYSQL[e.errno] : undefined
  if (kind === "missingTables") return { kind, reason: `${message}: run migrateToLatest first` }
  if (kind === "lostConnection") return { kind, reason: `lost the connection to MySQL/MariaDB: ${message}` }
  if (kind === "login") return { kind, reason: `MySQL/MariaDB refused the login: ${message}` }
  if (kind === "timeout") return { kind, reason: `timed out: ${message}` }
  if (kind === "constraint") return { kind, reason: `a value was refused by a database constraint: ${message}` }
  if (kind === "uniqueViolation") return { kind, reason: `a unique key was violated: ${message}` }
  if (kind === "unreachable") return { kind, reason: `MySQL/MariaDB has no free connection: ${message}` }
  if (kind === "missingDatabase") return { kind, reason: `MySQL/MariaDB has no such database: ${message}` }
  if (kind !== undefined) return { kind, reason: message }
  if (/closed state|connection is closed/i.test(message))
    return { kind: "lostConnection", reason: `lost the connection to MySQL/MariaDB: ${message}` }
  if (/Pool is closed/i.test(message)) return { kind: "closed", reason: "the connection pool was closed" }
  return undefined
}

const SQLITE: ReadonlyArray<readonly [RegExp, FailureKind, string]> = [
  [/^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/, "uniqueViolation", "a unique key was violated"],
  [/^SQLITE_CONSTRAINT/, "constraint", "a value was refused by a database constraint"],
  [/^SQLITE_(BUSY|LOCKED)/, "timeout", "timed out waiting for another connection's lock on the SQLite database"],
  [/^SQLITE_CANTOPEN/, "unreachable", "cannot open the SQLite database file"],
  [/^SQLITE_READONLY/, "storage", "the SQLite database is read-only"],
  [/^SQLITE_FULL/, "storage", "the disk is full"],
  [/^SQLITE_(CORRUPT|NOTADB)/, "storage", "the SQLite file is damaged or is not a database"],
  [/^SQLITE_IOERR/, "storage", "a disk I/O error"]
]

const sqlite = (e: DriverError): Classified | undefined => {
  const code = str(e.code) ?? ""
  const message = messageOf(e)
  for (const [pattern, kind, what] of SQLITE) if (pattern.test(code)) return { kind, reason: `${what}: ${message}` }
  if (/^no such table/i.test(message)) return { kind: "missingTables", reason: `${message}: run migrateToLatest first` }
  if (/cannot open database/i.test(message)) return { kind: "unreachable", reason: `cannot open the SQLite database file: ${message}` }
  if (/connection is not open/i.test(message)) return { kind: "closed", reason: "the SQLite database was closed" }
  return undefined
}

const byDialect: Record<Dialect, (e: DriverError, where: string | undefined) => Classified | undefined> = {
  sqlite,
  postgres,
  mysql
}

/**
 * Sorts any error a driver (or Kysely) threw into a {@link FailureKind} with a plain reason.
 * `where` (host:port) names the server when the error itself does not.
 */
export const classify = (dialect: Dialect, error: unknown, where?: string): Classified => {
  const e = asDriverError(error)
  const found = byDialect[dialect](e, where) ?? network(dialect, e, where)
  if (found !== undefined) return found
  if (/driver has already been destroyed/i.test(messageOf(error)))
    return { kind: "closed", reason: "the database connection was closed" }
  return { kind: "other", reason: `${dialectTraits[dialect].product} failed: ${messageOf(error)}` }
}

/** The port's error for a driver failure: the plain reason, what the store was doing, and the original error. */
export const storeUnavailable = (dialect: Dialect, error: unknown, during: string, where?: string): StoreUnavailable =>
  error instanceof StoreUnavailable
    ? error
    : new StoreUnavailable({ reason: `${classify(dialect, error, where).reason} (while ${during})`, cause: error })

/**
 * Failures after which the whole transaction may simply run again: a deadlock or serialization
 * failure, or a key that another writer inserted first (the next attempt reads it and reports a
 * `Conflict`).
 */
export const isRetryable = (dialect: Dialect, error: unknown): boolean => {
  const cause = error instanceof StoreUnavailable ? error.cause : error
  const kind = classify(dialect, cause).kind
  return kind === "deadlock" || kind === "uniqueViolation"
}
