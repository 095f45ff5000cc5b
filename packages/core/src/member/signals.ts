import * as Schema from "effect/Schema"
import { addDays, addMonths, CivilDate, fromParts, packedAddMonths, packedDate, packedMonthEndAfter } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import type { Member } from "./member.js"
import { abroadSuspensionRule, lapseSixMonthsRule, lostContactSuspensionRule } from "./rules-status.js"

/** A calendar month written `YYYY-MM` (a dues month). */
const DuesMonth = Schema.String.pipe(
  Schema.pattern(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: () => "expected a month YYYY-MM" })
)

/**
 * 六个月信号的依据 — the latest dates the caller knows of (derived elsewhere from meetings, dues and
 * work records). A missing field means "unknown", and raises nothing.
 */
export const SignalEvidence = Schema.Struct({
  /** The last day the member took part in organizational life (组织生活). */
  lastOrganizationalLifeOn: Schema.optional(CivilDate),
  /** The last month whose dues were paid. */
  lastDuesPaidMonth: Schema.optional(DuesMonth),
  /** The last day the member did work the Party assigned. */
  lastAssignedWorkOn: Schema.optional(CivilDate),
  /** 出国（境）学习研究 since this day, without returning. */
  abroadSince: Schema.optional(CivilDate)
})
export type SignalEvidence = typeof SignalEvidence.Type

const isPartyMember = (member: Member): boolean => member.stage === "probationary" || member.stage === "full"

/** A justified decision on the rule dated after the evidence silences its flag until newer evidence. */
const silenced = (member: Member, ruleId: string, evidenceOn: CivilDate): boolean =>
  member.flagDecisions.some((d) => d.ruleId === ruleId && d.outcome === "justified" && d.date > evidenceOn)

const flag = (member: Member, rule: ResolvedRule<unknown>, text: Message): Finding =>
  finding(rule, "flag", { kind: "member", id: member.id }, text)

/**
 * The last day of the month `months` after the month `YYYY-MM` (0: that month's own last day). Dues
 * are counted in whole months: the sixth unpaid month completes on its last day.
 */
const endOfMonthAfter = (month: string, months: number): CivilDate => {
  const packed = packedMonthEndAfter(month, months)
  return packed >= 0
    ? fromParts(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100)
    : addDays(addMonths(fromParts(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1), months + 1), -1)
}

const judgement = {
  zh: "请支部判断是否有正当理由；自行脱党由支部大会决定",
  en: "the branch judges whether there is a legitimate reason; only the branch general meeting can treat it as leaving the Party"
}

/**
 * 满N个月 — the one reading of every "after N months (or years)" signal in this file: the signal is
 * raised **on the day the N months complete**, that is from `addMonths(last, N)` (the same day of the
 * month N months later; the month's last day when it has no such day), counted from the last day the
 * condition was still met: the last meeting attended, the last assigned work, the last contact, the
 * suspension, the departure abroad. Dues count whole months: six unpaid months complete on the last
 * day of the sixth (paid for January: on 31 July). The day before, nothing.
 * 超过五年 (abroad) and 满二年 (removal) are read the same way, in years: these signals only ask the
 * branch to judge, so raising them on the anniversary loses nothing and keeps every boundary alike.
 */
const completesOn = (last: CivilDate, months: number): CivilDate => addMonths(last, months)

/*
 * Whether `today` has reached {@link completesOn} or {@link endOfMonthAfter}, compared as packed
 * numbers (`todayPacked` is `packedDate(today)`): a province asks this of every member, and building
 * the dates as strings was most of the six-month signals' time and garbage.
 */
const hasCompleted = (today: CivilDate, todayPacked: number, last: CivilDate, months: number): boolean => {
  const completes = todayPacked < 0 ? -1 : packedAddMonths(last, months)
  return completes >= 0 ? todayPacked >= completes : today >= completesOn(last, months)
}

const monthsHaveEnded = (today: CivilDate, todayPacked: number, month: string, months: number): boolean => {
  const ends = todayPacked < 0 ? -1 : packedMonthEndAfter(month, months)
  return ends >= 0 ? todayPacked >= ends : today >= endOfMonthAfter(month, months)
}

/*
 * The lapse rule as of the last call's day and profile: the six-month signals of a branch or a
 * province are asked for the same day, and a profile never changes once made.
 */
let lapseRuleMemo: { readonly profile: RuleProfile; readonly on: CivilDate; readonly rule: ResolvedRule<{ readonly months: number }> } | undefined
const lapseRuleAt = (profile: RuleProfile, on: CivilDate): ResolvedRule<{ readonly months: number }> => {
  const memo = lapseRuleMemo
  if (memo !== undefined && memo.profile === profile && memo.on === on) return memo.rule
  const rule = ruleAt(profile, lapseSixMonthsRule, on)
  lapseRuleMemo = { profile, on, rule }
  return rule
}

const withoutOrganizationalLife: Message = { zh: "未参加党的组织生活", en: "without organizational life" }
const withoutAssignedWork: Message = { zh: "未做党所分配的工作", en: "without doing assigned Party work" }

const lapseFlag = (member: Member, rule: ResolvedRule<unknown>, last: CivilDate, months: number, what: Message): Finding =>
  flag(member, rule, {
    zh: `${member.name}：自${last}后已连续${months}个月${what.zh}；${judgement.zh}`,
    en: `${member.name}: ${months} consecutive months ${what.en} since ${last}; ${judgement.en}`
  })

/**
 * 自行脱党信号 (rules.md §6.1) — each of the three conditions counted on its own: from the day six
 * months without organizational life, without dues paid or without assigned work complete, a
 * `flag` finding for the branch to judge. Never changes the status. A `justified` flag decision on
 * `member.lapse.sixMonths` dated after a condition's evidence silences that flag until newer evidence arrives.
 */
export const sixMonthSignals = (member: Member, evidence: SignalEvidence, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  if (member.status !== "active" || !isPartyMember(member)) return []
  const rule = lapseRuleAt(profile, today)
  const months = rule.parameters.months
  const todayPacked = packedDate(today)
  const out: Array<Finding> = []
  const life = evidence.lastOrganizationalLifeOn
  if (life !== undefined && hasCompleted(today, todayPacked, life, months) && !silenced(member, rule.id, life)) {
    out.push(lapseFlag(member, rule, life, months, withoutOrganizationalLife))
  }
  const paidMonth = evidence.lastDuesPaidMonth
  if (paidMonth !== undefined && monthsHaveEnded(today, todayPacked, paidMonth, months) && !silenced(member, rule.id, endOfMonthAfter(paidMonth, 0))) {
    out.push(
      flag(member, rule, {
        zh: `${member.name}：${paidMonth}之后已连续${months}个月未交纳党费；${judgement.zh}`,
        en: `${member.name}: no dues paid for ${months} consecutive months after ${paidMonth}; ${judgement.en}`
      })
    )
  }
  const work = evidence.lastAssignedWorkOn
  if (work !== undefined && hasCompleted(today, todayPacked, work, months) && !silenced(member, rule.id, work)) {
    out.push(lapseFlag(member, rule, work, months, withoutAssignedWork))
  }
  return out
}

/** The date of the member's latest suspension (停止党籍), if suspended now. */
const suspendedOn = (member: Member): CivilDate | undefined =>
  member.status === "suspended" ? member.statusHistory.filter((c) => c.status === "suspended").at(-1)?.date : undefined

/**
 * 失联 (rules.md §6.3) — an active member not reached since `lastContactOn`: from the day six months
 * complete, a flag to consider 停止党籍. A member suspended and not reached since: from the day two
 * years after the suspension complete, a flag to consider removal. Flags only; a `justified`
 * decision after the evidence date silences them.
 */
export const lostContactSignals = (member: Member, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  if (!isPartyMember(member)) return []
  const rule = ruleAt(profile, lostContactSuspensionRule, today)
  const { suspendAfterMonths, removeAfterYears } = rule.parameters
  const last = member.lastContactOn
  if (member.status === "active" && last !== null) {
    const from = completesOn(last, suspendAfterMonths)
    if (today >= from && !silenced(member, rule.id, last)) {
      return [
        flag(member, rule, {
          zh: `${member.name}：自${last}起失去联系已满${suspendAfterMonths}个月（${from}），请支部决定是否停止党籍`,
          en: `${member.name}: out of contact since ${last}, ${suspendAfterMonths} months on ${from}; the branch decides whether to suspend membership`
        })
      ]
    }
  }
  const suspended = suspendedOn(member)
  if (suspended !== undefined && (last === null || last <= suspended)) {
    const from = completesOn(suspended, 12 * removeAfterYears)
    if (today >= from && !silenced(member, rule.id, suspended)) {
      return [
        flag(member, rule, {
          zh: `${member.name}：${suspended}停止党籍，满${removeAfterYears}年（${from}）仍无法取得联系，请支部决定是否除名`,
          en: `${member.name}: suspended on ${suspended} and still not reached ${removeAfterYears} years later (${from}); the branch decides on removal`
        })
      ]
    }
  }
  return []
}

/** 出国（境）超过五年 (rules.md §6.4) — from the day five years abroad complete, a flag to consider 停止党籍; only the organization decides. */
export const abroadSignals = (member: Member, evidence: SignalEvidence, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  const since = evidence.abroadSince
  if (since === undefined || member.status !== "active" || !isPartyMember(member)) return []
  const rule = ruleAt(profile, abroadSuspensionRule, today)
  const limit = completesOn(since, 12 * rule.parameters.years)
  if (today < limit || silenced(member, rule.id, since)) return []
  return [
    flag(member, rule, {
      zh: `${member.name}：自${since}出国（境）学习研究已超过${rule.parameters.years}年（${limit}）未回国，请党组织决定是否停止党籍`,
      en: `${member.name}: abroad for study or research since ${since}, more than ${rule.parameters.years} years (${limit}); the organization decides whether to suspend membership`
    })
  ]
}

/** Every signal for one member: six-month lapse, lost contact and abroad. */
export const memberSignals = (member: Member, evidence: SignalEvidence, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => [
  ...sixMonthSignals(member, evidence, profile, today),
  ...lostContactSignals(member, profile, today),
  ...abroadSignals(member, evidence, profile, today)
]

/** One month of a member's dues as the dues ledger keeps it (structurally: `dues/` records fit). */
export interface DuesMonthEvidence {
  /** `YYYY-MM`. */
  readonly month: string
  readonly due: number
  readonly paid: number
}

const previousMonth = (month: string): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`
}

/**
 * 最后交纳党费的月份 — `lastDuesPaidMonth` for {@link SignalEvidence}, derived from the dues ledger:
 * the latest month settled (paid in full; a month exempted by an approved hardship decision owes 0
 * and so counts as settled). When no month is settled, the month before the ledger's first month:
 * the six months are counted from when dues began. `undefined` for an empty ledger (unknown).
 */
export const lastDuesPaidMonthOf = (months: Iterable<DuesMonthEvidence>): string | undefined => {
  // The first month is needed only when none is settled (rare): it is looked for then, so the usual
  // ledger costs one comparison per settled month. An iterable that is not an array is read once.
  const list = Array.isArray(months) ? (months as ReadonlyArray<DuesMonthEvidence>) : [...months]
  let last: string | undefined
  for (const m of list) if (m.paid >= m.due && (last === undefined || m.month > last)) last = m.month
  if (last !== undefined) return last
  let first: string | undefined
  for (const m of list) if (first === undefined || m.month < first) first = m.month
  return first === undefined ? undefined : previousMonth(first)
}

/** One meeting a member was due at, as the attendance records keep it (structurally: `meeting/` records fit). */
export interface AttendanceEvidence {
  readonly date: CivilDate
  readonly status: "present" | "leave" | "absent"
}

/**
 * 最后参加组织生活的日期 — `lastOrganizationalLifeOn` for {@link SignalEvidence}, derived from
 * attendance records: the latest meeting the member was present at. When the member was due at
 * meetings but present at none, the day before the first of them: the six months are counted from
 * when the records began. `undefined` with no records (unknown).
 */
export const lastOrganizationalLifeOf = (rows: Iterable<AttendanceEvidence>): CivilDate | undefined => {
  let first: CivilDate | undefined
  let last: CivilDate | undefined
  for (const r of rows) {
    if (first === undefined || r.date < first) first = r.date
    if (r.status === "present" && (last === undefined || r.date > last)) last = r.date
  }
  return last ?? (first === undefined ? undefined : addDays(first, -1))
}
