import type { EntityFilters, EntityKind } from "@zhibu/core"
import type { SelectQueryBuilder } from "kysely"
import { isKey } from "./keys.js"
import type { ZhibuDatabase } from "./schema-types.js"

type Query<T extends keyof ZhibuDatabase, O> = SelectQueryBuilder<ZhibuDatabase, T, O>

/** The organization filter as `where` clauses, or null when no stored record can match. */
export const organizationFilter = <O>(
  q: Query<"zhibu_organization", O>,
  f: EntityFilters["organization"]
): Query<"zhibu_organization", O> | null => {
  if (f.kind !== undefined) {
    if (!isKey(f.kind)) return null
    q = q.where("kind", "=", f.kind)
  }
  if (f.parentId === null) return q.where("parent_id", "is", null)
  if (f.parentId === undefined) return q
  return isKey(f.parentId) ? q.where("parent_id", "=", f.parentId) : null
}

/**
 * The member filter as `where` clauses, or null when no stored record can match (an empty
 * `organizationIds`, or a value of a shape no stored key has). `list` and `countMembers` share it,
 * so a count always agrees with the list.
 */
export const memberFilter = <O>(q: Query<"zhibu_member", O>, f: EntityFilters["member"]): Query<"zhibu_member", O> | null => {
  for (const [column, value] of [
    ["stage", f.stage],
    ["status", f.status]
  ] as const) {
    if (value === undefined) continue
    if (!isKey(value)) return null
    q = q.where(column, "=", value)
  }
  if (f.organizationIds !== undefined) {
    const ids = f.organizationIds.filter(isKey)
    if (ids.length === 0) return null
    q = q.where("organization_id", "in", ids)
  }
  return q
}

/** Each kind's filter as `where` clauses. */
export const filters = { organization: organizationFilter, member: memberFilter } as const satisfies Record<EntityKind, unknown>
