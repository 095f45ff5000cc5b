import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Stream from "effect/Stream"
import { StoreUnavailable } from "../../src/store/errors.js"
import { memberKind } from "../../src/member/kinds.js"
import { createWrite, type ListOptions, Store, type StoreShape } from "../../src/store/port.js"
import { DEFAULT_STREAM_PAGE_SIZE, streamRecords } from "../../src/store/stream.js"
import { aMember } from "@zhibu/testing"

const TENANT = "t1"

/** A memory store holding members m01…m`n`, that records the options of every `list` call. */
const storeOf = (n: number, failOnCall?: number) =>
  Effect.gen(function* () {
    const inner = yield* MemoryStore.make()
    const members = Array.from({ length: n }, (_, i) => {
      const { version: _v, ...record } = aMember({ tenantId: TENANT, id: `m${String(i + 1).padStart(2, "0")}`, organizationId: "b1" })
        .existingMember({ joinedOn: "2010-07-01", convertedOn: "2011-07-01" })
        .build()
      return createWrite(memberKind, record)
    })
    if (n > 0) yield* inner.write(TENANT, members, { actorId: "seed", at: new Date("2026-03-01T02:00:00Z"), action: "seed" })
    const calls: Array<ListOptions | undefined> = []
    const store: StoreShape = {
      ...inner,
      list: (kind, tenantId, filter, options) => {
        calls.push(options)
        return calls.length === failOnCall
          ? Effect.fail(new StoreUnavailable({ reason: "test: the connection dropped" }))
          : inner.list(kind, tenantId, filter, options)
      }
    }
    return { store, calls }
  })

const collectIds = (stream: Stream.Stream<{ readonly id: string }, StoreUnavailable, Store>, store: StoreShape) =>
  Stream.runCollect(stream).pipe(
    Effect.map((chunk) => Chunk.toReadonlyArray(chunk).map((r) => r.id)),
    Effect.provideService(Store, store)
  )

describe("streamRecords: keyset paging through `list`", () => {
  it.effect("5 members in pages of 2: three `list` calls, each after the last id read, limited to the page size", () =>
    Effect.gen(function* () {
      const { store, calls } = yield* storeOf(5)
      expect(yield* collectIds(streamRecords(memberKind, TENANT, undefined, { pageSize: 2 }), store)).toEqual(["m01", "m02", "m03", "m04", "m05"])
      expect(calls).toEqual([{ limit: 2 }, { afterId: "m02", limit: 2 }, { afterId: "m04", limit: 2 }])
    })
  )

  it.effect("a full last page costs one more call, which finds nothing; without a page size, pages hold 500", () =>
    Effect.gen(function* () {
      const { store, calls } = yield* storeOf(4)
      expect(yield* collectIds(streamRecords(memberKind, TENANT, undefined, { pageSize: 2 }), store)).toHaveLength(4)
      expect(calls.map((c) => c?.afterId ?? null)).toEqual([null, "m02", "m04"])
      calls.length = 0
      yield* collectIds(streamRecords(memberKind, TENANT), store)
      expect(DEFAULT_STREAM_PAGE_SIZE).toBe(500)
      expect(calls).toEqual([{ limit: 500 }])
    })
  )

  it.effect("pages are read only as they are pulled: taking 3 records in pages of 2 reads two pages", () =>
    Effect.gen(function* () {
      const { store, calls } = yield* storeOf(9)
      expect(yield* collectIds(streamRecords(memberKind, TENANT, undefined, { pageSize: 2 }).pipe(Stream.take(3)), store)).toEqual(["m01", "m02", "m03"])
      expect(calls).toHaveLength(2)
    })
  )

  it.effect("a page that fails ends the stream with StoreUnavailable after the records already read", () =>
    Effect.gen(function* () {
      const { store } = yield* storeOf(5, 2)
      const seen: Array<string> = []
      const error = yield* Effect.flip(
        Stream.runForEach(streamRecords(memberKind, TENANT, undefined, { pageSize: 2 }), (m) => Effect.sync(() => seen.push(m.id))).pipe(
          Effect.provideService(Store, store)
        )
      )
      expect(error).toBeInstanceOf(StoreUnavailable)
      expect(seen).toEqual(["m01", "m02"])
    })
  )

  for (const pageSize of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
    it.effect(`a page size of ${pageSize} is a defect naming it, and reads nothing`, () =>
      Effect.gen(function* () {
        const { store, calls } = yield* storeOf(3)
        const exit = yield* Effect.exit(collectIds(streamRecords(memberKind, TENANT, undefined, { pageSize }), store))
        expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
        expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toContain(`pageSize must be a positive integer, got ${pageSize}`)
        expect(calls).toEqual([])
      })
    )
})
