import type { AuditEntry, AuditQuery, EntityFilters, EntityKind, ListOptions } from "@zhibu/core"
import type { Stored } from "./codec.js"

type AnyFilter = EntityFilters[EntityKind]

const matchesOrganization = (record: Stored, filter: EntityFilters["organization"]): boolean =>
  (filter.parentId === undefined || record.parentId === filter.parentId) &&
  (filter.kind === undefined || record.kind === filter.kind)

const matchesMember = (record: Stored, filter: EntityFilters["member"]): boolean =>
  (filter.organizationIds === undefined || filter.organizationIds.includes(record.organizationId as string)) &&
  (filter.stage === undefined || record.stage === filter.stage) &&
  (filter.status === undefined || record.status === filter.status)

/** True when the stored record matches every given field of the kind's filter. */
export const matchesFilter = (kind: EntityKind, record: Stored, filter: AnyFilter | undefined): boolean => {
  if (filter === undefined) return true
  switch (kind) {
    case "organization":
      return matchesOrganization(record, filter as EntityFilters["organization"])
    case "member":
      return matchesMember(record, filter as EntityFilters["member"])
  }
}

/** Ids compare by UTF-16 code unit, as JavaScript compares strings (the same as byte order for ids). */
const byId = (a: Stored, b: Stored): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const limitTo = <A>(items: ReadonlyArray<A>, limit: number | undefined): ReadonlyArray<A> =>
  limit === undefined ? items : items.slice(0, Math.max(0, limit))

/** Filters, orders by id, then pages with `afterId` and `limit`. */
export const selectRecords = (
  kind: EntityKind,
  records: Iterable<Stored>,
  filter: AnyFilter | undefined,
  options: ListOptions | undefined
): ReadonlyArray<Stored> => {
  const afterId = options?.afterId
  const selected = [...records]
    .filter((r) => matchesFilter(kind, r, filter) && (afterId === undefined || r.id > afterId))
    .sort(byId)
  return limitTo(selected, options?.limit)
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
