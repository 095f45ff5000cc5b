import type { Store } from "@zhibu/core/store"
import { SqlStore } from "@zhibu/store-sql"
import type * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as ManagedRuntime from "effect/ManagedRuntime"

/**
 * How the portal runs a program against the store: any function from an Effect needing the `Store`
 * to a Promise of its Exit. A host that already has a runtime (PostgreSQL through
 * `SqlStore.layerFromUrl`, its own Layer…) passes its own `runtime.runPromiseExit`.
 */
export type StoreRunner = <A, E>(effect: Effect.Effect<A, E, Store>) => Promise<Exit.Exit<A, unknown>>

export interface StoreRuntime {
  readonly run: StoreRunner
  /** Closes the connection. */
  readonly dispose: () => Promise<void>
}

/**
 * One store for the process: SQLite (or any URL `SqlStore.layerFromUrl` takes), migrated when the
 * runtime starts. The first program run opens the connection; a migration failure is that
 * program's failure.
 */
export const storeRuntime = (url: string): StoreRuntime => {
  const runtime = ManagedRuntime.make(SqlStore.layerFromUrl(url, { migrate: "onStart" }))
  return {
    run: (effect) => runtime.runPromiseExit(effect),
    dispose: () => runtime.dispose()
  }
}
