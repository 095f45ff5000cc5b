import * as Either from "effect/Either"
import { addDays, type CivilDate, fromParts, maxDate, minDate } from "../calendar/civil-date.js"
import type { Period } from "../calendar/period.js"
import type { Message } from "../i18n/message.js"
import type { Member } from "../member/member.js"
import { timeline } from "../member/timeline.js"
import type { Organization } from "../org/organization.js"
import { branchCommitteeSizeRule } from "../org/rules-setup.js"
import { termReminderWindowRule } from "../org/rules-term.js"
import { termDates } from "../org/term.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { RuleSource } from "../profile/rule.js"
import { obligationPeriods } from "./compliance.js"
import { type ExpectedMeeting, expectedMeetings } from "./expected-meetings.js"
import { chooseDay, inVacation, type PlanCalendar, preferredDay } from "./plan-days.js"
import { duesPlanItems, studyPlanItems } from "./plan-ledgers.js"

/**
 * What a planned item is: a meeting the profile requires, a recruitment milestone, a term's election,
 * a dues item (a month's collection, the yearly fixing, the publication) or a study checkpoint.
 */
export type PlanItemType = "meeting" | "recruitment" | "election" | "dues" | "study"

/**
 * 计划事项 — one dated item of the year plan. A meeting item names its kind, the organization that
 * holds it, the cadence period it satisfies and the rule behind it; it has a start time (China time)
 * and may be moved within its period. Milestones, election windows, dues and study items are whole
 * days (a dues month and a study checkpoint name the month or quarter they concern as `period`).
 */
export interface PlanItem {
  /** Deterministic: `<organizationId>/<kind>[/secretary]/<period label>` for meetings. */
  readonly id: string
  readonly type: PlanItemType
  readonly organizationId: string
  readonly date: CivilDate
  readonly title: Message
  readonly ruleId: string
  readonly source: RuleSource
  /** Meetings: the kind, who must speak, the period it satisfies, and the time it starts and ends (dues and study items: the period only). */
  readonly meetingKind?: string
  readonly speaker?: ExpectedMeeting["speaker"]
  readonly period?: Period
  readonly startTime?: string
  readonly endTime?: string
  /** True when no suitable day was left in the period and the day falls in a school vacation. */
  readonly inVacation?: boolean
}

/** 年度计划 — a branch's year, its items in date order (then id). */
export interface YearPlan {
  readonly organizationId: string
  readonly year: number
  readonly items: ReadonlyArray<PlanItem>
}

export interface YearPlanOptions extends PlanCalendar {
  readonly profile: RuleProfile
  readonly year: number
  readonly branch: Organization
  readonly groups: ReadonlyArray<Organization>
  /** 正式党员 count on a date (a branch without a committee plans a 支委会 only from 7 on). */
  readonly fullMembersOn: (date: CivilDate) => number
  /** Whether the branch has a committee on a date (its leadership history); absent: its current committee fields. */
  readonly hasCommitteeOn?: (date: CivilDate) => boolean
  /** Member files of the branch, for recruitment milestones (probation ends, approvals, talks). */
  readonly members?: ReadonlyArray<Member>
  /** The day the plan is made: milestones are read from the files as they stand on it. */
  readonly today: CivilDate
  /** The branch's fixed dues day of the month (1–28); absent: the day of the month's 主题党日. */
  readonly duesDay?: number
}

const exists = (org: Organization, p: Period): boolean => org.foundedOn <= p.end && (org.dissolvedOn === null || org.dissolvedOn >= p.start)

/** Meetings start after classes, 16:00–17:30 China time, unless the caller moves them. */
const MEETING_TIME = { startTime: "16:00", endTime: "17:30" } as const

const meetingItems = (o: YearPlanOptions, yearStart: CivilDate, yearEnd: CivilDate): Array<PlanItem> => {
  const items: Array<PlanItem> = []
  const committeeAt = ruleAt(o.profile, branchCommitteeSizeRule, yearEnd).parameters.fullMembersForCommittee
  const hasCommittee = o.branch.leadership.committeeMemberIds.length > 0
  for (const e of expectedMeetings(o.profile, yearEnd)) {
    const periods = obligationPeriods(e, { from: yearStart, to: yearEnd, ...(o.schoolCalendar === undefined ? {} : { schoolCalendar: o.schoolCalendar }) })
    if (Either.isLeft(periods)) continue
    for (const org of e.heldBy === "partyGroup" ? o.groups : [o.branch]) {
      for (const p of periods.right) {
        if (!exists(org, p) || !exists(o.branch, p)) continue
        if (e.heldBy === "committee" && !(o.hasCommitteeOn?.(p.end) ?? hasCommittee) && o.fullMembersOn(p.end) < committeeAt) continue
        if (e.cadence === "weekly" && inVacation(o, fromThursday(p))) continue
        const range = { from: maxDate(p.start, yearStart), to: minDate(p.end, yearEnd) }
        const date = chooseDay(preferredDay(e, p, range, o), range, o)
        const by = e.speaker === "secretary" ? { zh: "（书记讲）", en: " by the secretary" } : { zh: "", en: "" }
        const group = org === o.branch ? { zh: "", en: "" } : { zh: `${org.name}`, en: `${org.name} ` }
        items.push({
          id: `${org.id}/${e.kind}${e.speaker === "secretary" ? "/secretary" : ""}/${p.label}`,
          type: "meeting",
          organizationId: org.id,
          date,
          title: { zh: `${group.zh}${e.name.zh}${by.zh}`, en: `${group.en}${e.name.en}${by.en}` },
          ruleId: e.rule.id,
          source: e.rule.source,
          meetingKind: e.kind,
          speaker: e.speaker,
          period: p,
          ...MEETING_TIME,
          ...(inVacation(o, date) ? { inVacation: true } : {})
        })
      }
    }
  }
  return items
}

const fromThursday = (week: Period): CivilDate => addDays(week.start, 3)

const milestoneItems = (o: YearPlanOptions, yearStart: CivilDate, yearEnd: CivilDate): Array<PlanItem> =>
  (o.members ?? []).flatMap((m) =>
    timeline(m, o.profile, o.today)
      .items.map((item) => ({ item, date: item.due ?? item.earliest }))
      .filter((x): x is { item: typeof x.item; date: CivilDate } => x.date !== undefined && yearStart <= x.date && x.date <= yearEnd)
      .map(({ item, date }) => ({
        id: `${m.id}/${item.step}/${date}`,
        type: "recruitment" as const,
        organizationId: m.organizationId,
        date,
        title: { zh: `${m.name}：${item.label.zh}`, en: `${m.name}: ${item.label.en}` },
        ruleId: item.ruleId,
        source: item.source
      }))
  )

const electionItems = (o: YearPlanOptions, yearStart: CivilDate, yearEnd: CivilDate): Array<PlanItem> => {
  const term = o.branch.term
  if (term === null || o.branch.formation === "appointed") return []
  const window = ruleAt(o.profile, termReminderWindowRule, yearEnd)
  const dates = termDates(term, window.parameters.months)
  const items: Array<PlanItem> = []
  if (yearStart <= dates.reminderFrom && dates.reminderFrom <= yearEnd) {
    items.push({
      id: `${o.branch.id}/election/prepare/${dates.reminderFrom}`,
      type: "election",
      organizationId: o.branch.id,
      date: dates.reminderFrom,
      title: { zh: `换届准备开始（${dates.termEnd}届满）`, en: `prepare the election (the term ends ${dates.termEnd})` },
      ruleId: window.id,
      source: window.source
    })
  }
  if (yearStart <= dates.termEnd && dates.termEnd <= yearEnd) {
    items.push({
      id: `${o.branch.id}/election/due/${dates.termEnd}`,
      type: "election",
      organizationId: o.branch.id,
      date: dates.termEnd,
      title: { zh: "任期届满，应按期换届", en: "the term ends: hold the election" },
      ruleId: window.id,
      source: window.source
    })
  }
  return items
}

/** Date order, then id: the plan's one order. */
export const comparePlanItems = (a: PlanItem, b: PlanItem): number => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * 年度计划 — the year of a branch, deterministically from its inputs: one meeting item per required
 * period of every meeting the profile asks for (the same obligations, composition and weekly
 * convention as the compliance check, so recording every planned meeting leaves no gap), on a
 * suitable day (working day, outside vacations; 主题党日 on its fixed weekday, moved forward off
 * holidays); each member's recruitment milestones in the year; the term's reminder and end; the dues
 * months, the yearly fixing and publication of dues; the quarterly study checkpoints (`plan-ledgers.ts`).
 */
export const yearPlan = (o: YearPlanOptions): YearPlan => {
  const yearStart = fromParts(o.year, 1, 1)
  const yearEnd = fromParts(o.year, 12, 31)
  const items = [
    ...meetingItems(o, yearStart, yearEnd),
    ...milestoneItems(o, yearStart, yearEnd),
    ...electionItems(o, yearStart, yearEnd),
    ...duesPlanItems(o),
    ...studyPlanItems(o)
  ]
  return { organizationId: o.branch.id, year: o.year, items: items.sort(comparePlanItems) }
}
