import type { CivilDate } from "../calendar/civil-date.js"
import type { OrganizationChange } from "./change-record.js"
import type { Organization } from "./organization.js"

/**
 * 某日的组织树 — the organizations as they stood on `on`: the current ones with every change dated
 * after `on` undone (latest first: what each changed organization was before, and those it created
 * removed), keeping those founded by then and not dissolved by then. A past year's report counts on
 * this tree, so it is the tree of that year.
 */
export const treeOn = (
  organizations: ReadonlyArray<Organization>,
  changes: ReadonlyArray<OrganizationChange>,
  on: CivilDate
): ReadonlyArray<Organization> => {
  const byId = new Map<string, Organization>(organizations.map((o) => [o.id, o]))
  const later = changes
    .filter((c) => c.effectiveOn > on)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : a.effectiveOn > b.effectiveOn ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  for (const change of later) {
    for (const id of change.created) byId.delete(id)
    for (const b of change.before) {
      const now = byId.get(b.id)
      if (now !== undefined) byId.set(b.id, { ...now, kind: b.kind, parentId: b.parentId, units: b.units, dissolvedOn: b.dissolvedOn })
    }
  }
  return [...byId.values()].filter((o) => o.foundedOn <= on && (o.dissolvedOn === null || o.dissolvedOn > on))
}
