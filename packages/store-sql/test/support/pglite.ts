import { PGlite } from "@electric-sql/pglite"
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from "kysely"
import { Kysely } from "kysely"
import { KyselyPGlite } from "kysely-pglite"

/**
 * kysely-pglite 0.6.1 returns PGlite's `affectedRows` where Kysely reads `numAffectedRows`, so
 * every update would report 0 rows. This passes the count on.
 */
const countingRows = (inner: DatabaseConnection): DatabaseConnection => ({
  executeQuery: async <R>(query: CompiledQuery) => {
    const result = (await inner.executeQuery<R>(query)) as QueryResult<R> & { affectedRows?: number }
    return result.affectedRows === undefined || result.numAffectedRows !== undefined
      ? result
      : { ...result, numAffectedRows: BigInt(result.affectedRows) }
  },
  streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize)
})

/**
 * kysely-pglite 0.6.1 also hands every caller the same PGlite session without a lock, so two
 * transactions would interleave their statements in one session. This driver lends the session
 * to one caller at a time, as Kysely's own SQLite driver does.
 */
class SerializedDriver implements Driver {
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined
  constructor(private readonly inner: Driver) {}
  init = () => this.inner.init()
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise((r) => {
      release = r
    })
    await previous
    this.#release = release
    return countingRows(await this.inner.acquireConnection())
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection)
    const release = this.#release
    this.#release = undefined
    release?.()
  }
  beginTransaction: Driver["beginTransaction"] = (c, s) => this.inner.beginTransaction(c, s)
  commitTransaction: Driver["commitTransaction"] = (c) => this.inner.commitTransaction(c)
  rollbackTransaction: Driver["rollbackTransaction"] = (c) => this.inner.rollbackTransaction(c)
  destroy = () => this.inner.destroy()
}

/** A Kysely instance over a fresh in-memory PGlite (PostgreSQL 18 in WASM). */
export const pgliteKysely = async (): Promise<Kysely<any>> => {
  const pglite = await PGlite.create()
  const { dialect } = new KyselyPGlite(pglite)
  const serialized: Dialect = { ...dialect, createDriver: () => new SerializedDriver(dialect.createDriver()) }
  return new Kysely<any>({ dialect: serialized })
}
