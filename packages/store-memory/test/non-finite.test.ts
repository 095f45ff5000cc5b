import { describe, expect, it } from "@effect/vitest"
import { createWrite, defineRecordKind, field, InvalidRecord } from "@zhibu/core/store"
import { auditContext } from "@zhibu/store-testkit"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { MemoryStore } from "../src/index.js"

/** A made-up kind whose Schema admits any number, Infinity and NaN included. */
const Gauge = Schema.Struct({ tenantId: Schema.String, id: Schema.String, version: Schema.Int, reading: Schema.Number })
const gaugeKind = defineRecordKind({ name: "gauge", table: "zhibu_test_gauge", schema: Gauge, fields: { id: field.key((g: typeof Gauge.Type) => g.id) } })
const gauge = (id: string, reading: number) => ({ tenantId: "t", id, version: 1, reading })

describe("the memory store keeps records as the JSON every adapter stores", () => {
  it.effect("a record whose encoding holds Infinity or NaN is refused, naming the field, and nothing of its write is stored", () =>
    Effect.gen(function* () {
      const store = yield* MemoryStore.make({ kinds: [gaugeKind] })
      for (const reading of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
        const refused = yield* Effect.flip(store.write("t", [createWrite(gaugeKind, gauge("ok", 1.5)), createWrite(gaugeKind, gauge("bad", reading))], auditContext()))
        expect(refused).toBeInstanceOf(InvalidRecord)
        expect(refused.message).toContain(`reading: ${reading} cannot be stored`)
        expect(yield* store.list(gaugeKind, "t")).toEqual([])
      }
    })
  )

  it.effect("a read is a fresh copy: changing what a read returned changes nothing stored", () =>
    Effect.gen(function* () {
      const store = yield* MemoryStore.make({ kinds: [gaugeKind] })
      yield* store.write("t", [createWrite(gaugeKind, gauge("g", 0.1))], auditContext())
      const [first] = yield* store.list(gaugeKind, "t")
      ;(first as { reading: number }).reading = 99
      expect(yield* store.get(gaugeKind, "t", "g")).toEqual(gauge("g", 0.1))
    })
  )
})
