import * as Either from "effect/Either"
import type * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type { CommandContext } from "../service/context.js"
import { type CommandContextInput, makeCommandContext } from "../service/make-context.js"
import type { Store } from "../store/port.js"
import { type AsyncServices, promisifyServices } from "./promisify.js"
import { settle } from "./run.js"
import { type ZhibuServices, zhibuServices } from "./services.js"

/**
 * Context values that are the same for every call of an application (typically `tenantId`,
 * `workdays` and `profile`), given once to `createZhibu`. `now` is not among them: every call says
 * when it happens.
 */
export type ContextDefaults = Partial<Omit<CommandContextInput, "now">>

/** What {@link Zhibu.context} takes: the plain values of a `CommandContextInput` not given as defaults (those may still be overridden). */
export type ContextInput<D extends ContextDefaults> = Omit<CommandContextInput, keyof D> & Partial<Pick<CommandContextInput, keyof D & keyof CommandContextInput>>

/** Options of {@link createZhibu}. */
export interface ZhibuOptions<D extends ContextDefaults, StoreError> {
  /**
   * The storage, as a Layer: `MemoryStore.layer()` from `@zhibu/store-memory`, or
   * `SqlStore.layerFromUrl("sqlite:party.sqlite", { migrate: "onStart" })` from `@zhibu/store-sql`.
   * It is built on the first call (or by `ready()`) and closed by `dispose()`.
   */
  readonly store: Layer.Layer<Store, StoreError>
  /** Context values shared by every call (see {@link ContextDefaults}). */
  readonly context?: D
}

/**
 * 异步接口 — zhibu for applications that do not use Effect: every service as plain async functions,
 * `zhibu.member.registerApplicant(ctx, input)`, with the services' typed inputs and results. A
 * refusal rejects with the typed error itself (`err._tag`, `err instanceof NotFound`, `err.ruleId`),
 * a defect with the defect; if the store cannot start, every call rejects with its error.
 */
export interface Zhibu<D extends ContextDefaults = ContextDefaults, StoreError = never> extends AsyncServices<ZhibuServices> {
  /**
   * 调用上下文 — a `CommandContext` from plain values merged over the defaults given to
   * `createZhibu`. Throws the `InvalidInput` naming a bad value (an empty tenant id, an invalid `now`).
   */
  readonly context: (input: ContextInput<D>) => CommandContext
  /** Runs any Effect that needs the `Store` (an application's own service, or a composition) like a service method. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, Store>) => Promise<A>
  /** Builds the store now (connects, migrates), rejecting with its error: to fail fast at start-up. */
  readonly ready: () => Promise<void>
  /** Closes the store (connections, file handles). Later calls reject; calling it again does nothing. */
  readonly dispose: () => Promise<void>
  /** The underlying runtime, for Effect users mixing both styles. */
  readonly runtime: ManagedRuntime.ManagedRuntime<Store, StoreError>
}

/** The error a call made after `dispose()` rejects with. */
export class ZhibuDisposed extends Error {
  override readonly name = "ZhibuDisposed"
  constructor() {
    super("此 zhibu 实例已关闭（dispose） — this zhibu instance was disposed: create a new one")
  }
}

/**
 * Creates the Promise API over a store: `const zhibu = createZhibu({ store, context: { tenantId,
 * workdays } })`, then `await zhibu.member.get(zhibu.context({ actor, now: new Date() }), { memberId })`,
 * and `await zhibu.dispose()` at shutdown.
 */
export const createZhibu = <const D extends ContextDefaults = {}, StoreError = never>(options: ZhibuOptions<D, StoreError>): Zhibu<D, StoreError> => {
  const runtime = ManagedRuntime.make(options.store)
  let disposed: Promise<void> | null = null
  const run = <A, E>(effect: Effect.Effect<A, E, Store>): Promise<A> =>
    disposed !== null ? Promise.reject(new ZhibuDisposed()) : settle((e) => runtime.runPromiseExit(e), effect)
  const defaults: ContextDefaults = options.context ?? {}
  return {
    ...promisifyServices(run, zhibuServices),
    context: (input) => {
      const result = makeCommandContext({ ...defaults, ...input } as CommandContextInput)
      if (Either.isLeft(result)) throw result.left
      return result.right
    },
    run,
    ready: () => run(runtime.runtimeEffect).then(() => undefined),
    dispose: () => {
      disposed ??= runtime.dispose()
      return disposed
    },
    runtime
  }
}
