import type { CivilDate } from "../calendar/civil-date.js"
import type { Member, MemberStatus } from "../member/member.js"
import type { TransferLetter } from "./letter.js"

/** Statuses that take a file off the roll from their date (transfers are decided by the letter). */
const leaving: ReadonlySet<MemberStatus> = new Set<MemberStatus>(["lapsed", "removed", "deceased", "closed", "probationCancelled"])

/**
 * 名册 — the organization of this tenant whose roll the file is on, on `on`, or null when it is on
 * none: before it was received from elsewhere, or after it left. The organization is the one the
 * file was in then (its `formerOrganizations`, else its current one). A file transferred out stays
 * on the sending roll until the receipt's date: the sending organization is responsible until the
 * member is received (JG2019 第二十五条), so a member is on exactly one roll on any date, across
 * tenants too. `letters` are the member's letters in this tenant (others are ignored).
 */
export const rollOn = (member: Member, letters: ReadonlyArray<TransferLetter>, on: CivilDate): string | null => {
  const arrivals = member.statusHistory.filter((c) => c.status === "active" && c.transfer !== undefined)
  const arrived = arrivals.at(-1)?.date
  if (arrived !== undefined && on < arrived) return null
  for (const change of member.statusHistory) {
    if (arrived !== undefined && change.date < arrived) continue
    if (leaving.has(change.status) && on >= change.date) return null
  }
  if (member.status === "transferredOut") {
    const out = letters
      .filter((l) => l.memberId === member.id && l.direction === "out" && (arrived === undefined || l.issuedOn >= arrived))
      .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0))
      .at(-1)
    if (out === undefined) {
      // A transfer recorded before letters were: the file left on the status change.
      const left = member.statusHistory.filter((c) => c.status === "transferredOut").at(-1)?.date
      if (left !== undefined && on >= left) return null
    } else if (out.receivedOn !== null && on >= out.receivedOn) {
      return null
    }
  }
  const former = (member.formerOrganizations ?? []).find((f) => on < f.until)
  return former?.organizationId ?? member.organizationId
}
