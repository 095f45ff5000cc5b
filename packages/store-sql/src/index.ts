/**
 * @zhibu/store-sql — the zhibu storage port over SQL through Kysely: SQLite (better-sqlite3),
 * PostgreSQL (pg) and MySQL 8 / MariaDB 10.11 (mysql2).
 */
export { type ConnectOptions, connectSqlite, connectUrl, connectUrlScoped, type SqlConnection } from "./connect.js"
export { type Dialect, type DialectTraits, dialects, dialectTraits } from "./dialect.js"
export { classify, type Classified, type FailureKind } from "./errors.js"
export { type MigrateOptions, type MigrationReport, type MigrationSet, migrateToLatest, migrations } from "./migrate.js"
export { createRecordTable } from "./migrations/record-table.js"
export { DatabaseTooNew, type MigrationError, MigrationFailed } from "./migration-errors.js"
export type * from "./schema-types.js"
export { type MigrateMode, SqlStore, type SqlStoreKinds, type SqlStoreOptions, type SqlStoreUrlOptions } from "./layer.js"
export { makeSqlStore } from "./sql-store.js"
