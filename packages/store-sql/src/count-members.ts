import { type EntityFilters, MemberCount, StoreUnavailable } from "@zhibu/core"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { memberFilter } from "./filters.js"
import { isKey } from "./keys.js"
import { attempt, type SqlContext } from "./run.js"

const decodeCounts = Schema.decodeUnknown(Schema.Array(MemberCount))

/**
 * The one `group by` statement of `countMembers`, or null when no member can match. It reads only
 * the projected columns, all in the tenant-leading index `zhibu_member_counts` (migration 0002),
 * so the database answers from the index alone, already in group order.
 */
export const countMembersQuery = (ctx: SqlContext, tenantId: string, filter: EntityFilters["member"] | undefined) => {
  if (!isKey(tenantId)) return null
  const q = memberFilter(ctx.db.selectFrom("zhibu_member").where("tenant_id", "=", tenantId), filter ?? {})
  return q === null
    ? null
    : q
        .select(["organization_id", "stage", "status", (eb) => eb.fn.countAll().as("n")])
        .groupBy(["organization_id", "stage", "status"])
        .orderBy("organization_id")
        .orderBy("stage")
        .orderBy("status")
}

/** Members of the tenant per organization, stage and status, counted by the database in one statement. */
export const countMembers = (
  ctx: SqlContext,
  tenantId: string,
  filter: EntityFilters["member"] | undefined
): Effect.Effect<ReadonlyArray<MemberCount>, StoreUnavailable> => {
  const query = countMembersQuery(ctx, tenantId, filter)
  if (query === null) return Effect.succeed([])
  return attempt(ctx, "counting members", () => query.execute()).pipe(
    // PostgreSQL returns count(*) as a bigint string; a county's counts are far below 2^53.
    Effect.map((rows) =>
      rows.map((r) => ({ organizationId: r.organization_id, stage: r.stage, status: r.status, count: Number(r.n) }))
    ),
    Effect.flatMap((rows) =>
      Effect.mapError(
        decodeCounts(rows),
        (e) =>
          new StoreUnavailable({
            reason: `a stored member's projected columns no longer match its Schema: ${ParseResult.TreeFormatter.formatErrorSync(e)}`,
            cause: e
          })
      )
    )
  )
}
