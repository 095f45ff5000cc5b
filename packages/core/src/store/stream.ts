import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { StoreUnavailable } from "./errors.js"
import type { RecordFilter } from "./filter.js"
import { Store } from "./port.js"
import type { AnyRecordKind, RecordOf } from "./record-kind.js"

/**
 * Records per `list` call when the caller does not say: big enough that an export of a county
 * (about 1,500 members) takes a handful of queries, small enough that a page stays a few MB.
 */
export const DEFAULT_STREAM_PAGE_SIZE = 500

/** Options of {@link streamRecords}: the page size. */
export interface StreamOptions {
  /** Records read per `list` call; a positive integer, {@link DEFAULT_STREAM_PAGE_SIZE} when absent. */
  readonly pageSize?: number
}

/**
 * 流式读取 — every record of `kind` in the tenant matching `filter`, in `list`'s order (id
 * ascending), read through `list` one page at a time with `afterId` and `limit` (keyset paging). A
 * page is read only when the consumer pulls past the one before, so a large export holds one page
 * in memory, and every adapter streams without code of its own.
 *
 * Not a snapshot: each page is read when it is pulled. A record written meanwhile appears when its
 * id sorts after the last one read; a record is never yielded twice. A `pageSize` that is not a
 * positive integer is a programming error: the stream dies.
 */
export const streamRecords = <K extends AnyRecordKind>(
  kind: K,
  tenantId: string,
  filter?: RecordFilter<K>,
  options: StreamOptions = {}
): Stream.Stream<RecordOf<K>, StoreUnavailable, Store> => {
  const pageSize = options.pageSize ?? DEFAULT_STREAM_PAGE_SIZE
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    return Stream.die(new RangeError(`streamRecords: pageSize must be a positive integer, got ${String(pageSize)}`))
  }
  return Stream.unwrap(
    Effect.map(Store, (store) =>
      Stream.paginateChunkEffect(Option.none<string>(), (after: Option.Option<string>) =>
        Effect.map(
          store.list(kind, tenantId, filter, Option.match(after, {
            onNone: () => ({ limit: pageSize }),
            onSome: (afterId) => ({ afterId, limit: pageSize })
          })),
          (page) =>
            [
              Chunk.fromIterable(page),
              // A short page is the last one; a full page may be followed by more.
              page.length < pageSize ? Option.none() : Option.some(Option.some(page[page.length - 1]!.id))
            ] as const
        )
      )
    )
  )
}
