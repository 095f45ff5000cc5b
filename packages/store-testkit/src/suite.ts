import { layer } from "@effect/vitest"
import { type AnyRecordKind, coreRecordKinds, type Store } from "@zhibu/core/store"
import type * as Layer from "effect/Layer"
import { aggregateSumsContract } from "./contract/aggregate-sums.js"
import { aggregatesContract } from "./contract/aggregates.js"
import { atomicityContract } from "./contract/atomicity.js"
import { auditContract } from "./contract/audit.js"
import { concurrencyContract } from "./contract/concurrency.js"
import { importBatchContract } from "./contract/import-batch.js"
import { invalidContract } from "./contract/invalid.js"
import { kindContract } from "./contract/kind.js"
import { listContract } from "./contract/list.js"
import { readsContract } from "./contract/reads.js"
import { streamContract } from "./contract/stream.js"
import { tenancyContract } from "./contract/tenancy.js"
import { textContract } from "./contract/text.js"
import { versionsContract } from "./contract/versions.js"
import { type StoreIt, suiteEnv } from "./harness.js"

/**
 * The time limit of every test of the suite: generous, because a property test runs a bounded
 * number of cases against a real database server, and a slow or busy machine must not fail it.
 */
export const SUITE_TEST_TIMEOUT = 180_000

/** `it` with the suite's time limit as the default of every `it.effect`. */
const withTimeout = (it: StoreIt, timeout: number): StoreIt => {
  const effect: StoreIt["effect"] = Object.assign(
    (name: string, self: Parameters<StoreIt["effect"]>[1], options?: Parameters<StoreIt["effect"]>[2]) =>
      it.effect(name, self, options ?? timeout),
    it.effect
  )
  return new Proxy(it, { get: (target, key, receiver) => (key === "effect" ? effect : Reflect.get(target, key, receiver)) })
}

export interface StoreSuiteOptions {
  /**
   * The record kinds the store under test serves: `coreRecordKinds` when absent. Must include
   * core's kinds; every kind given gets the generic section, and a refused write is checked to
   * have changed none of them.
   */
  readonly kinds?: ReadonlyArray<AnyRecordKind>
}

/**
 * 一致性测试 — the conformance suite of the storage port: one `describe` per sentence of the
 * `StoreShape` contract in `@zhibu/core/store`, run against the `Store` that `makeLayer` provides,
 * then, for every kind in `options.kinds`, a section driven by the kind's descriptor alone (Schema
 * round-trip, version chain, filtered `list`, grouped `aggregate` with sums), so that a kind an
 * application adds is tested with no new test code.
 *
 * One store instance serves the whole suite; every test works in fresh tenants of its own, so the
 * suite never truncates anything and may run against a shared database. Call it from an
 * adapter's test file: `storeSuite("memory", () => MemoryStore.layer({ kinds }), { kinds })`.
 *
 * Not covered here, because no adapter-neutral test can cause it: “Driver failures become
 * `StoreUnavailable`”. Each adapter tests that itself, with a broken connection.
 */
export const storeSuite = (name: string, makeLayer: () => Layer.Layer<Store, unknown>, options: StoreSuiteOptions = {}): void => {
  const env = suiteEnv(options.kinds ?? coreRecordKinds)
  // The real clock, not TestClock: an adapter's timeouts and retries must behave as in production.
  layer(makeLayer(), { excludeTestServices: true, timeout: SUITE_TEST_TIMEOUT })(`Store contract: ${name}`, (vitestIt) => {
    const it = withTimeout(vitestIt, SUITE_TEST_TIMEOUT)
    readsContract(it)
    tenancyContract(it, env)
    versionsContract(it, env)
    invalidContract(it, env)
    atomicityContract(it, env)
    auditContract(it)
    importBatchContract(it, env)
    listContract(it)
    streamContract(it)
    aggregatesContract(it)
    aggregateSumsContract(it, env)
    textContract(it)
    concurrencyContract(it)
    for (const kind of env.kinds) kindContract(it, kind)
  })
}
