import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { Member } from "../member/member.js"
import { type MemberTimelineItem, timeline } from "../member/timeline.js"
import { withCitation } from "../profile/citation.js"
import type { RuleProfile } from "../profile/profile.js"
import type { AgendaItem, AgendaSubject } from "./agenda.js"

/** A member as the subject of agenda entries and flags. */
export const memberSubject = (member: Member): Extract<AgendaSubject, { readonly kind: "member" }> => ({
  kind: "member",
  id: member.id,
  name: member.name,
  organizationId: member.organizationId,
  partyGroupId: member.partyGroupId
})

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
  const subject = memberSubject(member)
  const out: Array<AgendaItem> = []
  for (const item of now.items) {
    const date = item.due ?? item.earliest
    if (date === undefined || (!item.overdue && date > horizonEnd)) continue
    const finding = raised.get(item.ruleId)
    const kind = item.due === undefined ? "earliest" : "due"
    const severity = finding?.severity ?? "reminder"
    const message = finding?.message ?? withCitation({ id: item.ruleId, source: item.source }, upcomingText(member, item))
    const { ruleId, step, overdue, source, confidence, latest } = item
    // Two literals rather than a spread of `latest`: V8 builds a spread that gains keys far more slowly.
    out.push(
      latest === undefined
        ? { date, kind, overdue, severity, subject, ruleId, step, message, source, confidence }
        : { date, kind, overdue, severity, subject, ruleId, step, latest, message, source, confidence }
    )
  }
  return out
}
