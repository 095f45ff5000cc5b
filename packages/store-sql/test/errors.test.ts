import { describe, expect, it } from "@effect/vitest"
import { memberKind, StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { connectSqlite, connectUrl, loadDriver } from "../src/connect.js"
import { classify } from "../src/errors.js"
import { migrateToLatest } from "../src/migrate.js"
import { makeSqlStore } from "../src/sql-store.js"
import { create, ctx, member } from "./support/records.js"

const failure = (effect: Effect.Effect<unknown, StoreUnavailable>) => Effect.runPromise(Effect.flip(effect))

describe("a wrong URL or an unreachable server says so plainly, as StoreUnavailable", () => {
  const refused: ReadonlyArray<[string, string]> = [
    ["postgres://zhibu@127.0.0.1:1/test", "cannot reach PostgreSQL at 127.0.0.1:1: connection refused"],
    ["postgresql://zhibu@localhost:1/test", "cannot reach PostgreSQL at 127.0.0.1:1: connection refused"],
    ["mysql://root@127.0.0.1:1/test", "cannot reach MySQL/MariaDB at 127.0.0.1:1: connection refused"],
    ["mariadb://root@localhost:1/test", "cannot reach MySQL/MariaDB at 127.0.0.1:1: connection refused"]
  ]
  for (const [url, reason] of refused)
    it(`a closed port: ${url} → "${reason}"`, async () => {
      const error = await failure(connectUrl(url))
      expect(error).toBeInstanceOf(StoreUnavailable)
      expect(error.reason).toContain(reason)
    })

  it("an unknown host is named", async () => {
    expect((await failure(connectUrl("postgres://zhibu@nohost.invalid/test"))).reason).toContain(
      "cannot reach PostgreSQL at nohost.invalid: host not found"
    )
  })

  it("a password in the URL never appears in the error", async () => {
    for (const url of ["postgres://zhibu:s3cret-pw@127.0.0.1:1/test", "mysql://root:s3cret-pw@127.0.0.1:1/test"]) {
      const error = await failure(connectUrl(url))
      expect(`${error.message} ${error.reason}`).not.toContain("s3cret-pw")
    }
  })

  it("a URL of another scheme, or a malformed one, is refused before any connection", async () => {
    expect((await failure(connectUrl("http://example.org/db"))).reason).toContain('not a database URL (it starts with "http:")')
    expect((await failure(connectUrl("postgres://[::1"))).reason).toContain("not a valid postgres:// URL")
  })

  it("a SQLite file in a missing directory cannot be opened, and says so", async () => {
    const error = await failure(connectUrl("sqlite:/nonexistent-zhibu-dir/zhibu.db"))
    expect(error.reason).toContain("cannot open the SQLite database file")
  })

  it("a missing optional driver asks for it to be installed", async () => {
    const error = await failure(loadDriver("pg", "PostgreSQL", () => import("zhibu-no-such-driver" as string)))
    expect(error.reason).toBe(
      "the PostgreSQL driver is not installed: run `npm install pg` (an optional peer dependency of @zhibu/store-sql)"
    )
  })
})

describe("driver errors during use become StoreUnavailable with a plain reason", () => {
  it("a file that is not a database: damaged or not a database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-sql-"))
    try {
      writeFileSync(join(dir, "notes.db"), "这不是数据库 — not a database ".repeat(200))
      const error = await failure(Effect.flatMap(connectUrl(`sqlite:${join(dir, "notes.db")}`), (c) => migrateToLatest(c.db, "sqlite")) as never)
      expect(error.reason).toContain("the SQLite file is damaged or is not a database")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("another process holding the write lock past the busy timeout: timed out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-sql-"))
    const file = join(dir, "zhibu.db")
    const holder = await Effect.runPromise(connectSqlite(file))
    const waiter = await Effect.runPromise(connectSqlite(file, { busyTimeoutMs: 50 }))
    try {
      await Effect.runPromise(migrateToLatest(holder.db, "sqlite"))
      // better-sqlite3 is synchronous: the holder's lock stays until it commits, whatever the event loop does.
      await sql.raw("begin immediate").execute(holder.db)
      const error = await failure(makeSqlStore(waiter.db, "sqlite").write("t1", [create(member("t1", "m1"))], ctx()) as never)
      expect(error.reason).toContain("timed out waiting for another connection's lock on the SQLite database")
      await sql.raw("rollback").execute(holder.db)
      expect(await Effect.runPromise(makeSqlStore(waiter.db, "sqlite").list(memberKind, "t1"))).toEqual([])
    } finally {
      await Effect.runPromise(holder.close)
      await Effect.runPromise(waiter.close)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("a store whose database was closed: says it was closed", async () => {
    const c = await Effect.runPromise(connectSqlite(":memory:"))
    await Effect.runPromise(migrateToLatest(c.db, "sqlite"))
    await Effect.runPromise(c.close)
    const error = await failure(makeSqlStore(c.db, "sqlite").list(memberKind, "t1"))
    expect(error.reason).toMatch(/closed/)
  })

  it("constraint and unique violations from SQLite are sorted as such", async () => {
    const c = await Effect.runPromise(connectSqlite(":memory:"))
    try {
      await Effect.runPromise(migrateToLatest(c.db, "sqlite"))
      const insert = () => sql`insert into zhibu_tenant_counter (tenant_id, audit_seq) values ('t', 1)`.execute(c.db)
      await insert()
      expect(classify("sqlite", await insert().catch((e) => e)).kind).toBe("uniqueViolation")
      const nulls = await sql`insert into zhibu_tenant_counter (tenant_id, audit_seq) values ('u', null)`.execute(c.db).catch((e) => e)
      expect(classify("sqlite", nulls)).toMatchObject({ kind: "constraint" })
    } finally {
      await Effect.runPromise(c.close)
    }
  })
})
