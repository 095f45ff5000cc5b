import { type CivilDate, civilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { Member } from "../member/member.js"
import { type MemberTimelineItem, timeline } from "../member/timeline.js"
import { withCitation } from "../profile/citation.js"
import type { Finding } from "../profile/finding.js"
import type { RuleProfile } from "../profile/profile.js"
import type { AgendaItem, AgendaSubject } from "./agenda.js"

/** The last day a civil date can name. */
const LAST_CIVIL_DATE = civilDate("2999-12-31")

/** A member as the subject of agenda entries and flags. */
export const memberSubject = (member: Member): Extract<AgendaSubject, { readonly kind: "member" }> => ({
  kind: "member",
  id: member.id,
  name: member.name,
  organizationId: member.organizationId,
  partyGroupId: member.partyGroupId
})

/**
 * The citation of each rule on the member's timeline, by rule id. The timeline resolves each rule in
 * the version in force when its clock started (the 2014 or the 2026 细则) and shows it only in the
 * findings it raises; judged on the last civil date every item is overdue or reached and raises one,
 * so its citation is exactly the one the timeline uses when the item comes due. A timeline has at
 * most one item per rule.
 */
const timelineCitations = (member: Member, profile: RuleProfile): ReadonlyMap<string, Finding> =>
  new Map(timeline(member, profile, LAST_CIVIL_DATE).findings.map((f) => [f.ruleId, f]))

/** The text of an entry that raised no finding yet: an upcoming deadline or opening. */
const upcomingText = (member: Member, item: MemberTimelineItem): Message => {
  const { zh, en } = item.label
  if (item.due === undefined) {
    return { zh: `${member.name}：自${item.earliest}起可进行“${zh}”`, en: `${member.name}: ${en} is possible from ${item.earliest}` }
  }
  const latest = item.latest === undefined ? { zh: "", en: "" } : { zh: `，特殊情况最迟${item.latest}`, en: `, in a special case by ${item.latest}` }
  return {
    zh: `${member.name}：“${zh}”应在${item.due}前完成${latest.zh}`,
    en: `${member.name}: ${en} is due by ${item.due}${latest.en}`
  }
}

/**
 * 个人待办 — the member's timeline items on `today` that are overdue or dated on or before
 * `horizonEnd` (openings already reached included), each citing its rule. An item that raised a
 * finding today carries that finding's severity and message; the others are reminders.
 */
export const memberAgendaItems = (
  member: Member,
  profile: RuleProfile,
  today: CivilDate,
  horizonEnd: CivilDate
): ReadonlyArray<AgendaItem> => {
  const now = timeline(member, profile, today)
  const raised = new Map(now.findings.map((f) => [f.ruleId, f]))
  const citations = timelineCitations(member, profile)
  const subject = memberSubject(member)
  return now.items.flatMap((item): ReadonlyArray<AgendaItem> => {
    const date = item.due ?? item.earliest
    const cited = raised.get(item.ruleId) ?? citations.get(item.ruleId)
    if (date === undefined || cited === undefined || (!item.overdue && date > horizonEnd)) return []
    const finding = raised.get(item.ruleId)
    return [
      {
        date,
        kind: item.due === undefined ? "earliest" : "due",
        overdue: item.overdue,
        severity: finding?.severity ?? "reminder",
        subject,
        ruleId: item.ruleId,
        step: item.step,
        ...(item.latest === undefined ? {} : { latest: item.latest }),
        message: finding?.message ?? withCitation({ id: item.ruleId, source: cited.source }, upcomingText(member, item)),
        source: cited.source,
        confidence: cited.confidence
      }
    ]
  })
}
