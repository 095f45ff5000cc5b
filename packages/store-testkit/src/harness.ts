import type { Vitest } from "@effect/vitest"
import { type AnyRecordKind, type AuditEntry, coreRecordKinds, Store, type StoredRecord } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"

/** The `it` a contract section receives: tests run against the adapter's `Store`. */
export type StoreIt = Vitest.MethodsNonLive<Store, true>

/** Property runs per law: enough to find edge cases, few enough for a real database server. */
export const defaultRuns = 20

/**
 * Checks a law with fast-check 4: `body` runs, against the suite's store, once per generated value
 * and fails (an error or a failed `expect`) when the law does not hold.
 */
export const checkProperty = <A>(
  arbitrary: fc.Arbitrary<A>,
  body: (value: A) => Effect.Effect<unknown, unknown, Store>,
  parameters: fc.Parameters<[A]> = {}
): Effect.Effect<void, never, Store> =>
  Effect.flatMap(Effect.context<Store>(), (context) =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(arbitrary, (value) => Effect.runPromise(Effect.provide(body(value), context)).then(() => {})),
        { numRuns: defaultRuns, ...parameters }
      )
    )
  )

/** The error `effect` fails with; dies (failing the test) when it succeeds. */
export const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<E, never, R> =>
  Effect.flatMap(Effect.either(effect), (result) =>
    Either.isLeft(result)
      ? Effect.succeed(result.left)
      : Effect.dieMessage(`expected a failure, but it succeeded with ${JSON.stringify(result.right)}`)
  )

/** Everything a tenant can observe: its records of every kind, by kind name, and its audit log. */
export interface TenantView {
  readonly records: Record<string, ReadonlyArray<StoredRecord>>
  readonly audit: ReadonlyArray<AuditEntry>
}

/**
 * Reads all a tenant holds of every kind in `kinds` (the kinds the store serves), to show that a
 * refused write changed nothing.
 */
export const viewTenant = (
  tenantId: string,
  kinds: ReadonlyArray<AnyRecordKind> = coreRecordKinds
): Effect.Effect<TenantView, unknown, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const records: Record<string, ReadonlyArray<StoredRecord>> = {}
    for (const kind of kinds) records[kind.name] = yield* store.list(kind, tenantId)
    return { records, audit: yield* store.auditLog(tenantId) }
  })

/** What {@link viewTenant} shows of a tenant with nothing in it. */
export const emptyView = (kinds: ReadonlyArray<AnyRecordKind> = coreRecordKinds): TenantView => ({
  records: Object.fromEntries(kinds.map((k) => [k.name, []])),
  audit: []
})

/**
 * What a contract section knows of the suite: the kinds the store serves (core's and any an
 * application adds), and views over all of them.
 */
export interface SuiteEnv {
  readonly kinds: ReadonlyArray<AnyRecordKind>
  readonly view: (tenantId: string) => Effect.Effect<TenantView, unknown, Store>
  readonly empty: TenantView
  /** True when the store serves a kind of this name. */
  readonly serves: (name: string) => boolean
}

export const suiteEnv = (kinds: ReadonlyArray<AnyRecordKind>): SuiteEnv => ({
  kinds,
  view: (tenantId) => viewTenant(tenantId, kinds),
  empty: emptyView(kinds),
  serves: (name) => kinds.some((k) => k.name === name)
})

/** A field of an encoded record in the audit log (`before`/`after`), or undefined. */
export const fieldOf = (encoded: unknown, field: string): unknown =>
  typeof encoded === "object" && encoded !== null ? (encoded as Record<string, unknown>)[field] : undefined
