import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Conflict, memberKind, organizationKind, type StoreShape, StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { CompiledQuery, type Kysely, Kysely as KyselyClass, MysqlDialect, sql } from "kysely"
import { createPool } from "mysql2"
import { connectUrl } from "../../src/connect.js"
import { migrateToLatest } from "../../src/migrate.js"
import { makeSqlStore } from "../../src/sql-store.js"
import { create, ctx, member, organization, update } from "./records.js"
import { freshTenant } from "./targets.js"

type ServerDialect = "postgres" | "mysql"

/** What differs between the two servers in these tests, as data. */
interface ServerTraits {
  /** The URL with sessions tagged by `marker`, so a test finds only its own sessions. */
  readonly tagged: (url: string, marker: string) => string
  /** How many of the tagged sessions wait for a lock. */
  readonly waiting: (admin: Kysely<any>, marker: string, tenant: string) => Promise<number>
  /** Ends the tagged sessions that wait for a lock, from the server side. */
  readonly kill: (admin: Kysely<any>, marker: string, tenant: string) => Promise<void>
  /** A Kysely whose lock waits give up after about a second. */
  readonly impatient: (url: string) => Promise<Kysely<any>>
  readonly lostConnection: RegExp
  readonly timeout: RegExp
}

const withParam = (url: string, key: string, value: string) => {
  const u = new URL(url)
  u.searchParams.set(key, value)
  return u.href
}

const mysqlLockWaiters = (admin: Kysely<any>, tenant: string) =>
  sql<{ id: number }>`select trx_mysql_thread_id as id from information_schema.innodb_trx
    where trx_state = 'LOCK WAIT' and trx_query like ${`%${tenant}%`}`.execute(admin)

const servers: Record<ServerDialect, ServerTraits> = {
  postgres: {
    tagged: (url, marker) => withParam(url, "application_name", marker),
    waiting: async (admin, marker) =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from pg_stat_activity
            where application_name = ${marker} and wait_event_type = 'Lock'`.execute(admin)
        ).rows[0]!.n
      ),
    kill: async (admin, marker) => {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = ${marker} and wait_event_type = 'Lock'`.execute(admin)
    },
    impatient: async (url) =>
      (await Effect.runPromise(connectUrl(withParam(url, "options", "-c lock_timeout=1000"), { poolSize: 2 }))).db,
    lostConnection: /lost the connection to PostgreSQL/,
    timeout: /timed out: canceling statement due to lock timeout/
  },
  mysql: {
    tagged: (url) => url,
    waiting: async (admin, _marker, tenant) => (await mysqlLockWaiters(admin, tenant)).rows.length,
    kill: async (admin, _marker, tenant) => {
      for (const { id } of (await mysqlLockWaiters(admin, tenant)).rows) await sql.raw(`kill ${Number(id)}`).execute(admin)
    },
    impatient: async (url) =>
      new KyselyClass<any>({
        dialect: new MysqlDialect({
          pool: createPool({ uri: url, connectionLimit: 2, charset: "UTF8MB4_BIN" }),
          onCreateConnection: async (conn) => {
            await conn.executeQuery(CompiledQuery.raw("set session innodb_lock_wait_timeout = 1"))
          }
        })
      }),
    lostConnection: /lost the connection to MySQL\/MariaDB/,
    timeout: /timed out: Lock wait timeout exceeded/
  }
}

/**
 * Polls until `check` holds; a generous deadline, never a timing assertion. Every 200 ms because
 * InnoDB refreshes `information_schema.innodb_trx` only when it was not read for 100 ms.
 */
const until = async (check: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 20_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Holds the tenant's counter row lock on a connection of its own until `release` is called. */
const holdTenantLock = async (admin: Kysely<any>, dialect: ServerDialect, tenant: string) => {
  let release!: () => void
  const released = new Promise<void>((r) => {
    release = r
  })
  let locked!: () => void
  const isLocked = new Promise<void>((r) => {
    locked = r
  })
  const done = admin.connection().execute(async (conn) => {
    await sql.raw(dialect === "mysql" ? "start transaction" : "begin").execute(conn)
    await sql`select audit_seq from zhibu_tenant_counter where tenant_id = ${tenant} for update`.execute(conn)
    locked()
    await released
    await sql.raw("commit").execute(conn)
  })
  await isLocked
  return {
    release: async () => {
      release()
      await done
    }
  }
}

/** Tests only a real server can answer: real races between connections, killed sessions, lock timeouts. */
export const serverSuite = (dialect: ServerDialect, url: string) =>
  describe(`real ${dialect === "postgres" ? "PostgreSQL" : "MariaDB/MySQL"} server`, () => {
    const traits = servers[dialect]
    let admin: Kysely<any>
    let store: StoreShape
    beforeAll(async () => {
      admin = (await Effect.runPromise(connectUrl(url, { poolSize: 3 }))).db
      await Effect.runPromise(migrateToLatest(admin, dialect))
      store = makeSqlStore(admin, dialect)
    })
    afterAll(() => admin?.destroy())
    const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

    it("a database that does not exist, or a user the server does not know, is named plainly", async () => {
      const missing = new URL(url)
      missing.pathname = "/zhibu_no_such_database"
      const noDb = await run(Effect.flip(connectUrl(missing.href)))
      expect(noDb.reason).toMatch(/has no such database: .*zhibu_no_such_database/)
      const stranger = new URL(url)
      stranger.username = "zhibu_no_such_user"
      const noUser = await run(Effect.flip(connectUrl(stranger.href)))
      expect(noUser.reason).toMatch(/refused the login/)
    })

    it("two connections update one record from the same version: exactly one wins, the other gets Conflict", async () => {
      const tenant = freshTenant("race")
      const marker = `zhibu-race-${Math.random().toString(36).slice(2, 10)}`
      await run(store.write(tenant, [create(organization(tenant, "b1"))], ctx()))
      const [a, b] = await Promise.all([0, 1].map(() => Effect.runPromise(connectUrl(traits.tagged(url, marker), { poolSize: 1 }))))
      const lock = await holdTenantLock(admin, dialect, tenant)
      try {
        const attempts = [a!, b!].map((c, i) =>
          run(Effect.either(makeSqlStore(c.db, dialect).write(tenant, [update(organization(tenant, "b1", { name: `改${i}` }), 1)], ctx())))
        )
        // Both transactions are open and queue on the same lock before either may go on.
        await until(async () => (await traits.waiting(admin, marker, tenant)) === 2, "both writers wait")
        await lock.release()
        const results = await Promise.all(attempts)
        expect(results.filter(Either.isRight)).toHaveLength(1)
        const losses = results.filter(Either.isLeft).map((r) => r.left)
        expect(losses).toHaveLength(1)
        expect(losses[0]).toBeInstanceOf(Conflict)
        expect(losses[0]).toMatchObject({ expectedVersion: 1, actualVersion: 2 })
        expect((await run(store.get(organizationKind, tenant, "b1"))).version).toBe(2)
        expect((await run(store.auditLog(tenant))).map((e) => e.version)).toEqual([1, 2])
      } finally {
        await Promise.all([a!, b!].map((c) => run(c.close)))
      }
    })

    it("a connection killed by the server mid-write gives StoreUnavailable naming the lost connection; nothing is written", async () => {
      const tenant = freshTenant("lost")
      const marker = `zhibu-lost-${Math.random().toString(36).slice(2, 10)}`
      await run(store.write(tenant, [create(organization(tenant, "b1"))], ctx()))
      const victim = await Effect.runPromise(connectUrl(traits.tagged(url, marker), { poolSize: 1 }))
      const lock = await holdTenantLock(admin, dialect, tenant)
      try {
        const victimStore = makeSqlStore(victim.db, dialect)
        const attempt = run(Effect.flip(victimStore.write(tenant, [create(member(tenant, "m1"))], ctx())))
        await until(async () => (await traits.waiting(admin, marker, tenant)) === 1, "the writer waits")
        await traits.kill(admin, marker, tenant)
        const error = await attempt
        expect(error).toBeInstanceOf(StoreUnavailable)
        expect(error.message).toMatch(traits.lostConnection)
        await lock.release()
        expect(await run(store.list(memberKind, tenant))).toEqual([])
        // The pool replaces the dead connection: the next write works.
        await run(victimStore.write(tenant, [create(member(tenant, "m1"))], ctx()))
        expect(await run(store.list(memberKind, tenant))).toHaveLength(1)
      } finally {
        await lock.release().catch(() => {})
        await run(victim.close)
      }
    })

    it("a lock wait that times out gives StoreUnavailable saying so; nothing is written", async () => {
      const tenant = freshTenant("slow")
      await run(store.write(tenant, [create(organization(tenant, "b1"))], ctx()))
      const impatient = await traits.impatient(url)
      const lock = await holdTenantLock(admin, dialect, tenant)
      try {
        const error = await run(Effect.flip(makeSqlStore(impatient, dialect).write(tenant, [create(member(tenant, "m1"))], ctx())))
        expect(error).toBeInstanceOf(StoreUnavailable)
        expect(error.message).toMatch(traits.timeout)
      } finally {
        await lock.release()
        await impatient.destroy()
      }
      expect(await run(store.list(memberKind, tenant))).toEqual([])
    })
  })
