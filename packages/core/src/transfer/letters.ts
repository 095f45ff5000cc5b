import * as Either from "effect/Either"
import { addDays, type CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { changeStatus } from "../member/status.js"
import type { Organization } from "../org/organization.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { TransferRejected } from "./errors.js"
import type { LetterId, LetterParty, TransferDirection, TransferLetter } from "./letter.js"
import { letterValidityRule } from "./rules-letter.js"

/** A letter as the sending side writes it (before the store sets its version). */
export type NewLetter = Omit<TransferLetter, "version">

/** What a letter says, as a command gives it. */
export interface LetterDetails {
  readonly id: LetterId
  readonly letterNumber: string
  readonly issuedOn: CivilDate
  readonly duesPaidThrough: string
}

const rejected = (operation: string, memberId: string, problem: TransferRejected["problem"], zh: string, en: string) =>
  new TransferRejected({ operation, memberId, problem, text: { zh, en } })

/** The organizations that hold members' files: branches and joint branches, not dissolved. */
export const holdsMembers = (org: Organization): boolean => (org.kind === "branch" || org.kind === "jointBranch") && org.dissolvedOn === null

/** An organization of the tenant as one end of a letter. */
export const partyOf = (org: Organization): LetterParty => ({ organizationId: org.id as LetterParty["organizationId"], name: org.name, tenantId: null })

/** `notOnRoll` unless the file is active in an organization (a transferred-out, lapsed or closed file does not move). */
export const requireOnRoll = (operation: string, member: Member): Either.Either<Member, TransferRejected> =>
  member.status === "active"
    ? Either.right(member)
    : Either.left(
        rejected(operation, member.id, "notOnRoll", `${member.name}的档案状态不是“正常”，不在本组织名册上`, `${member.name} is not an active file on the roll`)
      )

/**
 * 开具介绍信 — the letter for `member` from its organization: valid until the issue date plus the
 * profile's days (rule `transfer.letter.validity` on the issue date), carrying the member's stage.
 */
export const issueLetter = (
  member: Member,
  from: Organization,
  to: LetterParty,
  direction: TransferDirection,
  details: LetterDetails,
  profile: RuleProfile,
  batchId: string | null = null
): NewLetter => {
  const validity = ruleAt(profile, letterValidityRule, details.issuedOn)
  return {
    tenantId: member.tenantId,
    id: details.id,
    direction,
    memberId: member.id,
    memberName: member.name,
    stage: member.stage,
    letterNumber: details.letterNumber,
    organizationId: from.id,
    from: partyOf(from),
    to,
    issuedOn: details.issuedOn,
    validUntil: addDays(details.issuedOn, validity.parameters.days),
    duesPaidThrough: details.duesPaidThrough,
    receivedOn: null,
    batchId,
    source: null
  }
}

/**
 * 接收 — checks that `letter` can be received on `receivedOn`: not received before, not before its
 * issue date nor after `today`, and within its validity (rule `transfer.letter.validity`, with the
 * last valid day as `allowedUntil`).
 */
export const checkReceipt = (
  operation: string,
  letter: Pick<TransferLetter, "memberId" | "letterNumber" | "issuedOn" | "validUntil" | "receivedOn">,
  receivedOn: CivilDate,
  today: CivilDate,
  profile: RuleProfile
): Either.Either<void, TransferRejected> => {
  if (letter.receivedOn !== null) {
    return Either.left(
      rejected(operation, letter.memberId, "alreadyReceived", `介绍信 ${letter.letterNumber} 已于${letter.receivedOn}接收`, `letter ${letter.letterNumber} was received on ${letter.receivedOn}`)
    )
  }
  if (receivedOn < letter.issuedOn || receivedOn > today) {
    return Either.left(
      rejected(
        operation,
        letter.memberId,
        "dateOrder",
        `接收日期${receivedOn}应在开具日期${letter.issuedOn}与今天${today}之间`,
        `the receipt date ${receivedOn} must lie between the issue date ${letter.issuedOn} and today ${today}`
      )
    )
  }
  if (receivedOn > letter.validUntil) {
    const rule = ruleAt(profile, letterValidityRule, letter.issuedOn)
    return Either.left(
      new TransferRejected({
        operation,
        memberId: letter.memberId,
        problem: "letterExpired",
        ...refusedBy(
          rule,
          {
            zh: `介绍信 ${letter.letterNumber} 有效期至${letter.validUntil}，${receivedOn}已过期，须由转出党组织重新开具`,
            en: `letter ${letter.letterNumber} was valid until ${letter.validUntil}; on ${receivedOn} it has expired and the sender issues a new one`
          },
          { allowedUntil: letter.validUntil }
        )
      })
    )
  }
  return Either.void
}

/**
 * 编入 — the file moved to `to` on `on`: the former organization is kept (until `on`), the party
 * group is cleared (the receiving branch places the member in one of its own).
 */
export const placeMember = (member: Member, to: Organization, on: CivilDate): Member => ({
  ...member,
  organizationId: to.id,
  partyGroupId: null,
  formerOrganizations: [...(member.formerOrganizations ?? []), { organizationId: member.organizationId, until: on }]
})

/** 转出 — the sending file's status change for a letter to elsewhere (`transferredOut`, with the letter number). */
export const transferredOut = (member: Member, letter: NewLetter, decidedBy: string, today: CivilDate) =>
  changeStatus(member, {
    status: "transferredOut",
    date: letter.issuedOn,
    decidedBy,
    transfer: { to: letter.to.name, letterNumber: letter.letterNumber }
  }, today)

/**
 * 转入档案 — the receiving tenant's file for a member received from elsewhere: the sender's file as
 * it was (recruitment steps, joining and conversion dates, sanctions, decisions: standing and
 * probation continue), placed in `to`, active again from `receivedOn` with the letter in its history.
 */
export const receivedFile = (
  file: Member,
  tenantId: Member["tenantId"],
  id: Member["id"],
  to: Organization,
  letterNumber: string,
  receivedOn: CivilDate,
  decidedBy: string
): Omit<Member, "version"> => {
  const { version: _version, formerOrganizations: _former, ...rest } = file
  return {
    ...rest,
    tenantId,
    id,
    organizationId: to.id,
    partyGroupId: null,
    status: "active",
    statusHistory: [...file.statusHistory, { status: "active", date: receivedOn, decidedBy, reason: "转入", transfer: { to: to.name, letterNumber } }]
  }
}
