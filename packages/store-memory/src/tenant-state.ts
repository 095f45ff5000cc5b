import type { AuditEntry, EntityKind } from "@zhibu/core"
import type { Stored } from "./codec.js"

/** Where a batch's records are, so a replay can return them as they are now. */
export interface RecordRef {
  readonly kind: EntityKind
  readonly id: string
}

/** Everything one tenant has: records by kind then id, its audit log and the batches applied. */
export interface TenantState {
  readonly records: Map<EntityKind, Map<string, Stored>>
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

export const recordsOf = (tenant: TenantState, kind: EntityKind): Map<string, Stored> => {
  let records = tenant.records.get(kind)
  if (records === undefined) {
    records = new Map()
    tenant.records.set(kind, records)
  }
  return records
}
