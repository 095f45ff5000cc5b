import type { AgendaSubject, BranchAgenda, CivilDate, Finding, Locale, Member, MemberStage, Organization, RuleProfile, WorkdayCalendar } from "@zhibu/core"
import { citeSource, type ExpectedMeeting, localMeetingKinds, type MeetingBody, termDates } from "@zhibu/core/rules"
import { type Labels, labels } from "./labels.js"

/** Everything the report shows, read from the store after seeding. */
export interface DemoReport {
  readonly dbFile: string
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
  /** False when the file already held the demo and nothing was written. */
  readonly seeded: boolean
  readonly agenda: BranchAgenda
  readonly members: ReadonlyArray<Member>
  readonly meetings: ReadonlyArray<ExpectedMeeting>
  readonly audit: { readonly total: number; readonly thisRun: number }
  /** How far ahead the agenda looked, in months. */
  readonly agendaMonths: number
}

const STAGES: ReadonlyArray<MemberStage> = ["full", "probationary", "candidate", "activist", "applicant"]
const INDENT = "      "

interface View {
  readonly locale: Locale
  readonly L: Labels
  readonly report: DemoReport
  readonly orgs: ReadonlyMap<string, Organization>
  readonly names: ReadonlyMap<string, string>
}

const orgName = (v: View, id: string): string => v.orgs.get(id)?.name ?? id

/** The organization (and 党小组) an entry is about, as the reader knows them. */
const where = (v: View, subject: AgendaSubject): string =>
  subject.kind === "organization"
    ? subject.name
    : [orgName(v, subject.organizationId), ...(subject.partyGroupId === null ? [] : [orgName(v, subject.partyGroupId)])].join(" · ")

/** True when `member` is filed in `org` or below it (through its branch or its 党小组). */
const within = (v: View, member: Member, org: Organization): boolean => {
  // A 党小组 sits under the member's branch, so walking up from the group passes the branch too.
  for (let id: string | null = member.partyGroupId ?? member.organizationId; id !== null; id = v.orgs.get(id)?.parentId ?? null) {
    if (id === org.id) return true
  }
  return false
}

const header = (v: View): Array<string> => {
  const { L, report } = v
  const lines = [L.title, "", L.database(report.dbFile), L.today(report.today), L.profile(report.profile.name[v.locale], report.profile.id)]
  const local = [...report.profile.overrides.values()][0] ?? localMeetingKinds(report.profile)[0]
  if (local !== undefined && local.source.document !== undefined) {
    lines.push(L.localDocument(local.source.document, local.effectiveFrom, local.effectiveFrom <= report.today))
  }
  lines.push(report.seeded ? L.seeded(report.members.length, report.agenda.organizations.length) : L.alreadySeeded)
  const covered = report.workdays.coveredYears
  if (covered !== undefined && Number(report.today.slice(0, 4)) > covered.to) lines.push(L.holidayData(covered.to))
  return lines
}

const tree = (v: View): Array<string> => {
  const { L, report } = v
  const lines = [L.sections.tree]
  for (const { organization: org, depth } of report.agenda.organizations) {
    const pad = "  ".repeat(depth + 1)
    const active = report.members.filter((m) => m.status === "active" && within(v, m, org))
    const counts = STAGES.map((s) => `${L.stages[s]} ${active.filter((m) => m.stage === s).length}`).join(" · ")
    lines.push(`${pad}${org.name}${L.paren(L.kinds[org.kind])}`, `${pad}  ${counts}`)
    const { secretaryId, committeeMemberIds } = org.leadership
    const lead = [
      ...(secretaryId === null ? [] : [`${L.secretary}${L.colon}${v.names.get(secretaryId) ?? secretaryId}`]),
      ...(committeeMemberIds.length === 0 ? [] : [`${L.committee}${L.colon}${L.list(committeeMemberIds.map((id) => v.names.get(id) ?? id))}`]),
      ...(org.term === null ? [] : [L.term(org.term.electedOn, termDates(org.term, 0).termEnd)])
    ]
    if (lead.length > 0) lines.push(`${pad}  ${lead.join(L.clauses)}`)
  }
  return lines
}

const findingLine = (v: View, f: Finding): string => `${v.L.tag(v.L.severity[f.severity])}${f.message[v.locale]}`

/** Party groups are left out: the setup and term rules give them no findings. */
const findings = (v: View): Array<string> => {
  const lines = [v.L.sections.findings]
  for (const { organization: org, findings: list } of v.report.agenda.organizations) {
    if (org.kind === "partyGroup") continue
    lines.push(`  ${org.name}`)
    lines.push(...(list.length === 0 ? [`${INDENT}${v.L.none}`] : list.map((f) => `${INDENT}${findingLine(v, f)}`)))
  }
  return lines
}

const agenda = (v: View, months: number): Array<string> => {
  const { L, report } = v
  const lines = [L.sections.agenda(months, report.today, report.agenda.horizonEnd)]
  if (report.agenda.items.length === 0) lines.push(`${INDENT}${L.none}`)
  for (const item of report.agenda.items) {
    const tag = item.overdue ? L.overdue(L.severity[item.severity]) : item.kind === "due" ? L.due : L.from
    lines.push(`  ${item.date}  ${L.tag(tag)}${where(v, item.subject)}`, `${INDENT}${item.message[v.locale]}`)
  }
  return lines
}

const flags = (v: View): Array<string> => {
  const lines = [v.L.sections.flags]
  if (v.report.agenda.flags.length === 0) return [...lines, `${INDENT}${v.L.none}`]
  lines.push(`  ${v.L.flagsNote}`)
  for (const flag of v.report.agenda.flags) {
    lines.push(`  ${v.L.tag(v.L.severity[flag.finding.severity])}${where(v, flag.subject)}`, `${INDENT}${flag.finding.message[v.locale]}`)
  }
  return lines
}

/** The branches that hold a meeting: all for the branch's own meetings; those with a committee or groups for theirs. */
const branchesHolding = (v: View, heldBy: MeetingBody): ReadonlyArray<Organization> => {
  const branches = [...v.orgs.values()].filter((o) => o.kind === "branch" || o.kind === "jointBranch")
  if (heldBy === "committee") return branches.filter((b) => b.leadership.committeeMemberIds.length > 0)
  if (heldBy === "partyGroup") return branches.filter((b) => [...v.orgs.values()].some((o) => o.parentId === b.id && o.kind === "partyGroup"))
  return branches
}

const meetings = (v: View): Array<string> => {
  const { L } = v
  const lines = [L.sections.meetings]
  const allBranches = branchesHolding(v, "branch").length
  for (const m of v.report.meetings) {
    const firm = m.rule.overriddenBy !== undefined || m.rule.strength === "local" ? "set" : m.rule.strength === "hard" ? "hard" : "default"
    const holding = branchesHolding(v, m.heldBy)
    const parts = [
      L.cadence(m.cadence, firm),
      ...(m.heldBy === "branch" ? [] : [L.heldBy[m.heldBy]]),
      ...(m.speaker === "secretary" ? [L.bySecretary] : []),
      ...(m.quarter === undefined ? [] : [L.quarter(m.quarter)]),
      ...(m.studyHours === undefined ? [] : [L.studyHours(m.studyHours, m.countsTowardStudy)]),
      ...(holding.length === allBranches ? [] : [holding.length === 0 ? L.appliesToNone : L.appliesTo(holding.map((b) => b.name))]),
      // A local document that sets the rule is its own certain source; only the national number may be unsure.
      ...(m.rule.confidence === "unsure" && m.rule.overriddenBy === undefined ? [L.unsure] : [])
    ]
    lines.push(`  ${m.name[v.locale]}${L.colon}${parts.join(L.parts)}`, `${INDENT}${L.cite(m.rule.id, citeSource(m.rule.source))}`)
  }
  return lines
}

/** The report as text: header, tree, findings, agenda, flags, expected meetings and the audit count. */
export const render = (report: DemoReport, locale: Locale): string => {
  const L = labels[locale]
  const v: View = {
    locale,
    L,
    report,
    orgs: new Map(report.agenda.organizations.map((o) => [o.organization.id, o.organization])),
    names: new Map(report.members.map((m) => [m.id, m.name]))
  }
  const audit = [L.sections.audit, `  ${L.auditLine(report.audit.total, report.audit.thisRun)}`]
  return [header(v), tree(v), findings(v), agenda(v, report.agendaMonths), flags(v), meetings(v), audit].map((s) => s.join("\n")).join("\n\n") + "\n"
}
