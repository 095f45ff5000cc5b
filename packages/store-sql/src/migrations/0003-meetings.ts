import { attendanceKind, meetingKind } from "@zhibu/core/store"
import type { Kysely, Migration } from "kysely"
import type { Dialect } from "../dialect.js"
import { meetingKindBefore0007 } from "./0007-talk-pairs.js"
import { createRecordTable } from "./record-table.js"

/**
 * 0003 — the meeting and attendance tables, from their descriptors: meetings indexed by branch and
 * date, organization and date, branch and month; attendance rows (12 million a year in a province) by
 * meeting, by member and date, and by branch, month and status (what compliance and participation
 * group by). The meeting table as it was then: the fields 0007 added are left to 0007. Forward-only,
 * like every migration.
 */
export const meetings = (dialect: Dialect): Migration => ({
  async up(db: Kysely<any>): Promise<void> {
    await createRecordTable(meetingKindBefore0007(meetingKind))(dialect).up(db)
    await createRecordTable(attendanceKind)(dialect).up(db)
  }
  // Forward-only: there is no `down`.
})
