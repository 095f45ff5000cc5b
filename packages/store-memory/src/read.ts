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

/** A fresh decoded copy of a stored record: callers can never reach the stored object. */
export const decodeEntry = (kind: AnyRecordKind, entry: StoredEntry): StoredRecord => {
  const decoded = decodeStored(kind, structuredClone(entry.encoded))
  // The memory store checked the record on the way in and never lets anyone change it since.
  if (Either.isLeft(decoded)) throw new Error(decoded.left)
  return decoded.right
}

/** Ids compare by UTF-16 code unit, as JavaScript compares strings. */
const byId = (a: readonly [string, StoredEntry], b: readonly [string, StoredEntry]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0

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

/** Filters, orders by id, then pages with `afterId` and `limit`. */
export const selectEntries = (
  kind: AnyRecordKind,
  records: Map<string, StoredEntry> | undefined,
  filter: Readonly<Record<string, unknown>> | undefined,
  options: ListOptions | undefined
): ReadonlyArray<StoredEntry> => {
  const afterId = options?.afterId
  const selected = filterEntries(kind, records, filter)
    .filter(([id]) => afterId === undefined || id > afterId)
    .sort(byId)
  return limitTo(selected, options?.limit).map(([, e]) => e)
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
