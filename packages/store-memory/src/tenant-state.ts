import type { AuditEntry } from "@zhibu/core/store"

/**
 * A record as the memory store keeps it: its Schema-encoded form as JSON text (`recordJson`, as the
 * SQL adapter stores it: no caller can reach it, and a read parses a fresh copy), and the projected
 * field values its kind's descriptor names, for filters and aggregates.
 */
export interface StoredEntry {
  readonly version: number
  readonly json: string
  readonly projected: Readonly<Record<string, string | number | null>>
}

/** Where a batch's records are, so a replay can return them as they are now. */
export interface RecordRef {
  readonly kind: string
  readonly id: string
}

/** Everything one tenant has: records by kind name then id, its audit log and the batches applied. */
export interface TenantState {
  readonly records: Map<string, Map<string, StoredEntry>>
  readonly audit: Array<AuditEntry>
  readonly batches: Map<string, ReadonlyArray<RecordRef>>
}

/** All tenants' state, created on first use of a tenant. */
export type StoreState = Map<string, TenantState>

export const emptyTenant = (): TenantState => ({ records: new Map(), audit: [], batches: new Map() })

/** The tenant's state, or an empty one that is not kept (reads never create a tenant). */
export const peekTenant = (state: StoreState, tenantId: string): TenantState => state.get(tenantId) ?? emptyTenant()

export const tenantOf = (state: StoreState, tenantId: string): TenantState => {
  let tenant = state.get(tenantId)
  if (tenant === undefined) {
    tenant = emptyTenant()
    state.set(tenantId, tenant)
  }
  return tenant
}

export const recordsOf = (tenant: TenantState, kind: string): Map<string, StoredEntry> => {
  let records = tenant.records.get(kind)
  if (records === undefined) {
    records = new Map()
    tenant.records.set(kind, records)
  }
  return records
}
