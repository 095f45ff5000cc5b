import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { statusOn } from "../member/sanctions.js"
import { stageOn } from "../member/stage.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { OrganizationId } from "../tenant/ids.js"
import { attachedOn, type MobileAttachment } from "../transfer/mobile.js"
import { rosterOn, type RosterEntry } from "./roster.js"

/** A mobile member due at a host's meeting: a roster entry without a vote, and the member's home branch. */
export interface GuestEntry extends RosterEntry {
  readonly voting: false
  readonly homeBranchId: OrganizationId
}

/**
 * 流动党员（流入地）— the mobile members due at `organization`'s meetings on `on` as guests (rules.md
 * 8.4, JG2019 第三十二条: one home, several organizational lives): each member with an attachment to
 * this organization in force that day (`transfer.mobile.host`) whose own file shows a probationary
 * or full member, active that day. They attend without a vote at the host: their relation, and so
 * their vote, stays with the home branch (rules.md 8.4 gives the host daily management only; 8.9,
 * local, withholds the vote on a temporary relation); so they never count toward the host's voting
 * quorum. In id order; a member filed in the organization itself is never its guest.
 */
export const guestsOn = (
  attachments: ReadonlyArray<MobileAttachment>,
  files: ReadonlyArray<Member>,
  organization: Organization,
  on: CivilDate,
  profile: RuleProfile
): ReadonlyArray<GuestEntry> => {
  const byId = new Map(files.map((m) => [m.id, m] as const))
  const guests = new Map<string, GuestEntry>()
  for (const a of attachments) {
    if (a.host.organizationId !== organization.id || !attachedOn(a, on)) continue
    const member = byId.get(a.memberId)
    if (member === undefined || member.organizationId === organization.id) continue
    const stage = stageOn(member, on, profile)
    if ((stage !== "probationary" && stage !== "full") || statusOn(member, on) !== "active") continue
    guests.set(member.id, { member, voting: false, homeBranchId: member.organizationId })
  }
  return [...guests.values()].sort((a, b) => (a.member.id < b.member.id ? -1 : a.member.id > b.member.id ? 1 : 0))
}

/**
 * 应到会名单（含流动党员）— everyone due at the organization's meetings on `on`: its own roster
 * ({@link rosterOn}) and the mobile members attached to it that day ({@link guestsOn}), in id order.
 * Attendance due at a meeting is exactly this list (the committee members of it, for a 支委会).
 */
export const rosterWithGuestsOn = (
  members: ReadonlyArray<Member>,
  organization: Organization,
  on: CivilDate,
  profile: RuleProfile,
  guests: { readonly attachments: ReadonlyArray<MobileAttachment>; readonly files: ReadonlyArray<Member> } = { attachments: [], files: [] }
): ReadonlyArray<RosterEntry | GuestEntry> =>
  [...rosterOn(members, organization, on, profile), ...guestsOn(guests.attachments, guests.files, organization, on, profile)].sort((a, b) =>
    a.member.id < b.member.id ? -1 : a.member.id > b.member.id ? 1 : 0
  )
