import type { StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { type Kysely, sql } from "kysely"
import { type Dialect, type DialectTraits, dialectTraits } from "./dialect.js"
import { isRetryable, storeUnavailable } from "./errors.js"
import type { ZhibuDatabase } from "./schema-types.js"

/** The database and its dialect: what every query helper needs. */
export interface SqlContext {
  readonly db: Kysely<ZhibuDatabase>
  /** The same database, for the record tables, which each kind's descriptor names at run time. */
  readonly records: Kysely<any>
  readonly dialect: Dialect
  readonly traits: DialectTraits
}

export const sqlContext = (db: Kysely<any>, dialect: Dialect): SqlContext => ({
  db: db as Kysely<ZhibuDatabase>,
  records: db,
  dialect,
  traits: dialectTraits[dialect]
})

/** Runs one driver call; whatever it throws becomes `StoreUnavailable` here, once, at the boundary. */
export const attempt = <A>(ctx: SqlContext, during: string, run: () => Promise<A>): Effect.Effect<A, StoreUnavailable> =>
  Effect.tryPromise({ try: run, catch: (e) => storeUnavailable(ctx.dialect, e, during) })

interface Held {
  readonly conn: Kysely<ZhibuDatabase>
  readonly release: () => void
}

/** Borrows one connection from Kysely and keeps it until `release` is called. */
const borrow = (ctx: SqlContext): Effect.Effect<Held, StoreUnavailable> =>
  attempt(
    ctx,
    "opening a connection",
    () =>
      new Promise<Held>((resolve, reject) => {
        let release: () => void = () => {}
        const done = new Promise<void>((r) => {
          release = r
        })
        ctx.db
          .connection()
          .execute((conn) => {
            resolve({ conn, release })
            return done
          })
          .catch(reject)
      })
  )

const ATTEMPTS = 3

/**
 * Runs `body` in one database transaction on one connection: commits when it succeeds, rolls back
 * when it fails or is interrupted. A deadlock, a serialization failure or a key inserted first by
 * another writer runs the whole transaction again (at most {@link ATTEMPTS} times), which is safe
 * because the failed attempt left nothing behind.
 */
export const transaction = <A, E>(
  ctx: SqlContext,
  during: string,
  body: (trx: Kysely<ZhibuDatabase>) => Effect.Effect<A, E | StoreUnavailable>
): Effect.Effect<A, E | StoreUnavailable> => {
  const once = Effect.acquireUseRelease(
    borrow(ctx),
    ({ conn }) =>
      Effect.gen(function* () {
        for (const statement of ctx.traits.begin)
          yield* attempt(ctx, `${during}: starting a transaction`, () => sql.raw(statement).execute(conn))
        const result = yield* body(conn)
        yield* attempt(ctx, `${during}: committing`, () => sql.raw("commit").execute(conn))
        return result
      }),
    ({ conn, release }, exit) =>
      (Exit.isSuccess(exit)
        ? Effect.void
        : Effect.ignore(Effect.tryPromise(() => sql.raw("rollback").execute(conn)))
      ).pipe(Effect.ensuring(Effect.sync(release)))
  )
  return Effect.retry(once, {
    times: ATTEMPTS - 1,
    while: (e) => isRetryable(ctx.dialect, e)
  })
}

/** Splits rows into chunks for multi-row statements. */
export const chunks = <A>(rows: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}
