import type { StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { type Kysely, type Migration, Migrator, sql } from "kysely"
import type { Dialect } from "./dialect.js"
import { classify, storeUnavailable } from "./errors.js"
import { DatabaseTooNew, MigrationFailed } from "./migration-errors.js"
import { initial } from "./migrations/0001-initial.js"
import { memberCounts } from "./migrations/0002-member-counts.js"
import { meetings } from "./migrations/0003-meetings.js"
import { evaluationStudyDues } from "./migrations/0004-evaluation-study-dues.js"
import { membershipChanges } from "./migrations/0005-membership-changes.js"
import { reportCoveringIndexes } from "./migrations/0006-report-indexes.js"
import { talkPairs } from "./migrations/0007-talk-pairs.js"

/** Kysely's bookkeeping tables, named after ours. */
export const MIGRATION_TABLE = "zhibu_migration"
export const MIGRATION_LOCK_TABLE = "zhibu_migration_lock"

/**
 * Runs a migration in a transaction of its own on SQLite, where Kysely does not (it does on
 * PostgreSQL; MySQL commits each DDL statement, so a failed migration there needs a manual look).
 */
export const transactional = (dialect: Dialect, migration: Migration): Migration =>
  dialect !== "sqlite"
    ? migration
    : {
        up: async (db) => {
          await sql.raw("begin immediate").execute(db)
          try {
            await migration.up(db)
          } catch (e) {
            await sql.raw("rollback").execute(db)
            throw e
          }
          await sql.raw("commit").execute(db)
        }
      }

/** Every migration this release knows, by name; names sort in the order they run. Forward-only. */
export const migrations = (dialect: Dialect): Record<string, Migration> => ({
  "0001-initial": transactional(dialect, initial(dialect)),
  "0002-member-counts": transactional(dialect, memberCounts()),
  "0003-meetings": transactional(dialect, meetings(dialect)),
  "0004-evaluation-study-dues": transactional(dialect, evaluationStudyDues(dialect)),
  "0005-membership-changes": transactional(dialect, membershipChanges(dialect)),
  "0006-report-indexes": transactional(dialect, reportCoveringIndexes()),
  "0007-talk-pairs": transactional(dialect, talkPairs())
})

/** What `migrateToLatest` did: the migrations it applied now (empty when the database was current). */
export interface MigrationReport {
  readonly applied: ReadonlyArray<string>
}

/**
 * An application's own migrations, for record kinds of its own: kept apart from zhibu's in the
 * tables `zhibu_migration_<name>` and `zhibu_migration_lock_<name>`, so that neither set ever sees
 * the other's names (a database is never "too new" because of an application's kinds).
 */
export interface MigrationSet {
  /** Letters, digits and `_`: it names the set's bookkeeping tables. */
  readonly name: string
  /** The set's migrations for a dialect, by name; applied in name order. */
  readonly migrations: (dialect: Dialect) => Record<string, Migration>
}

/** Options of {@link migrateToLatest}: replacement migrations (tests) and the application's own migration sets. */
export interface MigrateOptions {
  /** Replaces the known migrations; for tests of upgrades and downgrades. */
  readonly migrations?: Record<string, Migration>
  /** Applications' migration sets, run after zhibu's own, in order. */
  readonly sets?: ReadonlyArray<MigrationSet>
}

const executedNames = (db: Kysely<any>, table: string): Promise<ReadonlyArray<string>> =>
  db
    .selectFrom(table)
    .select("name")
    .execute()
    .then((rows) => rows.map((r) => String(r.name)))

/**
 * Brings the schema to this release's latest version. Safe to run repeatedly and from several
 * processes at once (Kysely takes a migration lock: an advisory lock on PostgreSQL, `get_lock` on
 * MySQL). Fails with `DatabaseTooNew` when the database has a migration this release does not know.
 */
export const migrateToLatest = (
  db: Kysely<any>,
  dialect: Dialect,
  options: MigrateOptions = {}
): Effect.Effect<MigrationReport, DatabaseTooNew | MigrationFailed | StoreUnavailable> =>
  Effect.gen(function* () {
    const own = yield* migrateSet(db, dialect, options.migrations ?? migrations(dialect), MIGRATION_TABLE, MIGRATION_LOCK_TABLE)
    const applied = [...own.applied]
    for (const set of options.sets ?? []) {
      if (!/^[A-Za-z0-9_]{1,32}$/.test(set.name)) return yield* Effect.die(new TypeError(`migration set name "${set.name}": use 1-32 letters, digits or _`))
      const known = Object.fromEntries(Object.entries(set.migrations(dialect)).map(([name, m]) => [name, transactional(dialect, m)]))
      const report = yield* migrateSet(db, dialect, known, `${MIGRATION_TABLE}_${set.name}`, `${MIGRATION_LOCK_TABLE}_${set.name}`)
      applied.push(...report.applied.map((name) => `${set.name}/${name}`))
    }
    return { applied }
  })

const migrateSet = (
  db: Kysely<any>,
  dialect: Dialect,
  known: Record<string, Migration>,
  table: string,
  lockTable: string
): Effect.Effect<MigrationReport, DatabaseTooNew | MigrationFailed | StoreUnavailable> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => known },
    migrationTableName: table,
    migrationLockTableName: lockTable
  })
  return Effect.gen(function* () {
    const { error, results = [] } = yield* Effect.promise(() => migrator.migrateToLatest())
    if (error === undefined)
      return { applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName) }
    const executed = yield* Effect.promise(() => executedNames(db, table).catch((): ReadonlyArray<string> => []))
    const unknown = executed.filter((name) => !Object.hasOwn(known, name))
    if (unknown.length > 0) return yield* new DatabaseTooNew({ unknown, known: Object.keys(known).sort() })
    if (classify(dialect, error).kind !== "other") return yield* storeUnavailable(dialect, error, "migrating the database")
    const failed = results.find((r) => r.status === "Error")?.migrationName ?? null
    return yield* new MigrationFailed({ migration: failed, reason: classify(dialect, error).reason, cause: error })
  })
}
