/**
 * The adapter's own tables, as Kysely sees them. Every primary key and index leads with
 * `tenant_id`, so each table can be distributed by tenant (see the README). The record tables are
 * not listed: each record kind's descriptor names its table, and every record table has
 * `tenant_id`, `id`, `version`, `data` (the Schema-encoded record as JSON text) and one column per
 * projected field (see `createRecordTable`).
 */
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

/** The adapter's own tables by name, as Kysely sees them (the record tables are named by each kind's descriptor). */
export interface ZhibuDatabase {
  readonly zhibu_audit: AuditTable
  readonly zhibu_tenant_counter: TenantCounterTable
  readonly zhibu_import_batch: ImportBatchTable
}
