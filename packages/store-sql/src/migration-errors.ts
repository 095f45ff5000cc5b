import * as Schema from "effect/Schema"

/**
 * The database holds migrations this release does not know: a newer release upgraded it. Running
 * older code against it could corrupt data, so the adapter refuses to start. Nothing was changed.
 */
export class DatabaseTooNew extends Schema.TaggedError<DatabaseTooNew>()("ZhibuDatabaseTooNew", {
  unknown: Schema.Array(Schema.String),
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return (
      `the database was migrated by a newer release of @zhibu/store-sql (unknown migrations: ${this.unknown.join(", ")}; ` +
      `this release knows ${this.known.join(", ")}) (数据库版本高于程序): upgrade the application, do not downgrade it`
    )
  }
}

/** A migration failed. PostgreSQL and SQLite roll it back; on MySQL/MariaDB DDL is not transactional. */
export class MigrationFailed extends Schema.TaggedError<MigrationFailed>()("ZhibuMigrationFailed", {
  migration: Schema.NullOr(Schema.String),
  reason: Schema.String,
  cause: Schema.optional(Schema.Unknown)
}) {
  override get message(): string {
    return `migration ${this.migration ?? "(setup)"} failed: ${this.reason} (数据库迁移失败)`
  }
}

/** Why the database could not be migrated: {@link DatabaseTooNew} or {@link MigrationFailed}. */
export type MigrationError = DatabaseTooNew | MigrationFailed
