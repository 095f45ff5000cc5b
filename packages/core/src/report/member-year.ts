import type { CivilDate } from "../calendar/civil-date.js"
import { fileState } from "../member/file-state.js"
import type { Member } from "../member/member.js"
import { statusOn } from "../member/sanctions.js"
import type { RuleProfile } from "../profile/profile.js"
import type { AnnualFigures } from "./annual-figures.js"
import type { FigureTally } from "./figures.js"
import { placeOn, within, yearStart } from "./member-place.js"

/** A member on the roll at the report date (a probationary or full member, active): whose study hours count. */
export interface RollEntry {
  readonly memberId: string
  readonly organizationId: string
}

/**
 * Adds one member file to the annual figures of `year` as of `asOf` (the year's last day, or an earlier
 * report date): its status and stage on `asOf` where it was then, an admission approved in the year
 * where the member was on the approval's day (发展党员), a conversion in the year. Returns the
 * member's roll entry when their study hours count, else undefined. Reads nothing but the file.
 */
export const tallyMemberYear = (
  tally: FigureTally<AnnualFigures>,
  member: Member,
  year: number,
  asOf: CivilDate,
  profile: RuleProfile
): RollEntry | undefined => {
  const from = yearStart(year)
  const then = fileState(member, profile, asOf)
  const stage = then.stage
  if (stage === undefined) return undefined
  const place = placeOn(member, asOf)
  // A file that ended by the report date (not admitted, probation cancelled) counts under its end status.
  const status = then.ended ?? statusOn(member, asOf)
  tally.addAt(place, 1, "members", "status", status)
  if (status === "active") tally.addAt(place, 1, "members", "active", stage)
  const approvedOn = then.admissionApprovalOn
  if (within(approvedOn, from, asOf)) tally.addAt(placeOn(member, approvedOn), 1, "newlyDeveloped")
  const convertedOn = then.conversionOn
  if (within(convertedOn, from, asOf)) tally.addAt(placeOn(member, convertedOn), 1, "converted")
  return status === "active" && (stage === "probationary" || stage === "full") ? { memberId: member.id, organizationId: place } : undefined
}
