import { type AnyRecordKind, Store, type StoreUnavailable } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Kysely } from "kysely"
import { type ConnectOptions, connectUrlScoped } from "./connect.js"
import type { Dialect } from "./dialect.js"
import { type MigrationSet, migrateToLatest } from "./migrate.js"
import type { MigrationError } from "./migration-errors.js"
import { makeSqlStore } from "./sql-store.js"

/** `onStart`: migrate when the layer is built; `never`: the application runs `migrateToLatest` itself. */
export type MigrateMode = "onStart" | "never"

/** What the store serves beyond zhibu's own record kinds, and the migrations that make their tables. */
export interface SqlStoreKinds {
  /** The record kinds served; `coreRecordKinds` when absent (add an application's kinds to it). */
  readonly kinds?: ReadonlyArray<AnyRecordKind>
  /** The application's migration sets (see `MigrationSet`), run by `migrate: "onStart"` after zhibu's. */
  readonly migrationSets?: ReadonlyArray<MigrationSet>
}

export interface SqlStoreOptions extends SqlStoreKinds {
  /** A Kysely instance the application built; the application also destroys it. */
  readonly db: Kysely<any>
  readonly dialect: Dialect
  readonly migrate: MigrateMode
}

export interface SqlStoreUrlOptions extends ConnectOptions, SqlStoreKinds {
  readonly migrate: MigrateMode
}

const build = (db: Kysely<any>, dialect: Dialect, migrate: MigrateMode, extra: SqlStoreKinds) =>
  (migrate === "onStart" ? migrateToLatest(db, dialect, { sets: extra.migrationSets ?? [] }) : Effect.void).pipe(
    Effect.as(makeSqlStore(db, dialect, extra.kinds))
  )

/** 存储适配器（SQL）— the storage port over SQLite, PostgreSQL or MySQL/MariaDB, through Kysely. */
export const SqlStore = {
  /** The port over a Kysely instance, without a layer. The tables must exist. */
  make: makeSqlStore,

  /** The port as a layer over the application's Kysely instance. */
  layer: (options: SqlStoreOptions): Layer.Layer<Store, MigrationError | StoreUnavailable> =>
    Layer.effect(Store, build(options.db, options.dialect, options.migrate, options)),

  /**
   * The port as a layer that connects from a URL (see `connectUrl`) and closes the pool when the
   * layer is released.
   */
  layerFromUrl: (url: string, options: SqlStoreUrlOptions): Layer.Layer<Store, MigrationError | StoreUnavailable> =>
    Layer.scoped(
      Store,
      Effect.flatMap(connectUrlScoped(url, options), (c) => build(c.db, c.dialect, options.migrate, options))
    )
} as const
