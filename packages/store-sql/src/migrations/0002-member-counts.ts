import type { Kysely, Migration } from "kysely"

/**
 * 0002 — the index behind `countMembers`: `(tenant_id, organization_id, stage, status)` covers its
 * `group by`, so each tenant's counts come from one index range, already in group order, without
 * touching the rows. Forward-only, like every migration.
 */
export const memberCounts = (): Migration => ({
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createIndex("zhibu_member_counts")
      .on("zhibu_member")
      .columns(["tenant_id", "organization_id", "stage", "status"])
      .execute()
  }
  // Forward-only: there is no `down`.
})
