import { addDays, type CivilDate, maxDate } from "../calendar/civil-date.js"
import { addMonthsTo, type Month, monthStart } from "../dues/month.js"
import type { BranchCompliance } from "../meeting/compliance.js"
import type { Member } from "../member/member.js"
import { lapseSixMonthsRule } from "../member/rules-status.js"
import { statusOn } from "../member/sanctions.js"
import { stageOn } from "../member/stage.js"
import type { Organization } from "../org/organization.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { studyStatus } from "../study/ledger.js"
import { memberSubject } from "./member-agenda.js"
import { inWindow, type Recipient, type Reminder, type ReminderWindow, reminder, secretaryOf } from "./reminder.js"
import { remindersLeadRule } from "./rules.js"

/**
 * Reminders of meetings: a period of a meeting obligation that ends within `meetingDays` and is not
 * met yet, reminded `meetingDays − 1` days before its last day (the week it is due, by default), to
 * the secretary of the organization that holds it (and of its branch, for a 党小组).
 */
export const meetingReminders = (
  compliance: ReadonlyArray<BranchCompliance>,
  organizations: ReadonlyMap<string, Organization>,
  profile: RuleProfile,
  window: ReminderWindow
): ReadonlyArray<Reminder> => {
  const lead = ruleAt(profile, remindersLeadRule, window.today).parameters
  const out: Array<Reminder> = []
  for (const branch of compliance) {
    for (const o of branch.obligations) {
      const org = organizations.get(o.organizationId)
      if (org === undefined) continue
      const to: Array<Recipient> = [secretaryOf(org)]
      const parent = org.kind === "partyGroup" && org.parentId !== null ? organizations.get(org.parentId) : undefined
      if (parent !== undefined) to.push(secretaryOf(parent))
      for (const p of o.periods) {
        if (p.required === 0 || p.held >= p.required) continue
        const remindOn = maxDate(p.period.start, addDays(p.period.end, 1 - Math.max(1, lead.meetingDays)))
        if (!inWindow(window, remindOn)) continue
        out.push(
          reminder(window, {
            id: `meeting:${o.organizationId}:${o.rule.id}:${p.period.label}`,
            kind: "meeting",
            remindOn,
            about: p.period.end,
            to,
            subject: { kind: "organization", id: org.id, name: org.name },
            rule: o.rule,
            text: {
              zh: `${org.name}：${p.period.label}的“${o.name.zh}”应于${p.period.end}前召开（已开${p.held}次，应开${p.required}次）`,
              en: `${org.name}: ${o.name.en} for ${p.period.label} is due by ${p.period.end} (${p.held} of ${p.required} held)`
            }
          })
        )
      }
    }
  }
  return out
}

/**
 * Reminders of dues: a member reaches `duesMonthsBehind` unpaid months (well before the six months of
 * `member.lapse.sixMonths`) on the first day of the month after the last of them. `unpaid` lists each
 * member's months with arrears (any order).
 */
export const duesReminders = (
  unpaid: ReadonlyArray<{ readonly memberId: string; readonly month: string }>,
  members: ReadonlyMap<string, Member>,
  branches: ReadonlyMap<string, Organization>,
  profile: RuleProfile,
  window: ReminderWindow
): ReadonlyArray<Reminder> => {
  const lead = ruleAt(profile, remindersLeadRule, window.today).parameters
  const byMember = new Map<string, Array<string>>()
  for (const r of unpaid) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r.month])
  const out: Array<Reminder> = []
  for (const [memberId, months] of byMember) {
    const member = members.get(memberId)
    if (member === undefined || member.status !== "active") continue
    const nth = [...months].sort()[lead.duesMonthsBehind - 1] as Month | undefined
    if (nth === undefined) continue
    const remindOn = monthStart(addMonthsTo(nth, 1))
    if (!inWindow(window, remindOn)) continue
    const branch = branches.get(member.organizationId)
    out.push(
      reminder(window, {
        id: `dues:${memberId}:${nth}`,
        kind: "dues",
        remindOn,
        about: remindOn,
        to: [...(branch === undefined ? [] : [secretaryOf(branch)]), { role: "member", personId: memberId }],
        subject: memberSubject(member),
        rule: ruleAt(profile, lapseSixMonthsRule, remindOn),
        text: {
          zh: `${member.name}已有${lead.duesMonthsBehind}个月党费未交（截至${nth}），请及时交纳`,
          en: `${member.name}: dues of ${lead.duesMonthsBehind} months are unpaid (through ${nth}); please pay them`
        }
      })
    )
  }
  return out
}

/** The quarter ends of a year at which study hours are checked against the target pro rata. */
const checkpoints = (year: number): ReadonlyArray<{ readonly on: CivilDate; readonly share: number }> => [
  { on: `${year}-03-31` as CivilDate, share: 1 / 4 },
  { on: `${year}-06-30` as CivilDate, share: 2 / 4 },
  { on: `${year}-09-30` as CivilDate, share: 3 / 4 }
]

/**
 * Reminders of study: on the day after each quarter's end (31 March, 30 June, 30 September), a member on
 * the roll whose hours credited that year are below the year's target pro rata (a quarter, a half, three
 * quarters) and who is not excused that year. `credits` are the credits by member and day.
 */
export const studyReminders = (
  credits: ReadonlyArray<{ readonly memberId: string; readonly on: string; readonly tenths: number }>,
  excused: ReadonlyArray<{ readonly memberId: string; readonly year: number }>,
  members: ReadonlyArray<Member>,
  branches: ReadonlyMap<string, Organization>,
  profile: RuleProfile,
  window: ReminderWindow
): ReadonlyArray<Reminder> => {
  const out: Array<Reminder> = []
  const first = Number(window.since.slice(0, 4))
  const last = Number(window.today.slice(0, 4))
  for (let year = first; year <= last; year++) {
    for (const checkpoint of checkpoints(year)) {
      const remindOn = addDays(checkpoint.on, 1)
      if (!inWindow(window, remindOn)) continue
      const roll = members.filter((m) => ["probationary", "full"].includes(stageOn(m, checkpoint.on, profile) ?? "") && statusOn(m, checkpoint.on) === "active")
      const sums = new Map<string, { tenths: number; centralized: number }>()
      for (const c of credits) {
        if (!c.on.startsWith(`${year}-`) || c.on > checkpoint.on) continue
        sums.set(c.memberId, { tenths: (sums.get(c.memberId)?.tenths ?? 0) + c.tenths, centralized: 0 })
      }
      const people = roll.map((m) => {
        const branch = branches.get(m.organizationId)
        const leaders = branch === undefined ? [] : [branch.leadership.secretaryId, ...branch.leadership.deputySecretaryIds, ...branch.leadership.committeeMemberIds]
        return { memberId: m.id as string, leader: leaders.includes(m.id) }
      })
      const excusedThen = new Set(excused.filter((e) => e.year === year).map((e) => e.memberId))
      const lines = studyStatus(people, sums, new Map(), excusedThen, profile, `${year}-12-31` as CivilDate)
      lines.forEach((line, i) => {
        const expected = Math.ceil(line.target.tenths * checkpoint.share)
        if (line.excused || line.credited.tenths >= expected) return
        const member = roll[i]!
        const branch = branches.get(member.organizationId)
        out.push(
          reminder(window, {
            id: `study:${member.id}:${checkpoint.on}`,
            kind: "study",
            remindOn,
            about: `${year}-12-31` as CivilDate,
            to: [...(branch === undefined ? [] : [secretaryOf(branch)]), { role: "member", personId: member.id }],
            subject: memberSubject(member),
            rule: line.rule,
            text: {
              zh: `${member.name}截至${checkpoint.on}已记学时${line.credited.tenths / 10}，低于全年${line.target.tenths / 10}学时的进度（应达${expected / 10}）`,
              en: `${member.name}: ${line.credited.tenths / 10} study hours by ${checkpoint.on}, behind the pace of ${line.target.tenths / 10} a year (${expected / 10} expected)`
            }
          })
        )
      })
    }
  }
  return out
}
