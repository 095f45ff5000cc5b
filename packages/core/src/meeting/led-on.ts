import type { CivilDate } from "../calendar/civil-date.js"
import { type LeadershipRecord, leadershipOn } from "../org/history-leadership.js"
import type { Organization } from "../org/organization.js"

/**
 * 当日班子 — the organization with the leadership that led it on `on`, from its leadership history
 * (what `organizationService.ledOn` answers), so that a meeting recorded after the fact is checked
 * against who chaired and sat on the committee that day (rules.md 1.4, 2.3):
 * - the change in force that day, when the history covers it;
 * - before the first recorded change, the current leadership with the secretary that change
 *   replaced (its `previousSecretaryId`): the rest of the earlier leadership is not recorded;
 * - without history, the organization as it is.
 */
export const ledOrganizationOn = (organization: Organization, history: ReadonlyArray<LeadershipRecord>, on: CivilDate): Organization => {
  const own = history.filter((r) => r.organizationId === organization.id)
  if (own.length === 0) return organization
  const inForce = leadershipOn(own, organization.id, on)
  if (inForce !== undefined) return { ...organization, leadership: inForce.leadership }
  const first = [...own].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.organizationVersion - b.organizationVersion))[0]!
  return { ...organization, leadership: { ...organization.leadership, secretaryId: first.previousSecretaryId } }
}
