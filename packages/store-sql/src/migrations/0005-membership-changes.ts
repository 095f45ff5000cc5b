import { leadershipRecordKind, mobileAttachmentKind, organizationChangeKind, transferLetterKind } from "@zhibu/core/store"
import type { Kysely, Migration } from "kysely"
import type { Dialect } from "../dialect.js"
import { createRecordTable } from "./record-table.js"

/**
 * 0005 — membership over time, from their descriptors: transfer letters (by holding organization
 * and receipt status, by member, by the sending tenant's letter), mobile members' attachments (by
 * member, home and host), leadership history (by organization and date, by post and date) and
 * organization changes (by date). Forward-only, like every migration.
 */
export const membershipChanges = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>): Promise<void> {
    await createRecordTable(transferLetterKind)(dialect).up(db)
    await createRecordTable(mobileAttachmentKind)(dialect).up(db)
    await createRecordTable(leadershipRecordKind)(dialect).up(db)
    await createRecordTable(organizationChangeKind)(dialect).up(db)
  }
  // Forward-only: there is no `down`.
})
