import { type AgendaItem, duesService, type Finding, meetingService, memberService, organizationService, reportService, studyService } from "@zhibu/core"
import { type BranchCompliance, type memberStageNames, type SignalEvidence, termReminderWindowRule, ruleAt, termDates } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import { HeatMap } from "../ui/charts.js"
import { findingText, hours, severityNames, shortDate } from "../ui/format.js"
import { ErrorBox, href, Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

/** The obligations of one compliance report as rows: name (with the group's name), required, held, state. */
const Requirements = (props: {
  readonly report: BranchCompliance
  readonly names: ReadonlyMap<string, string>
  readonly testid: string
  readonly monthly: boolean
}) => (
  <ul class="plain" data-testid={props.testid}>
    {props.report.obligations
      .filter((o) => (o.cadence === "monthly") === props.monthly && o.cadence !== "weekly")
      .flatMap((o) =>
      o.periods
        .filter((p) => p.state !== "notRequired")
        .map((p) => (
          <li data-kind={o.kind} data-state={p.state}>
            <span class={`chip ${p.state}`}>{p.state === "met" ? "已完成" : p.state === "gap" ? "缺" : "待开"}</span> {o.name.zh}
            {o.organizationId !== props.report.branchId ? <span class="muted">（{props.names.get(o.organizationId) ?? o.organizationId}）</span> : null}
            <span class="muted small">
              {" "}
              {p.period.label}：应开 {p.required} 次，已开 {p.held} 次
            </span>
          </li>
        ))
    )}
  </ul>
)

const AgendaList = (props: { readonly items: ReadonlyArray<AgendaItem>; readonly year: number }) =>
  props.items.length === 0 ? (
    <p class="muted">近期没有到期事项。</p>
  ) : (
    <ul class="plain" data-testid="agenda">
      {props.items.map((i) => (
        <li>
          <span class={i.overdue ? "overdue" : ""}>{shortDate(i.date, props.year)}</span> <span class={`chip ${i.severity}`}>{i.overdue ? "已逾期" : i.kind === "due" ? "截止" : "可办理"}</span>{" "}
          {i.message.zh}
        </li>
      ))}
    </ul>
  )

/** 工作台 of the branch: this month's and quarter's requirements, deadlines, the year's heat map, signals, the term. */
export const dashboardPage = async (env: RequestEnv) => {
  const { ctx, school, year } = env
  const branchId = school.branchId
  const result = await env.attempt(
    Effect.gen(function* () {
      const month = yield* meetingService.compliance(ctx, { organizationId: branchId, view: "month" })
      const quarter = yield* meetingService.compliance(ctx, { organizationId: branchId, view: "quarter" })
      const yearView = yield* meetingService.compliance(ctx, { organizationId: branchId, view: "year" })
      const branch = yield* organizationService.get(ctx, { organizationId: branchId })
      const groups = yield* organizationService.children(ctx, { organizationId: branchId })
      const members = yield* memberService.list(ctx, { organizationId: branchId, limit: 1000 })
      const party = members.filter((m) => m.status === "active" && (m.stage === "full" || m.stage === "probationary"))
      // The six-month evidence the agenda judges by: the last month of dues paid, per member.
      const evidence: Record<string, SignalEvidence> = {}
      for (const m of party) evidence[m.id] = yield* duesService.signalEvidence(ctx, { memberId: m.id })
      const agenda = yield* reportService.branchAgenda(ctx, { organizationId: branchId, horizonMonths: 3, evidence })
      // Signals from attendance (no organizational life for six months), per member.
      const fromAttendance: Array<Finding> = []
      for (const m of party) fromAttendance.push(...(yield* meetingService.memberSignals(ctx, { memberId: m.id })))
      const study = yield* studyService.branchStatus(ctx, { organizationId: branchId, year })
      // Files stalled in recruitment and elections overdue, from the library's compliance dashboard.
      const board = (yield* reportService.dashboard(ctx, { organizationId: branchId })).branches.find((b) => b.branchId === branchId)
      return { month, quarter, yearView, branch, groups, members, agenda, fromAttendance, study, board }
    })
  )
  const page = env.page
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={page} title="工作台" section="dashboard"><h1>工作台</h1><Refused error={result.error} /></Layout> }
  }
  const { month, quarter, yearView, branch, groups, members, agenda, fromAttendance, study, board } = result.value
  const names = new Map<string, string>([[branch.id, branch.name], ...groups.map((g) => [g.id as string, g.name] as const)])
  const monthReport = month.branches[0]
  const quarterReport = quarter.branches[0]
  const yearReport = yearView.branches[0]
  const flags = [...agenda.flags.map((f) => f.finding), ...fromAttendance, ...(board?.stalled.map((s) => s.finding) ?? [])]
  const seen = new Set<string>()
  const signals = flags.filter((f) => {
    const key = `${f.ruleId}:${f.subject.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const orgFindings = [...agenda.organizations.flatMap((o) => o.findings), ...(board?.overdueElections ?? [])].filter(
    (f, i, all) => all.findIndex((g) => g.ruleId === f.ruleId && g.subject.id === f.subject.id) === i
  )
  const term = branch.term === null ? undefined : termDates(branch.term, ruleAt(ctx.profile, termReminderWindowRule, branch.term.electedOn).parameters.months)
  const gapsThisQuarter = quarterReport?.obligations.flatMap((o) => o.periods).filter((p) => p.state === "gap").length ?? 0
  const byStage = (stage: keyof typeof memberStageNames) => members.filter((m) => m.status === "active" && m.stage === stage).length
  const items = agenda.items.slice(0, 12)
  return {
    status: 200,
    body: (
      <Layout ctx={page} title="工作台" section="dashboard">
        <h1>{branch.name} 工作台</h1>
        <div class="stat card" data-testid="stats">
          <div>
            正式党员<b>{byStage("full")}</b>
          </div>
          <div>
            预备党员<b>{byStage("probationary")}</b>
          </div>
          <div>
            发展中<b>{byStage("applicant") + byStage("activist") + byStage("candidate")}</b>
          </div>
          <div>
            本季度缺开<b data-testid="quarter-gaps">{gapsThisQuarter}</b>
          </div>
          <div>
            学时未达标<b>{study.behind}</b>
          </div>
        </div>
        <div class="grid">
          <section class="card">
            <h2>本月要求（{month.from.slice(0, 7)}）</h2>
            {monthReport === undefined ? <p class="muted">无</p> : <Requirements report={monthReport} names={names} testid="month-requirements" monthly={true} />}
            <p class="no-print">
              <a href={`${page.base}/meetings/new`}>记录一次会议 →</a>
            </p>
          </section>
          <section class="card">
            <h2>
              本季度与全年要求（{Number(quarter.from.slice(5, 7))}–{Number(quarter.to.slice(5, 7))}月）
            </h2>
            {quarterReport === undefined ? <p class="muted">无</p> : <Requirements report={quarterReport} names={names} testid="quarter-requirements" monthly={false} />}
          </section>
        </div>
        <section class="card">
          <h2>接下来的截止日期</h2>
          <AgendaList items={items} year={year} />
          {agenda.items.length > items.length ? (
            <p class="muted small">
              另有 {agenda.items.length - items.length} 项，见 <a href={href(page, "/plan")}>年度计划</a>。
            </p>
          ) : null}
        </section>
        <section class="card">
          <h2>{year} 年组织生活完成情况</h2>
          {yearReport === undefined ? <p class="muted">无</p> : <HeatMap report={yearReport} names={names} year={year} />}
        </section>
        <div class="grid">
          <section class="card">
            <h2>需支部判断的提示</h2>
            {signals.length === 0 ? (
              <p class="muted">没有六个月未参加组织生活、未交党费、失联或发展停滞的提示。</p>
            ) : (
              <ul class="plain" data-testid="signals">
                {signals.map((f) => (
                  <li>
                    <span class={`chip ${f.severity}`}>{severityNames[f.severity]}</span> {findingText(f)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card">
            <h2>换届</h2>
            {term === undefined ? (
              <p class="muted">尚无任期记录。</p>
            ) : (
              <p data-testid="term">
                本届支委会 {branch.term!.electedOn} 选举产生（任期 {branch.term!.years} 年），任期至 <b>{term.termEnd}</b>；{term.reminderFrom} 起应着手换届准备。
              </p>
            )}
            {orgFindings.length === 0 ? (
              <p class="muted">组织设置与任期无问题。</p>
            ) : (
              <ul class="plain">
                {orgFindings.map((f) => (
                  <li>
                    <span class={`chip ${f.severity}`}>{severityNames[f.severity]}</span> {findingText(f)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <p class="muted small">
          本年党费、学时明细见 <a href={href(page, "/ledgers")}>台账</a>；全支部本年已记 {hours(study.members.reduce((t, m) => t + m.credited.tenths, 0))} 学时。
        </p>
      </Layout>
    )
  }
}

export { ErrorBox }
