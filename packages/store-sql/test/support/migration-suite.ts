import { afterAll, describe, expect, it } from "@effect/vitest"
import {
  coreRecordKinds,
  defineRecordKind,
  duesMonthKind,
  duesPaymentKind,
  field,
  meetingKind,
  memberKind,
  Store,
  StoreUnavailable,
  studyCreditKind
} from "@zhibu/core/store"
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
import { reportIndexes } from "../../src/migrations/0006-report-indexes.js"
import { meetingKindBefore0007 } from "../../src/migrations/0007-talk-pairs.js"
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

    it("a database at 0005 with dues and study records gets 0006's covering indexes; the annual summary's aggregates answer as before", async () => {
      const { db } = await open()
      const upTo0005 = Object.fromEntries(Object.entries(current).filter(([n]) => n < "0006"))
      await run(migrateToLatest(db, dialect, { migrations: upTo0005 }))
      const t = freshTenant()
      const store = makeSqlStore(db, dialect)
      const base = { tenantId: t }
      const months = [
        { id: "dm1", memberId: "m1", organizationId: "b1", month: "2025-01", due: 300, paid: 300, paidOn: "2025-01-10" },
        { id: "dm2", memberId: "m1", organizationId: "b1", month: "2025-02", due: 300, paid: 0, paidOn: null },
        { id: "dm3", memberId: "m2", organizationId: "b2", month: "2025-04", due: 500, paid: 500, paidOn: "2025-05-02" },
        { id: "dm4", memberId: "m2", organizationId: "b2", month: "2024-12", due: 500, paid: 500, paidOn: "2024-12-20" }
      ].map((m) => ({ ...base, ...m, assessmentId: "a1", paymentId: m.paidOn === null ? null : `p-${m.id}` }))
      const payments = [
        { id: "p1", memberId: "m1", organizationId: "b1", paidOn: "2025-01-10", amount: 300 },
        { id: "p2", memberId: "m2", organizationId: "b2", paidOn: "2025-05-02", amount: 500 },
        { id: "p3", memberId: "m2", organizationId: "b2", paidOn: "2025-05-20", amount: 200 }
      ].map((p) => ({ ...base, ...p, method: "monthly", paidBy: null, consentOn: null, months: [{ month: "2025-01", amount: p.amount }], voluntary: 0, toCentre: 0 }))
      const credits = [
        { id: "c1", memberId: "m1", organizationId: "b1", on: "2025-03-01", tenths: 40, centralized: true },
        { id: "c2", memberId: "m1", organizationId: "b1", on: "2025-06-01", tenths: 25, centralized: false },
        { id: "c3", memberId: "m2", organizationId: "b2", on: "2025-12-30", tenths: 80, centralized: false }
      ].map((c) => ({ ...base, ...c, year: 2025, source: "training", sessionId: null, title: "培训" }))
      await run(
        store.write(
          t,
          [
            ...months.map((m) => createWrite(duesMonthKind, m)),
            ...payments.map((p) => createWrite(duesPaymentKind, p)),
            ...credits.map((c) => createWrite(studyCreditKind, c))
          ],
          ctx()
        )
      )
      const organizationId = ["b1", "b2"]
      const aggregates = () =>
        run(
          Effect.all([
            store.aggregate(duesMonthKind, t, { groupBy: ["organizationId", "quarter"], filter: { organizationId, year: 2025, monthStart: { lte: "2025-12-31" } }, sum: ["due", "paid"] }),
            store.aggregate(duesPaymentKind, t, { groupBy: ["organizationId", "quarter"], filter: { organizationId, year: 2025, paidOn: { lte: "2025-12-31" } }, sum: ["amount"] }),
            store.aggregate(studyCreditKind, t, { groupBy: ["organizationId", "memberId"], filter: { organizationId, year: 2025, on: { lte: "2025-12-29" } }, sum: ["tenths", "centralized"] })
          ])
        )
      const before = await aggregates()
      expect(before[0]).toEqual([
        { group: { organizationId: "b1", quarter: "2025-Q1" }, count: 2, sums: { due: 600, paid: 300 } },
        { group: { organizationId: "b2", quarter: "2025-Q2" }, count: 1, sums: { due: 500, paid: 500 } }
      ])
      expect(before[1]).toEqual([
        { group: { organizationId: "b1", quarter: "2025-Q1" }, count: 1, sums: { amount: 300 } },
        { group: { organizationId: "b2", quarter: "2025-Q2" }, count: 2, sums: { amount: 700 } }
      ])
      expect(before[2]).toEqual([{ group: { organizationId: "b1", memberId: "m1" }, count: 2, sums: { tenths: 65, centralized: 1 } }])
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: all.filter((n) => n >= "0006") })
      expect(await aggregates()).toEqual(before)
      for (const index of reportIndexes) {
        // Each index exists: creating it again fails.
        const again = await db.schema.createIndex(index.name).on(index.table).column("tenant_id").execute().then(
          () => "created",
          () => "exists"
        )
        expect(again, index.name).toBe("exists")
      }
      if (dialect === "sqlite") {
        // SQLite answers the dues months from the index alone.
        const plan = await sql<{ detail: string }>`explain query plan select organization_id, quarter, sum(due), sum(paid) from zhibu_dues_month where tenant_id = ${t} and organization_id in ('b1', 'b2') and year = 2025 and month_start <= '2025-12-31' group by organization_id, quarter`.execute(db)
        expect(plan.rows.map((r) => r.detail).join("\n")).toContain("COVERING INDEX zhibu_dues_month_report")
        // The study credits, for one branch as for many, from their index in group order: no temporary sort.
        for (const orgs of [sql`('b1')`, sql`('b1', 'b2')`]) {
          const credits = await sql<{ detail: string }>`explain query plan select organization_id, member_id, sum(tenths), sum(centralized) from zhibu_study_credit where tenant_id = ${t} and organization_id in ${orgs} and year = 2025 and "on" <= '2025-12-31' group by organization_id, member_id`.execute(db)
          const detail = credits.rows.map((r) => r.detail).join("\n")
          expect(detail).toContain("COVERING INDEX zhibu_study_credit_report")
          expect(detail).not.toContain("TEMP B-TREE")
        }
      }
    })

    it("a database before 0007 with meetings gets the 谈心谈话 pair-type columns, a plain talks backfilled as all three (meeting.talks.yearly)", async () => {
      const { db } = await open()
      const before = Object.fromEntries(Object.entries(current).filter(([n]) => n < "0007"))
      await run(migrateToLatest(db, dialect, { migrations: before }))
      const t = freshTenant()
      // The store of the release before 0007: the meeting kind without the pair-type fields.
      const old = makeSqlStore(db, dialect, coreRecordKinds.map((k) => (k === meetingKind ? meetingKindBefore0007(k) : k)))
      const meeting = (id: string, organizationId: string, kinds: ReadonlyArray<string>) => ({
        tenantId: t,
        id,
        organizationId,
        branchId: organizationId,
        kinds,
        date: "2025-10-20",
        chairId: null,
        agenda: [],
        counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 },
        resolutions: []
      })
      await run(
        old.write(
          t,
          [
            createWrite(meetingKind, meeting("mt1", "b1", ["talks"])),
            createWrite(meetingKind, meeting("mt2", "b1", ["themeDay", "talks"])),
            createWrite(meetingKind, meeting("mt3", "b2", ["themeDay"]))
          ],
          ctx()
        )
      )
      expect(await run(migrateToLatest(db, dialect))).toEqual({ applied: all.filter((n) => n >= "0007") })
      const store = makeSqlStore(db, dialect)
      await run(store.write(t, [createWrite(meetingKind, meeting("mt4", "b2", ["talksCommitteeWithMembers"]))], ctx()))
      const sum = ["talks", "talksAmongCommittee", "talksCommitteeWithMembers", "talksAmongMembers", "themeDay"] as const
      expect(await run(store.aggregate(meetingKind, t, { groupBy: ["organizationId"], sum }))).toEqual([
        { group: { organizationId: "b1" }, count: 2, sums: { talks: 2, talksAmongCommittee: 2, talksCommitteeWithMembers: 2, talksAmongMembers: 2, themeDay: 1 } },
        { group: { organizationId: "b2" }, count: 2, sums: { talks: 0, talksAmongCommittee: 0, talksCommitteeWithMembers: 1, talksAmongMembers: 0, themeDay: 1 } }
      ])
      // The old records read back as they were written.
      expect((await run(store.get(meetingKind, t, "mt2"))).kinds).toEqual(["themeDay", "talks"])
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
