import {
  type AnyRecordKind,
  type AuditEntry,
  type AuditQuery,
  decodeStored,
  type ListOptions,
  matchesConditions,
  normalizeFilter,
  type StoredRecord
} from "@zhibu/core/store"
import * as Either from "effect/Either"
import type { StoredEntry } from "./tenant-state.js"

/** A fresh decoded copy of a stored record, parsed from its JSON text: callers can never reach the stored one. */
export const decodeEntry = (kind: AnyRecordKind, entry: StoredEntry): StoredRecord => {
  const decoded = decodeStored(kind, JSON.parse(entry.json))
  // The memory store checked the record on the way in and never lets anyone change it since.
  if (Either.isLeft(decoded)) throw new Error(decoded.left)
  return decoded.right
}

const limitTo = <A>(items: ReadonlyArray<A>, limit: number | undefined): ReadonlyArray<A> =>
  limit === undefined ? items : items.slice(0, Math.max(0, limit))

/** The entries matching the filter (see `normalizeFilter`), unordered. */
export const filterEntries = (
  kind: AnyRecordKind,
  records: Map<string, StoredEntry> | undefined,
  filter: Readonly<Record<string, unknown>> | undefined
): Array<readonly [string, StoredEntry]> => {
  const conditions = normalizeFilter(kind, filter)
  if (conditions === null || records === undefined) return []
  const out: Array<readonly [string, StoredEntry]> = []
  for (const e of records) if (matchesConditions(e[1].projected, conditions)) out.push(e)
  return out
}

/**
 * The ids of a kind's records in order, kept until the kind gains a record: records are only ever
 * added or replaced, never removed, so the same size means the same ids.
 */
const sortedIds = new WeakMap<Map<string, StoredEntry>, { readonly size: number; readonly ids: ReadonlyArray<string> }>()

const idsInOrder = (records: Map<string, StoredEntry>): ReadonlyArray<string> => {
  const known = sortedIds.get(records)
  if (known !== undefined && known.size === records.size) return known.ids
  const ids = [...records.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  sortedIds.set(records, { size: records.size, ids })
  return ids
}

/** The first index whose id sorts after `afterId`. */
const after = (ids: ReadonlyArray<string>, afterId: string): number => {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid]! > afterId) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * Filters, orders by id, then pages with `afterId` and `limit` (as `slice(0, limit)` reads it). Walks
 * the ids in order from `afterId` and stops at `limit`, so paging through a province reads each
 * record once instead of sorting the whole kind for every page.
 */
export const selectEntries = (
  kind: AnyRecordKind,
  records: Map<string, StoredEntry> | undefined,
  filter: Readonly<Record<string, unknown>> | undefined,
  options: ListOptions | undefined
): ReadonlyArray<StoredEntry> => {
  const conditions = normalizeFilter(kind, filter)
  if (conditions === null || records === undefined) return []
  const limit = options?.limit
  const max = limit === undefined ? Number.POSITIVE_INFINITY : Number.isNaN(limit) ? 0 : Math.max(0, Math.trunc(limit))
  const ids = idsInOrder(records)
  const out: Array<StoredEntry> = []
  for (let i = options?.afterId === undefined ? 0 : after(ids, options.afterId); i < ids.length && out.length < max; i++) {
    const entry = records.get(ids[i]!)!
    if (matchesConditions(entry.projected, conditions)) out.push(entry)
  }
  return out
}

/** The audit entries matching the query, in seq order. */
export const selectAudit = (entries: ReadonlyArray<AuditEntry>, query: AuditQuery | undefined): ReadonlyArray<AuditEntry> => {
  const afterSeq = query?.afterSeq
  const recordId = query?.recordId
  const selected = entries.filter(
    (e) => (recordId === undefined || e.recordId === recordId) && (afterSeq === undefined || e.seq > afterSeq)
  )
  return limitTo(selected, query?.limit)
}
