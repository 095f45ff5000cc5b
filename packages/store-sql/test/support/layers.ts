import type { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Kysely } from "kysely"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Dialect } from "../../src/dialect.js"
import { SqlStore } from "../../src/layer.js"
import { kinds, migrationSets } from "./kinds.js"
import { pgliteKysely } from "./pglite.js"

/**
 * The port over a Kysely instance the test builds, serving the test kinds: migrated on start,
 * destroyed when the layer is released.
 */
export const kyselyLayer = (open: () => Promise<Kysely<any>>, dialect: Dialect): Layer.Layer<Store, unknown> =>
  Layer.unwrapScoped(
    Effect.map(
      Effect.acquireRelease(Effect.promise(open), (db) => Effect.promise(() => db.destroy())),
      (db) => SqlStore.layer({ db, dialect, migrate: "onStart", kinds, migrationSets })
    )
  )

export const pgliteLayer = (): Layer.Layer<Store, unknown> => kyselyLayer(pgliteKysely, "postgres")

/** A SQLite file in a temporary directory that is removed with the layer. */
export const sqliteFileLayer = (): Layer.Layer<Store, unknown> =>
  Layer.unwrapScoped(
    Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "zhibu-sql-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      ),
      (dir) => SqlStore.layerFromUrl(`sqlite:${join(dir, "zhibu.db")}`, { migrate: "onStart", kinds, migrationSets })
    )
  )

/** The port from a URL, serving the test kinds, migrated on start. */
export const urlLayer = (url: string): Layer.Layer<Store, unknown> => SqlStore.layerFromUrl(url, { migrate: "onStart", kinds, migrationSets })
