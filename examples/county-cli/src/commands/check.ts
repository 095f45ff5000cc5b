import { type Finding, meetingService, reportService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { dateOption, ExitCode, type Lang, t } from "../options.js"
import type { Session } from "../session.js"

export interface CheckOptions {
  readonly json: boolean
  /** The first day of the period checked (viewer only; default 1 January of today's year). */
  readonly from?: string
  /** Findings printed per branch (0 for all). */
  readonly limit: number
}

/** One branch's result, whichever role ran the check. */
export interface BranchCheck {
  readonly branchId: string
  readonly name: string
  /** 组织生活缺项: the meeting periods that ended short of the rule. */
  readonly gaps: ReadonlyArray<Finding>
  /** 停滞支部 */
  readonly silent: Finding | null
  /** 逾期换届 (organizer only: it reads the terms). */
  readonly overdueElections: ReadonlyArray<Finding>
  /** Deadlines already passed, with their messages (organizer only: they name people). */
  readonly overdue: ReadonlyArray<{ readonly date: string; readonly message: Finding["message"]; readonly ruleId: string }>
  /** Deadlines in the next 30 days (information, not a gap). */
  readonly next30: number
  /** Files stalled in recruitment (information, not a gap). */
  readonly stalled: number
}

/** True when the branch has something that must be put right: a gap, silence, an overdue election or deadline. */
export const hasGaps = (b: BranchCheck): boolean => b.gaps.length > 0 || b.silent !== null || b.overdueElections.length > 0 || b.overdue.length > 0

/** The organizer's check: the compliance dashboard (gaps, overdue deadlines, silence, elections, stalled files). */
const asOrganizer = (session: Session) =>
  Effect.map(reportService.dashboard(session.ctx, { organizationId: session.organization.id }), (d) =>
    d.branches.map(
      (b): BranchCheck => ({
        branchId: b.branchId,
        name: b.name,
        gaps: b.gaps,
        silent: b.silent,
        overdueElections: b.overdueElections,
        overdue: b.overdue.map((i) => ({ date: i.date, message: i.message, ruleId: i.ruleId })),
        next30: b.next30.length,
        stalled: b.stalled.length
      })
    )
  )

/** The viewer's check: aggregates only — meeting compliance and silent branches (`report.aggregate`). */
const asViewer = (session: Session, from: string) =>
  Effect.gen(function* () {
    const organizationId = session.organization.id
    const compliance = yield* meetingService.compliance(session.ctx, { organizationId, from, to: session.today })
    const silent = yield* meetingService.silentBranches(session.ctx, { organizationId })
    const names = new Map(session.organizations.map((o) => [o.id as string, o.name]))
    return compliance.branches.map(
      (b): BranchCheck => ({
        branchId: b.branchId,
        name: names.get(b.branchId) ?? b.branchId,
        gaps: b.findings,
        silent: silent.find((f) => f.subject.id === b.branchId) ?? null,
        overdueElections: [],
        overdue: [],
        next30: 0,
        stalled: 0
      })
    )
  })

const tag = (lang: Lang, zh: string, en: string) => `[${t(lang, zh, en)}]`

/** The check as text: a line per problem under each branch that has one, then the totals. */
export const renderCheck = (session: Session, branches: ReadonlyArray<BranchCheck>, limit: number): string => {
  const { lang, organization, today } = session
  const lines: Array<string> = []
  const withGaps = branches.filter(hasGaps)
  lines.push(
    t(
      lang,
      `合规检查：${organization.name}（${organization.id}），截至 ${today}，身份 ${session.options.role === "viewer" ? "县级查看者" : "上级组织员"}`,
      `Compliance check: ${organization.name} (${organization.id}) as of ${today}, acting as ${session.options.role === "viewer" ? "county viewer" : "higher organizer"}`
    ),
    t(lang, `${branches.length} 个支部，其中 ${withGaps.length} 个存在问题`, `${branches.length} branches, ${withGaps.length} with problems`),
    ""
  )
  for (const b of withGaps) {
    const entries = [
      ...b.gaps.map((f) => `${tag(lang, "缺项", "gap")} ${f.message[lang]}`),
      ...(b.silent === null ? [] : [`${tag(lang, "停滞", "silent")} ${b.silent.message[lang]}`]),
      ...b.overdueElections.map((f) => `${tag(lang, "换届", "election")} ${f.message[lang]}`),
      ...b.overdue.map((i) => `${tag(lang, "逾期", "overdue")} ${i.date} ${i.message[lang]}`)
    ]
    lines.push(`${b.name}（${b.branchId}）`)
    const shown = limit > 0 ? entries.slice(0, limit) : entries
    lines.push(...shown.map((e) => `  ${e}`))
    if (shown.length < entries.length) lines.push(t(lang, `  …另有 ${entries.length - shown.length} 项（--limit 0 显示全部）`, `  … ${entries.length - shown.length} more (--limit 0 shows all)`))
  }
  const sum = (f: (b: BranchCheck) => number) => branches.reduce((n, b) => n + f(b), 0)
  const totals = {
    gaps: sum((b) => b.gaps.length),
    silent: sum((b) => (b.silent === null ? 0 : 1)),
    elections: sum((b) => b.overdueElections.length),
    overdue: sum((b) => b.overdue.length),
    next30: sum((b) => b.next30),
    stalled: sum((b) => b.stalled)
  }
  if (withGaps.length > 0) lines.push("")
  lines.push(
    t(
      lang,
      `合计：组织生活缺项 ${totals.gaps} 项，停滞支部 ${totals.silent} 个，逾期换届 ${totals.elections} 项，逾期事项 ${totals.overdue} 项`,
      `Totals: ${totals.gaps} meeting gaps, ${totals.silent} silent branches, ${totals.elections} overdue elections, ${totals.overdue} overdue deadlines`
    )
  )
  if (session.options.role === "organizer") {
    lines.push(t(lang, `提示：未来 30 天到期 ${totals.next30} 项，培养停滞 ${totals.stalled} 人`, `Coming: ${totals.next30} deadlines in the next 30 days; ${totals.stalled} files stalled in recruitment`))
  }
  lines.push(withGaps.length === 0 ? t(lang, "结果：无问题（退出码 0）", "Result: no problems (exit status 0)") : t(lang, "结果：存在问题（退出码 1）", "Result: problems found (exit status 1)"))
  return `${lines.join("\n")}\n`
}

/**
 * `zhibu check` — compliance and signals of every branch of the subtree on today: exit 1 when any
 * branch has a gap, so a scheduler can raise an alarm; 0 when none.
 */
export const checkCommand = (options: CheckOptions) => (session: Session) => {
  const from = options.from === undefined ? `${session.today.slice(0, 4)}-01-01` : dateOption(options.from, "--from")
  return Effect.map(session.options.role === "viewer" ? asViewer(session, from) : asOrganizer(session), (branches) => {
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ organizationId: session.organization.id, today: session.today, role: session.options.role, branches }, null, 2)}\n`)
    } else {
      process.stdout.write(renderCheck(session, branches, options.limit))
    }
    return branches.some(hasGaps) ? ExitCode.findings : ExitCode.ok
  })
}
