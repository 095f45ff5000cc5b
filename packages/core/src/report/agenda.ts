import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import type { StepId } from "../member/step.js"
import type { Organization } from "../org/organization.js"
import type { Finding, Severity } from "../profile/finding.js"
import type { Confidence, RuleSource } from "../profile/rule.js"

/** Who an agenda entry is about: a member (with the branch and 党小组 they belong to) or an organization. */
export type AgendaSubject =
  | {
      readonly kind: "member"
      readonly id: string
      readonly name: string
      readonly organizationId: string
      readonly partyGroupId: string | null
    }
  | { readonly kind: "organization"; readonly id: string; readonly name: string }

/**
 * 待办事项 — one deadline (`due`) or opening (`earliest`: the first day a step becomes possible) on a
 * branch's agenda, with the rule it comes from and a message that cites it.
 */
export interface AgendaItem {
  /** The day the entry is about: the deadline, or the first day the step is possible. */
  readonly date: CivilDate
  readonly kind: "due" | "earliest"
  /** True when `date` is a deadline and today is after it. */
  readonly overdue: boolean
  /** The finding's severity when the entry raised one (overdue, or an opening reached); else `reminder`. */
  readonly severity: Severity
  readonly subject: AgendaSubject
  readonly ruleId: string
  /** The recruitment step, for a member's entry. */
  readonly step?: StepId
  /** For the admission approval: the latest day a special case allows. */
  readonly latest?: CivilDate
  /** The text with the rule id and its source appended, in zh-CN and English. */
  readonly message: Message
  readonly source: RuleSource
  readonly confidence: Confidence
}

/** 需组织决定的提示 — a flag raised for a human decision (自行脱党, 失联, 出国), for one member. */
export interface AgendaFlag {
  readonly subject: Extract<AgendaSubject, { readonly kind: "member" }>
  readonly finding: Finding
}

/** One organization of the subtree, its depth below the agenda's root (0), and its findings. */
export interface AgendaOrganization {
  readonly organization: Organization
  readonly depth: number
  /** Setup findings (`checkOrganization`) then term findings (`termFindings`) on today. */
  readonly findings: ReadonlyArray<Finding>
}

/**
 * 支部工作日程 — everything an organization and its subtree must attend to, as known on `today`:
 * the findings of each organization, the deadlines and openings up to `horizonEnd` (and every overdue
 * one) sorted by {@link compareAgendaItems}, and the flags that wait for a human decision.
 */
export interface BranchAgenda {
  readonly organizationId: string
  readonly today: CivilDate
  /** `today` plus the horizon in calendar months: entries on this day are in, later ones are out. */
  readonly horizonEnd: CivilDate
  /** The root first, then the organizations below it, depth-first. */
  readonly organizations: ReadonlyArray<AgendaOrganization>
  readonly items: ReadonlyArray<AgendaItem>
  readonly flags: ReadonlyArray<AgendaFlag>
}

const subjectKey = (s: AgendaSubject): string => `${s.kind === "organization" ? 0 : 1}:${s.name}:${s.id}`

/**
 * The agenda's order: overdue entries first, then by date; on the same date organizations before
 * members, then by name, id and rule id, so that the order never depends on the input order.
 */
export const compareAgendaItems = (a: AgendaItem, b: AgendaItem): number => {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  const sa = subjectKey(a.subject)
  const sb = subjectKey(b.subject)
  if (sa !== sb) return sa < sb ? -1 : 1
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0
}
