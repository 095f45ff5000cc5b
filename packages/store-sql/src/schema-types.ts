/**
 * The tables, as Kysely sees them. Every primary key and index leads with `tenant_id`, so each
 * table can be distributed by tenant (see the README). `data` holds the Schema-encoded record as
 * JSON text; the other record columns are projections kept for filters and reports.
 */
export interface OrganizationTable {
  readonly tenant_id: string
  readonly id: string
  readonly version: number
  readonly kind: string
  readonly parent_id: string | null
  readonly name: string
  readonly data: string
}

export interface MemberTable {
  readonly tenant_id: string
  readonly id: string
  readonly version: number
  readonly organization_id: string
  readonly stage: string
  readonly status: string
  readonly name: string
  readonly birth_date: string
  readonly data: string
}

/** 审计日志 — one row per written record; `seq` counts per tenant from 1. */
export interface AuditTable {
  readonly tenant_id: string
  readonly seq: number
  /** ISO 8601 instant in UTC, e.g. `2026-11-21T08:00:00.000Z`. */
  readonly at: string
  readonly actor_id: string
  readonly action: string
  readonly kind: string
  readonly record_id: string
  readonly version: number
  /** JSON text of the encoded record before the write; null for a create. */
  readonly before: string | null
  readonly after: string
}

/** The last audit seq handed out per tenant; its row lock also orders a tenant's writes. */
export interface TenantCounterTable {
  readonly tenant_id: string
  readonly audit_seq: number
}

/** Applied import batches. `batch_key` is the SHA-256 of the batch id, so any id compares exactly. */
export interface ImportBatchTable {
  readonly tenant_id: string
  readonly batch_key: string
  /** The batch id for people reading the table (U+0000 removed). */
  readonly batch_id: string
  readonly applied_at: string
  /** JSON `[[kind, id], …]`, one pair per write of the batch: what a replay returns, as it is then. */
  readonly record_refs: string
}

export interface ZhibuDatabase {
  readonly zhibu_organization: OrganizationTable
  readonly zhibu_member: MemberTable
  readonly zhibu_audit: AuditTable
  readonly zhibu_tenant_counter: TenantCounterTable
  readonly zhibu_import_batch: ImportBatchTable
}
