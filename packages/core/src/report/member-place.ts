import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"

/**
 * 所在组织 — the organization whose files held the member on `on`: the one it was in then (its
 * `formerOrganizations`, each until the day it left), else its current one. Reports count a past
 * date's members where they were, so a later move or restructuring does not rewrite a past year.
 */
export const placeOn = (member: Pick<Member, "organizationId" | "formerOrganizations">, on: CivilDate): string =>
  (member.formerOrganizations ?? []).find((f) => on < f.until)?.organizationId ?? member.organizationId

/** The first day of the calendar year `year`. */
export const yearStart = (year: number): CivilDate => `${year}-01-01` as CivilDate

/** The last day of the calendar year `year`. */
export const yearEnd = (year: number): CivilDate => `${year}-12-31` as CivilDate

/** True when `date` is in `[from, to]`. */
export const within = (date: CivilDate | undefined, from: CivilDate, to: CivilDate): date is CivilDate =>
  date !== undefined && from <= date && date <= to
