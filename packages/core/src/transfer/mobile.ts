import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { addMonths, CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { type AttendanceEvidence, lastOrganizationalLifeOf } from "../member/signals.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"
import { TransferRejected } from "./errors.js"
import { LetterId, LetterParty } from "./letter.js"
import { mobileHostRule } from "./rules-mobile.js"

/**
 * 流动党员登记 — a mobile member attached to a host organization (流入地党组织) from `from` to `until`
 * (inclusive; null while open). The home organization keeps the file; the host records the member's
 * organizational life, evaluation and study, and the home branch sees those records.
 */
export const MobileAttachment = Schema.Struct({
  tenantId: TenantId,
  id: LetterId,
  version: Schema.Int.pipe(Schema.positive()),
  memberId: PersonId,
  /** The member's own branch (the file's organization when the attachment began). */
  homeOrganizationId: OrganizationId,
  host: LetterParty,
  /** The day the member left for the host place (外出之日). */
  leftOn: CivilDate,
  from: CivilDate,
  until: Schema.NullOr(CivilDate),
  /** 外出原因, e.g. 支教, 跟岗学习. */
  reason: DisplayText(1, 200)
}).pipe(
  Schema.filter((a) => a.until === null || a.until >= a.from || "the attachment ends before it starts"),
  Schema.filter((a) => a.from >= a.leftOn || "the attachment starts before the member left")
)
export type MobileAttachment = typeof MobileAttachment.Type

/** True when the attachment is in force on `on`. */
export const attachedOn = (a: Pick<MobileAttachment, "from" | "until">, on: CivilDate): boolean =>
  a.from <= on && (a.until === null || on <= a.until)

/** 流入地 — the host organization of a member on a date: the attachment in force then, if any. */
export const hostOn = (attachments: ReadonlyArray<MobileAttachment>, memberId: string, on: CivilDate): MobileAttachment | undefined =>
  attachments.find((a) => a.memberId === memberId && attachedOn(a, on))

/** Whether two spans (an attachment's `from`–`until`, `until` null for open-ended) share a day. */
export const overlaps = (a: Pick<MobileAttachment, "from" | "until">, b: Pick<MobileAttachment, "from" | "until">): boolean =>
  (b.until === null || a.from <= b.until) && (a.until === null || b.from <= a.until)

/**
 * Checks a new attachment of `member` against the member's existing ones (rule
 * `transfer.mobile.host`): the member is an active party member, away at least the rule's months
 * from `leftOn` when the end is known, the host is not the home branch, and no more hosts than the
 * rule allows at any one time (one: a mobile member has one home and at most one host).
 */
export const checkAttachment = (
  member: Member,
  attachment: Omit<MobileAttachment, "version">,
  existing: ReadonlyArray<MobileAttachment>,
  profile: RuleProfile
): Either.Either<void, TransferRejected> => {
  const rule = ruleAt(profile, mobileHostRule, attachment.from)
  const refuse = (problem: TransferRejected["problem"], zh: string, en: string) =>
    Either.left(
      new TransferRejected({ operation: "transfer.attachMobile", memberId: member.id, problem, ...refusedBy(rule, { zh, en }) })
    )
  if (member.status !== "active" || (member.stage !== "full" && member.stage !== "probationary")) {
    return refuse("notOnRoll", `${member.name}不是本组织在册的党员`, `${member.name} is not a party member on the roll`)
  }
  if (attachment.host.organizationId !== null && attachment.host.organizationId === member.organizationId) {
    return refuse("sameOrganization", "流入地党组织不能是本人所在支部", "the host cannot be the member's own branch")
  }
  if (attachment.until !== null && addMonths(attachment.leftOn, rule.parameters.minimumMonths) > attachment.until) {
    return refuse(
      "tooShort",
      `外出不足 ${rule.parameters.minimumMonths} 个月，不作为流动党员管理`,
      `away less than ${rule.parameters.minimumMonths} months: not a mobile member`
    )
  }
  const concurrent = existing.filter((a) => a.memberId === member.id && overlaps(a, attachment)).length
  if (concurrent + 1 > rule.parameters.maximumHosts) {
    return refuse(
      "hostLimit",
      `同一时间最多由 ${rule.parameters.maximumHosts} 个流入地党组织协助管理`,
      `at most ${rule.parameters.maximumHosts} host organization(s) at a time`
    )
  }
  return Either.void
}

/** One attendance row and where it was recorded: the organization holding the meeting. */
export interface PlacedAttendance extends AttendanceEvidence {
  readonly organizationId: string
}

/**
 * 最后参加组织生活的日期（含流入地）— `lastOrganizationalLifeOn` for a mobile member: the member's
 * attendance at home, and at a host organization while attached to it (rows at a host outside the
 * attachment's dates do not count), read by `lastOrganizationalLifeOf`. So the lapse signal of a
 * member living their organizational life at the host is not raised at home. `homeUnits`: the other
 * organizations whose meetings are the member's own at home — the branch and its party groups
 * (党小组会 is organizational life too), of which the member's file names one.
 */
export const lastOrganizationalLifeWithHosts = (
  member: Pick<Member, "id" | "organizationId">,
  rows: Iterable<PlacedAttendance>,
  attachments: ReadonlyArray<MobileAttachment>,
  homeUnits: Iterable<string> = []
): CivilDate | undefined => {
  const mine = attachments.filter((a) => a.memberId === member.id)
  const home = new Set<string>([member.organizationId, ...homeUnits])
  const counted: Array<AttendanceEvidence> = []
  for (const r of rows) {
    if (home.has(r.organizationId)) counted.push(r)
    else if (mine.some((a) => a.host.organizationId === r.organizationId && attachedOn(a, r.date))) counted.push(r)
  }
  return lastOrganizationalLifeOf(counted)
}
