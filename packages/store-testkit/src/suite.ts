import { layer } from "@effect/vitest"
import type { Store } from "@zhibu/core"
import type * as Layer from "effect/Layer"
import { aggregatesContract } from "./contract/aggregates.js"
import { atomicityContract } from "./contract/atomicity.js"
import { auditContract } from "./contract/audit.js"
import { concurrencyContract } from "./contract/concurrency.js"
import { importBatchContract } from "./contract/import-batch.js"
import { invalidContract } from "./contract/invalid.js"
import { listContract } from "./contract/list.js"
import { readsContract } from "./contract/reads.js"
import { schemaRoundTripContract } from "./contract/schema-round-trip.js"
import { streamContract } from "./contract/stream.js"
import { tenancyContract } from "./contract/tenancy.js"
import { textContract } from "./contract/text.js"
import { versionsContract } from "./contract/versions.js"

/**
 * 一致性测试 — the conformance suite of the storage port: one `describe` per sentence of the
 * `StoreShape` contract in `@zhibu/core`, run against the `Store` that `makeLayer` provides.
 *
 * One store instance serves the whole suite; every test works in fresh tenants of its own, so the
 * suite never truncates anything and may run against a shared database. Call it from an
 * adapter's test file: `storeSuite("memory", () => memoryStoreLayer)`.
 *
 * Not covered here, because no adapter-neutral test can cause it: “Driver failures become
 * `StoreUnavailable`”. Each adapter tests that itself, with a broken connection.
 */
export const storeSuite = (name: string, makeLayer: () => Layer.Layer<Store, unknown>): void =>
  // The real clock, not TestClock: an adapter's timeouts and retries must behave as in production.
  layer(makeLayer(), { excludeTestServices: true })(`Store contract: ${name}`, (it) => {
    readsContract(it)
    tenancyContract(it)
    versionsContract(it)
    invalidContract(it)
    atomicityContract(it)
    auditContract(it)
    importBatchContract(it)
    listContract(it)
    streamContract(it)
    aggregatesContract(it)
    textContract(it)
    schemaRoundTripContract(it)
    concurrencyContract(it)
  })
