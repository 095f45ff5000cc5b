import type { CivilDate } from "../calendar/civil-date.js"
import type { Member, Sanction } from "./member.js"

/**
 * True when a sanction, or its 影响期, is in force on `on`: from `from` through `until` (both
 * inclusive); open-ended while `until` is absent.
 */
export const sanctionInForce = (sanction: Sanction, on: CivilDate): boolean =>
  sanction.from <= on && (sanction.until === undefined || on <= sanction.until)

/** The member's sanctions in force on `on`, optionally only of the given kinds. */
export const sanctionsInForce = (
  member: Pick<Member, "sanctions">,
  on: CivilDate,
  kinds?: ReadonlyArray<Sanction["kind"]>
): ReadonlyArray<Sanction> =>
  member.sanctions.filter((s) => sanctionInForce(s, on) && (kinds === undefined || kinds.includes(s.kind)))

/** The member's status on `on`: the last recorded change dated on or before it, else `active`. */
export const statusOn = (member: Pick<Member, "statusHistory">, on: CivilDate): Member["status"] => {
  let status: Member["status"] = "active"
  for (const change of member.statusHistory) if (change.date <= on) status = change.status
  return status
}
