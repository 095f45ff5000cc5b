import { type AnnualSummary, addDays, type BranchAgenda, type CivilDate, type CommandContext, type Finding, type MembershipSummary, type Organization, reportService, type RuleProfile } from "@zhibu/core"
import { citeSource, type ExpectedMeeting, expectedMeetings, localMeetingKinds, type MeetingBody, termDates } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { Lang } from "../options.js"
import { type Labels, labels } from "./labels.js"
import type { DemoSeeded } from "./seed.js"

/** How far ahead the agenda looks, in months: about one school semester. */
export const AGENDA_MONTHS = 6

/** Everything the demo report shows, read through the services after seeding. */
export interface DemoReport {
  readonly database: string
  readonly tenant: string
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly coveredTo: number | undefined
  readonly seed: number
  readonly year: number
  readonly seeded: DemoSeeded
  readonly agenda: BranchAgenda
  readonly membership: MembershipSummary
  readonly summary: AnnualSummary
  readonly meetings: ReadonlyArray<ExpectedMeeting>
  /** Entries shown per list (0: all). */
  readonly limit: number
}

/** Reads what the report shows, as the county's organizer. */
export const collectDemo = (ctx: CommandContext, rootId: string, year: number) =>
  Effect.all({
    agenda: reportService.branchAgenda(ctx, { organizationId: rootId, horizonMonths: AGENDA_MONTHS }),
    membership: reportService.membershipSummary(ctx, { organizationId: rootId }),
    summary: reportService.annualSummary(ctx, { organizationId: rootId, year })
  })

const STAGES = ["full", "probationary", "candidate", "activist", "applicant"] as const
const INDENT = "      "

interface View {
  readonly lang: Lang
  readonly L: Labels
  readonly report: DemoReport
  readonly orgs: ReadonlyMap<string, Organization>
  readonly names: ReadonlyMap<string, string>
}

const limited = (v: View, lines: ReadonlyArray<ReadonlyArray<string>>): Array<string> => {
  const n = v.report.limit
  const shown = n > 0 ? lines.slice(0, n) : lines
  return [...shown.flat(), ...(shown.length < lines.length ? [`  ${v.L.more(lines.length - shown.length)}`] : [])]
}

const header = (v: View): Array<string> => {
  const { L, report } = v
  const s = report.seeded
  const lines = [L.title, "", L.database(report.database, report.tenant), L.today(report.today), L.profile(report.profile.name[v.lang], report.profile.id)]
  const local = [...report.profile.overrides.values()][0] ?? localMeetingKinds(report.profile)[0]
  if (local !== undefined && local.source.document !== undefined) lines.push(L.localDocument(local.source.document, local.effectiveFrom, local.effectiveFrom <= report.today))
  lines.push(
    s.applied > 0 ? L.seeded(s.organizations, s.members, s.yearRecords, report.year, report.seed) : L.alreadySeeded(s.organizations, s.members, report.year, report.seed)
  )
  if (report.coveredTo !== undefined && Number(report.today.slice(0, 4)) > report.coveredTo) lines.push(L.holidayData(report.coveredTo))
  return lines
}

/** The county and its schools (party groups counted, not listed), each with its people by stage and its leadership. */
const tree = (v: View): Array<string> => {
  const { L, report } = v
  const counts = new Map(report.membership.organizations.map((o) => [o.id, o.subtree.activeByStage]))
  const entries = report.agenda.organizations
    .filter(({ organization }) => organization.kind !== "partyGroup")
    .map(({ organization: org, depth }) => {
      const pad = "  ".repeat(depth + 1)
      const byStage = counts.get(org.id)
      const groups = report.agenda.organizations.filter((o) => o.organization.kind === "partyGroup" && o.organization.parentId === org.id).length
      const stageLine = STAGES.map((s) => `${L.stages[s]} ${(byStage?.[s] ?? 0).toLocaleString("en-US")}`).join(" · ")
      const secretaryId = org.leadership.secretaryId
      const lead = [
        ...(secretaryId === null ? [] : [`${L.secretary}${L.colon}${v.names.get(secretaryId) ?? secretaryId}`]),
        ...(org.term === null ? [] : [L.term(org.term.electedOn, termDates(org.term, 0).termEnd)]),
        ...(groups === 0 ? [] : [L.groups(groups)])
      ]
      return [`${pad}${org.name}${L.paren(L.kinds[org.kind])}`, `${pad}  ${stageLine}`, ...(lead.length === 0 ? [] : [`${pad}  ${lead.join(L.clauses)}`])]
    })
  const [root, ...below] = entries
  return [L.sections.tree, ...(root ?? []), ...limited(v, below)]
}

const findingLine = (v: View, f: Finding): string => `${v.L.tag(v.L.severity[f.severity])}${f.message[v.lang]}`

const findings = (v: View): Array<string> => {
  const entries = v.report.agenda.organizations
    .filter((o) => o.organization.kind !== "partyGroup" && o.findings.length > 0)
    .map(({ organization, findings }) => [`  ${organization.name}`, ...findings.map((f) => `${INDENT}${findingLine(v, f)}`)])
  return [v.L.sections.findings, ...(entries.length === 0 ? [`${INDENT}${v.L.none}`] : limited(v, entries))]
}

const where = (v: View, item: BranchAgenda["items"][number]): string => {
  const s = item.subject
  if (s.kind === "organization") return s.name
  return [v.orgs.get(s.organizationId)?.name ?? s.organizationId, ...(s.partyGroupId === null ? [] : [v.orgs.get(s.partyGroupId)?.name ?? s.partyGroupId])].join(" · ")
}

const agenda = (v: View): Array<string> => {
  const { L, report } = v
  const entries = report.agenda.items.map((item) => {
    const tag = item.overdue ? L.overdue(L.severity[item.severity]) : item.kind === "due" ? L.due : L.from
    return [`  ${item.date}  ${L.tag(tag)}${where(v, item)}`, `${INDENT}${item.message[v.lang]}`]
  })
  return [L.sections.agenda(AGENDA_MONTHS, report.today, report.agenda.horizonEnd), ...(entries.length === 0 ? [`${INDENT}${L.none}`] : limited(v, entries))]
}

const flags = (v: View): Array<string> => {
  const { L, report } = v
  if (report.agenda.flags.length === 0) return [L.sections.flags, `${INDENT}${L.none}`]
  const entries = report.agenda.flags.map((flag) => {
    const s = flag.subject
    const place = [v.orgs.get(s.organizationId)?.name ?? s.organizationId, s.name].join(" · ")
    return [`  ${L.tag(L.severity[flag.finding.severity])}${place}`, `${INDENT}${flag.finding.message[v.lang]}`]
  })
  return [L.sections.flags, `  ${L.flagsNote}`, ...limited(v, entries)]
}

/** The branches that hold a meeting: all for the branch's own meetings; those with a committee or groups for theirs. */
const branchesHolding = (v: View, heldBy: MeetingBody): ReadonlyArray<Organization> => {
  const all = [...v.orgs.values()]
  const branches = all.filter((o) => o.kind === "branch" || o.kind === "jointBranch")
  if (heldBy === "committee") return branches.filter((b) => b.leadership.committeeMemberIds.length > 0)
  if (heldBy === "partyGroup") return branches.filter((b) => all.some((o) => o.parentId === b.id && o.kind === "partyGroup"))
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
      ...(holding.length === allBranches ? [] : [holding.length === 0 ? L.appliesToNone : L.appliesTo(holding.length, allBranches)]),
      ...(m.rule.confidence === "unsure" && m.rule.overriddenBy === undefined ? [L.unsure] : [])
    ]
    lines.push(`  ${m.name[v.lang]}${L.colon}${parts.join(L.parts)}`, `${INDENT}${L.cite(m.rule.id, citeSource(m.rule.source))}`)
  }
  return lines
}

const year = (v: View): Array<string> => {
  const { totals } = v.report.summary
  const line = v.L.yearLine({
    branches: totals.organizations.branch + totals.organizations.jointBranch,
    members: totals.members.active.full + totals.members.active.probationary,
    full: totals.members.active.full,
    probationary: totals.members.active.probationary,
    developed: totals.newlyDeveloped,
    held: totals.elections.held,
    changed: totals.secretariesChanged,
    evaluated: totals.evaluation.evaluated
  })
  return [v.L.sections.year(v.report.summary.year), `  ${line}`]
}

/** The demo report as text: header, tree, findings, agenda, flags, expected meetings, the year, next steps. */
export const renderDemo = (report: DemoReport, lang: Lang): string => {
  const L = labels[lang]
  const v: View = {
    lang,
    L,
    report,
    orgs: new Map(report.agenda.organizations.map((o) => [o.organization.id as string, o.organization])),
    names: new Map(report.seeded.world.members.map((m) => [m.id as string, m.name]))
  }
  const next = [L.sections.next, ...L.nextSteps(addDays(report.today, -7)).map((s) => `  ${s}`)]
  return `${[header(v), tree(v), findings(v), agenda(v), flags(v), meetings(v), year(v), next].map((s) => s.join("\n")).join("\n\n")}\n`
}

/** The rules' meetings on a day. */
export const meetingsOn = (profile: RuleProfile, today: CivilDate): ReadonlyArray<ExpectedMeeting> => expectedMeetings(profile, today)
