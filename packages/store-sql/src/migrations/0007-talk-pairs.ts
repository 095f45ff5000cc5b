import type { AnyRecordKind } from "@zhibu/core/store"
import { type Kysely, type Migration, sql } from "kysely"

/**
 * The columns 0007 adds to `zhibu_meeting`: one per 谈心谈话 pair type (rule `meeting.talks.yearly`),
 * named after the meeting kind's fields `talksAmongCommittee`, `talksCommitteeWithMembers` and
 * `talksAmongMembers`.
 */
export const talkPairColumns: ReadonlyArray<{ readonly field: string; readonly column: string }> = [
  { field: "talksAmongCommittee", column: "talks_among_committee" },
  { field: "talksCommitteeWithMembers", column: "talks_committee_with_members" },
  { field: "talksAmongMembers", column: "talks_among_members" }
]

/**
 * The meeting kind as 0003 created its table: without the fields 0007 adds (0003 builds from the
 * descriptor, which has them since 0007; a migration, once released, is history).
 */
export const meetingKindBefore0007 = <K extends AnyRecordKind>(kind: K): K => {
  const fields: Record<string, unknown> = { ...kind.fields }
  for (const { field } of talkPairColumns) delete fields[field]
  return { ...kind, fields }
}

/**
 * 0007 — the three 谈心谈话 pair types counted apart: one `bigint` column each on `zhibu_meeting`
 * (not null, default 0), backfilled from `talks`. Before 0007 no meeting could name a pair type, and
 * a plain `talks` record counts for all three (`countsAsTalkPair`), so each new column is the row's
 * `talks` — what the descriptor projects for those records. Forward-only, like every migration.
 */
export const talkPairs = (): Migration => ({
  async up(db: Kysely<any>): Promise<void> {
    for (const { column } of talkPairColumns) {
      await db.schema
        .alterTable("zhibu_meeting")
        .addColumn(column, "bigint", (c) => c.notNull().defaultTo(0))
        .execute()
    }
    for (const { column } of talkPairColumns) {
      await sql`update zhibu_meeting set ${sql.ref(column)} = talks where talks <> 0`.execute(db)
    }
  }
  // Forward-only: there is no `down`.
})
