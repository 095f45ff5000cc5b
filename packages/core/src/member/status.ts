import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { makeProfile, ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { MemberRecordRejected, StatusChangeRejected } from "./errors.js"
import type { FlagDecision, Member, MemberStatus, Sanction, StatusChange } from "./member.js"
import { statusRestorationRule } from "./rules-status.js"
import { memberStatusNames } from "./status-names.js"

/** Statuses that end a file for good: the person may only start a new file (rules.md 6.5). */
const notRestorable: ReadonlySet<MemberStatus> = new Set<MemberStatus>(["removed", "lapsed", "probationCancelled"])

/** Statuses after which this file takes no change at all. */
const terminal: ReadonlySet<MemberStatus> = new Set<MemberStatus>(["deceased", "closed", "transferredOut"])

/** The changes each status allows; `probationCancelled` comes only from the conversion steps. */
const allowed: Readonly<Record<MemberStatus, ReadonlyArray<MemberStatus>>> = {
  active: ["transferredOut", "suspended", "lapsed", "removed", "deceased", "closed"],
  suspended: ["active", "removed", "lapsed", "deceased"],
  probationCancelled: [],
  transferredOut: [],
  lapsed: [],
  removed: [],
  deceased: [],
  closed: []
}

/** Statuses only a party member (probationary or full) can take, and those only a non-member can. */
const membersOnly: ReadonlySet<MemberStatus> = new Set<MemberStatus>(["suspended", "lapsed", "removed"])

const nationalRulesOnly = makeProfile("member.status", { zh: "全国规则", en: "National rules" }, [])

/**
 * 党籍状态变更 — applies a recorded decision (转出, 停止党籍, 恢复党籍, 除名, 自行脱党, 去世, closing an
 * application file). Allowed: an active file to any exit; a suspended member back to active
 * (restoration) or out. Removed, lapsed and cancelled files are not restorable — re-joining is a new
 * file; deceased, closed and transferred-out files take no further change. Cancelling a probation
 * goes through the conversion steps. A change dated before the last one, or after `today` when
 * given, is refused.
 */
export const changeStatus = (
  member: Member,
  change: StatusChange,
  today?: CivilDate,
  profile: RuleProfile = nationalRulesOnly
): Either.Either<Member, StatusChangeRejected> => {
  const from = member.status
  const to = change.status
  const refuse = (text: Message, cite = false) =>
    Either.left(
      new StatusChangeRejected({
        memberId: member.id,
        from,
        to,
        ...(cite ? refusedBy(ruleAt(profile, statusRestorationRule, change.date), text) : { text })
      })
    )
  const fromName = memberStatusNames[from]
  const toName = memberStatusNames[to]
  if (notRestorable.has(from)) {
    return refuse({ zh: `档案状态为“${fromName.zh}”，不能恢复或变更；重新入党须重新申请（新档案）`, en: `the file is ${fromName.en} and cannot be restored or changed; re-joining starts a new file` }, true)
  }
  if (terminal.has(from)) return refuse({ zh: `档案状态为“${fromName.zh}”，不再变更`, en: `the file is ${fromName.en} and takes no further change` })
  if (to === "probationCancelled") {
    return refuse({ zh: "取消预备党员资格须经支部大会讨论和上级党委审批（转正步骤）", en: "cancelling a probation goes through the conversion meeting and approval steps" })
  }
  if (!allowed[from].includes(to)) return refuse({ zh: `不能从“${fromName.zh}”变更为“${toName.zh}”`, en: `cannot change from ${fromName.en} to ${toName.en}` })
  const partyMember = member.stage === "probationary" || member.stage === "full"
  if (membersOnly.has(to) && !partyMember) {
    return refuse({ zh: `“${toName.zh}”只适用于党员；未接收的申请人档案请关闭（closed）`, en: `${toName.en} applies to party members only; close an applicant's file instead` })
  }
  if (to === "closed" && partyMember) return refuse({ zh: "党员档案不能关闭（closed），请记录相应的党籍变化", en: "a party member's file is not closed; use an exit status" })
  const lastChange = member.statusHistory.at(-1)?.date
  if (lastChange !== undefined && change.date < lastChange) {
    return refuse({ zh: `日期${change.date}早于上次状态变更${lastChange}`, en: `the date ${change.date} is before the last status change on ${lastChange}` })
  }
  if (today !== undefined && change.date > today) return refuse({ zh: `日期${change.date}晚于今天${today}`, en: `the date ${change.date} is after today ${today}` })
  return Either.right({ ...member, status: to, statusHistory: [...member.statusHistory, change] })
}

const rejectRecord = (member: Member, what: "sanction" | "flagDecision", text: Message) =>
  Either.left(new MemberRecordRejected({ memberId: member.id, what, text }))

/** 记录处分 — appends a sanction (留党察看, 警告, 留置…) to a party member's file; `until` not before `from`. */
export const addSanction = (member: Member, sanction: Sanction, today?: CivilDate): Either.Either<Member, MemberRecordRejected> => {
  if (member.stage !== "probationary" && member.stage !== "full") {
    return rejectRecord(member, "sanction", { zh: "处分只适用于党员", en: "sanctions apply to party members only" })
  }
  if (sanction.until !== undefined && sanction.until < sanction.from) {
    return rejectRecord(member, "sanction", { zh: `结束日${sanction.until}早于开始日${sanction.from}`, en: `the end ${sanction.until} is before the start ${sanction.from}` })
  }
  if (today !== undefined && sanction.from > today) {
    return rejectRecord(member, "sanction", { zh: `开始日${sanction.from}晚于今天${today}`, en: `the start ${sanction.from} is after today ${today}` })
  }
  return Either.right({ ...member, sanctions: [...member.sanctions, sanction] })
}

/**
 * 记录对提示的判断 — appends a human decision on a flag (e.g. 有正当理由 for a six-month signal). The
 * rule must be one the profile knows; the date may not lie after `today` when given.
 */
export const addFlagDecision = (
  member: Member,
  decision: FlagDecision,
  profile: RuleProfile,
  today?: CivilDate
): Either.Either<Member, MemberRecordRejected> => {
  if (!profile.rules.has(decision.ruleId)) {
    return rejectRecord(member, "flagDecision", { zh: `未知规则 ${decision.ruleId}`, en: `unknown rule ${decision.ruleId}` })
  }
  if (today !== undefined && decision.date > today) {
    return rejectRecord(member, "flagDecision", { zh: `日期${decision.date}晚于今天${today}`, en: `the date ${decision.date} is after today ${today}` })
  }
  return Either.right({ ...member, flagDecisions: [...member.flagDecisions, decision] })
}
