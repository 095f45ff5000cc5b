import { afterAll, describe, expect, it } from "@effect/vitest"
import { coreRecordKinds, defineRecordKind, field, memberKind, Store, StoreUnavailable } from "@zhibu/core/store"
import { createWrite, makeWidget, widgetKind, widgetMigrationSet } from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import { type Kysely, type Migration, sql } from "kysely"
import { connectUrl } from "../../src/connect.js"
import type { Dialect } from "../../src/dialect.js"
import { SqlStore } from "../../src/layer.js"
import { migrateToLatest, migrations, transactional } from "../../src/migrate.js"
import { DatabaseTooNew, MigrationFailed } from "../../src/migration-errors.js"
import { createRecordTable } from "../../src/migrations/record-table.js"
import { makeSqlStore } from "../../src/sql-store.js"
import { create, ctx, member } from "./records.js"
import { freshTenant } from "./targets.js"

/** An empty database: its Kysely instance, a URL other processes could use (servers only), and its disposal. */
export interface Fresh {
  readonly db: Kysely<any>
  readonly url?: string
  readonly close: () => Promise<void>
}

/** A later release's migration, for upgrade and downgrade tests. */
const addNote: Migration = {
  up: async (db) => {
    await db.schema.alterTable("zhibu_member").addColumn("test_note", "varchar(20)").execute()
  }
}

/** A later migration of the testkit's widget set. */
const addWidgetNote: Migration = {
  up: async (db) => {
    await db.schema.alterTable("zhibu_testkit_widget").addColumn("test_note", "varchar(20)").execute()
  }
}

/** A migration that creates a table and then fails. */
const broken: Migration = {
  up: async (db) => {
    await db.schema.createTable("zhibu_half_done").addColumn("x", "integer").execute()
    await sql.raw("this is not sql").execute(db)
  }
}

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const failure = async <A, E>(effect: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isFailure(exit) && exit.cause._tag === "Fail") return exit.cause.error
  throw new Error(`expected a failure, got ${JSON.stringify(exit)}`)
}

/** Versioned, forward-only migrations: fresh, repeated, concurrent, older, newer, failing. */
export const migrationSuite = (name: string, dialect: Dialect, fresh: () => Promise<Fresh>) =>
  describe(`migrations on ${name}`, () => {
    const opened: Array<Fresh> = []
    const open = async () => {
      const f = await fresh()
      opened.push(f)
      return f
    }
    afterAll(async () => {
      for (const f of opened) await f.close()
    })
    const current = migrations(dialect)
    // A later release's names sort after every real migration, whatever this release adds.
    const withNote = { ...current, "9999-test-note": addNote }
    const all = Object.keys(current)

    it("a new database is brought to the latest version; running again changes nothing", async () => {
      const { db } = await open()
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: all })
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: [] })
      const t = freshTenant()
      await run(makeSqlStore(db, dialect).write(t, [create(member(t, "m1"))], ctx()))
    })

    it("a database at an older version is migrated, and its records survive", async () => {
      const { db } = await open()
      await run(migrateToLatest(db, dialect, { migrations: current }))
      const t = freshTenant()
      await run(makeSqlStore(db, dialect).write(t, [create(member(t, "m1"))], ctx()))
      expect(await run(migrateToLatest(db, dialect, { migrations: withNote }))).toEqual({ applied: ["9999-test-note"] })
      expect((await run(makeSqlStore(db, dialect).get(memberKind, t, "m1"))).name).toBe("成员m1")
      await sql`select test_note from zhibu_member`.execute(db)
    })

    it("a database of the first release, with members, gets 0002's counts index and aggregates the members it had", async () => {
      const { db } = await open()
      const first = { "0001-initial": current["0001-initial"]! }
      await run(migrateToLatest(db, dialect, { migrations: first }))
      const t = freshTenant()
      const store = makeSqlStore(db, dialect)
      await run(store.write(t, [create(member(t, "m1")), create(member(t, "m2")), create(member(t, "m3", { stage: "full" }))], ctx()))
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: all.slice(1) })
      expect(await run(store.aggregate(memberKind, t, { groupBy: ["organizationId", "stage", "status"] }))).toEqual([
        { group: { organizationId: "b1", stage: "applicant", status: "active" }, count: 2, sums: {} },
        { group: { organizationId: "b1", stage: "full", status: "active" }, count: 1, sums: {} }
      ])
      // The index exists: creating it again fails.
      const again = await db.schema.createIndex("zhibu_member_counts").on("zhibu_member").column("tenant_id").execute().then(
        () => "created",
        () => "exists"
      )
      expect(again).toBe("exists")
    })

    it("an application's kind is one descriptor and one migration: its set runs after zhibu's, once, in its own bookkeeping", async () => {
      const { db } = await open()
      const sets = [widgetMigrationSet(createRecordTable)]
      expect(await run(migrateToLatest(db, dialect, { sets }))).toEqual({ applied: [...all, "testkit_widget/0001-widget"] })
      expect(await run(migrateToLatest(db, dialect, { sets }))).toEqual({ applied: [] })
      // zhibu's own bookkeeping never sees the set's names, so zhibu alone does not find the database too new.
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: [] })
      const t = freshTenant()
      const store = makeSqlStore(db, dialect, [...coreRecordKinds, widgetKind])
      const widgets = [makeWidget(t, "w1", { quantity: 3 }), makeWidget(t, "w2", { quantity: -1, colour: "Red" }), makeWidget(t, "w3", { quantity: 5 })]
      await run(store.write(t, widgets.map((w) => createWrite(widgetKind, w)), ctx()))
      expect(await run(store.get(widgetKind, t, "w2"))).toEqual({ ...widgets[1], version: 1 })
      expect(await run(store.aggregate(widgetKind, t, { groupBy: ["colour"], sum: ["quantity"] }))).toEqual([
        { group: { colour: "Red" }, count: 1, sums: { quantity: -1 } },
        { group: { colour: "red" }, count: 2, sums: { quantity: 8 } }
      ])
      // A set's own later migration applies on its own; an unknown one in the set's table is that set's DatabaseTooNew.
      const later = { name: "testkit_widget", migrations: () => ({ ...sets[0]!.migrations(dialect), "0002-later": addWidgetNote }) }
      expect(await run(migrateToLatest(db, dialect, { sets: [later] }))).toEqual({ applied: ["testkit_widget/0002-later"] })
      const tooNew = await failure(migrateToLatest(db, dialect, { sets }))
      expect(tooNew).toMatchObject({ unknown: ["0002-later"] })
    })

    it("a kind whose table and index names pass 64 characters migrates on every dialect, each index under a name of its own", async () => {
      const { db } = await open()
      const Activity = Schema.Struct({
        tenantId: Schema.String,
        id: Schema.String,
        version: Schema.Int,
        organizationId: Schema.String,
        activityDate: Schema.String,
        status: Schema.String
      })
      type Activity = typeof Activity.Type
      const activityKind = defineRecordKind({
        name: "volunteerActivity",
        table: "zz_application_volunteer_activity_records_of_the_school_year",
        schema: Activity,
        fields: {
          organizationId: field.key((a: Activity) => a.organizationId),
          activityDate: field.date((a: Activity) => a.activityDate),
          status: field.key((a: Activity) => a.status),
          statusCode: field.key((a: Activity) => a.status.toUpperCase())
        },
        // Both names share their first 63 characters: PostgreSQL would cut them to one name.
        indexes: [
          ["organizationId", "activityDate", "status"],
          ["organizationId", "activityDate", "statusCode"]
        ]
      })
      const sets = [{ name: "volunteer", migrations: (d: Dialect) => ({ "0001-activity": createRecordTable(activityKind)(d) }) }]
      expect(await run(migrateToLatest(db, dialect, { sets }))).toEqual({ applied: [...all, "volunteer/0001-activity"] })
      const t = freshTenant()
      const store = makeSqlStore(db, dialect, [activityKind])
      const activity = { tenantId: t, id: "a1", organizationId: "b1", activityDate: "2026-03-05", status: "done" }
      await run(store.write(t, [createWrite(activityKind, activity)], ctx()))
      expect(await run(store.list(activityKind, t, { organizationId: "b1", activityDate: { gte: "2026-03-01" } }))).toEqual([{ ...activity, version: 1 }])
    })

    it("a store serving a kind whose migration was never run fails its calls plainly; its other kinds still work", async () => {
      const { db } = await open()
      await run(migrateToLatest(db, dialect))
      const t = freshTenant()
      const store = makeSqlStore(db, dialect, [...coreRecordKinds, widgetKind])
      const error = await failure(store.list(widgetKind, t))
      expect(error).toBeInstanceOf(StoreUnavailable)
      expect(error.message).toContain("run migrateToLatest first")
      await run(store.write(t, [create(member(t, "m1"))], ctx()))
      expect(await run(store.list(memberKind, t))).toHaveLength(1)
    })

    it("a database with a migration this release does not know is refused with DatabaseTooNew, also by the layer", async () => {
      const { db } = await open()
      await run(migrateToLatest(db, dialect, { migrations: withNote }))
      const error = await failure(migrateToLatest(db, dialect))
      expect(error).toBeInstanceOf(DatabaseTooNew)
      expect(error).toMatchObject({ unknown: ["9999-test-note"], known: all })
      expect(error.message).toContain("upgrade the application")
      const layer = await failure(Effect.scoped(Effect.asVoid(Effect.provide(Store, SqlStore.layer({ db, dialect, migrate: "onStart" })))))
      expect(layer).toBeInstanceOf(DatabaseTooNew)
    })

    it("a failing migration is reported by name with MigrationFailed", async () => {
      const { db } = await open()
      await run(migrateToLatest(db, dialect))
      const error = await failure(migrateToLatest(db, dialect, { migrations: { ...current, "9999-broken": transactional(dialect, broken) } }))
      expect(error).toBeInstanceOf(MigrationFailed)
      expect(error).toMatchObject({ migration: "9999-broken" })
      // PostgreSQL and SQLite run DDL in the migration's transaction; MySQL cannot.
      const left = await sql`select count(*) as n from zhibu_half_done`.execute(db).then(
        () => true,
        () => false
      )
      expect(left).toBe(dialect === "mysql")
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: [] })
    })

    it("with migrate: never, an unmigrated database fails calls plainly, asking for migrateToLatest", async () => {
      const { db } = await open()
      const store = await run(Effect.scoped(Effect.provide(Store, SqlStore.layer({ db, dialect, migrate: "never" }))))
      const error = await failure(store.list(memberKind, freshTenant()))
      expect(error).toBeInstanceOf(StoreUnavailable)
      expect(error.message).toContain("run migrateToLatest first")
    })

    it("migrations started at once from several connections apply once and all succeed", async () => {
      const { db, url } = await open()
      const pools = url === undefined ? [db, db, db] : await Promise.all([0, 1, 2].map(async () => (await run(connectUrl(url, { poolSize: 1 }))).db))
      try {
        const reports = await Promise.all(pools.map((p) => run(migrateToLatest(p, dialect))))
        expect(reports.flatMap((r) => r.applied).sort()).toEqual(all)
      } finally {
        if (url !== undefined) await Promise.all(pools.map((p) => p.destroy()))
      }
    })
  })
