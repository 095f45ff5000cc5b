import { duesService, meetingService, reportService } from "@zhibu/core"
import { citeSource } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import { yuan } from "../ui/format.js"
import { Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

type Cell = { readonly kind: "exact"; readonly value: number } | { readonly kind: "small" | "withheld"; readonly text: string }

/** A published cell: the number, "<N" for a small count, "×" for one withheld so that none can be recovered. */
const Shown = (props: { readonly cell: Cell | undefined }) => (
  <td class="num" data-cell={props.cell?.kind ?? "none"}>
    {props.cell === undefined ? "–" : props.cell.kind === "exact" ? props.cell.value : props.cell.text}
  </td>
)

const peopleColumns: ReadonlyArray<{ readonly path: string; readonly label: string }> = [
  { path: "members.active.full", label: "正式党员" },
  { path: "members.active.probationary", label: "预备党员" },
  { path: "members.active.candidate", label: "发展对象" },
  { path: "members.active.activist", label: "积极分子" },
  { path: "members.active.applicant", label: "申请人" },
  { path: "newlyDeveloped", label: "本年发展" },
  { path: "converted", label: "本年转正" }
]

const yearColumns: ReadonlyArray<{ readonly path: string; readonly label: string }> = [
  { path: "study.met", label: "学时达标" },
  { path: "study.behind", label: "未达标" },
  { path: "evaluation.excellent", label: "评议优秀" },
  { path: "evaluation.qualified", label: "合格" },
  { path: "evaluation.basicallyQualified", label: "基本合格" },
  { path: "evaluation.unqualified", label: "不合格" },
  { path: "elections.held", label: "换届" }
]

/**
 * 县级汇总 — what the county 教育工委 sees: `reportService.countyView` (the annual summary with every
 * count of people below the small-cell threshold shown as "<N", and enough others withheld that none
 * can be recovered from totals), this quarter's meeting periods per branch, silent branches, and
 * dues by quarter. No member record is read and no name is shown.
 */
export const countyPage = async (env: RequestEnv) => {
  const { ctx, school, year } = env
  const result = await env.attempt(
    Effect.gen(function* () {
      const view = yield* reportService.countyView(ctx, { organizationId: school.countyId, year })
      const compliance = yield* meetingService.compliance(ctx, { organizationId: school.countyId, view: "quarter" })
      const silent = yield* meetingService.silentBranches(ctx, { organizationId: school.countyId })
      const dues = yield* duesService.quarterTotals(ctx, { organizationId: school.countyId, year })
      return { view, compliance, silent, dues }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="县级汇总" section="county"><h1>县级汇总</h1><Refused error={result.error} /></Layout> }
  }
  const { view, compliance, silent, dues } = result.value
  const rows = view.annual.filter((o) => o.kind !== "partyGroup")
  const labels = [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  const nameOf = (id: string) => rows.find((o) => o.organizationId === id)?.name ?? id
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="县级汇总" section="county">
        <h1>县级汇总（{year} 年，截至 {view.asOf}）</h1>
        <p class="muted small" data-testid="suppression-note">
          只含人数与金额的汇总，不含任何党员的姓名或档案。少于 {view.threshold} 人的数字显示为“&lt;{view.threshold}”，并有部分数字以“×”隐去，使其无法由合计反推（规则
          {view.rule.id}，{citeSource(view.rule.source)}）。
        </p>
        <section class="card table-wrap">
          <h2>党员队伍</h2>
          <table data-testid="county-members">
            <thead>
              <tr>
                <th>组织</th>
                {peopleColumns.map((c) => (
                  <th class="num">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <td>
                    {"　".repeat(o.depth)}
                    {o.name}
                  </td>
                  {peopleColumns.map((c) => (
                    <Shown cell={o.subtree[c.path]} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card table-wrap">
          <h2>学时、民主评议与换届</h2>
          <table data-testid="county-study">
            <thead>
              <tr>
                <th>组织</th>
                {yearColumns.map((c) => (
                  <th class="num">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <td>
                    {"　".repeat(o.depth)}
                    {o.name}
                  </td>
                  {yearColumns.map((c) => (
                    <Shown cell={o.subtree[c.path]} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card table-wrap">
          <h2>
            本季度组织生活（{compliance.from} 至 {compliance.to}）
          </h2>
          <table data-testid="county-compliance">
            <thead>
              <tr>
                <th>支部</th>
                <th class="num">已完成</th>
                <th class="num">缺开</th>
                <th class="num">待开</th>
              </tr>
            </thead>
            <tbody>
              {compliance.branches.map((b) => {
                const periods = b.obligations.flatMap((o) => o.periods)
                const n = (s: string) => periods.filter((p) => p.state === s).length
                return (
                  <tr>
                    <td>{nameOf(b.branchId)}</td>
                    <td class="num">{n("met")}</td>
                    <td class="num">{n("gap")}</td>
                    <td class="num">{n("open")}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {silent.length === 0 ? <p class="muted">没有长期未开展组织生活的支部。</p> : silent.map((f) => <p class="overdue">{f.message.zh}</p>)}
        </section>
        <section class="card table-wrap">
          <h2>{year} 年党费（元）</h2>
          <table data-testid="county-dues">
            <thead>
              <tr>
                <th>组织</th>
                {labels.map((l) => (
                  <th class="num">第{l.slice(-1)}季度实收</th>
                ))}
                <th class="num">全年实收</th>
              </tr>
            </thead>
            <tbody>
              {dues.organizations
                .filter((o) => rows.some((r) => r.organizationId === o.organizationId))
                .map((o) => (
                  <tr>
                    <td>{o.name}</td>
                    {labels.map((l) => (
                      <td class="num">{yuan(o.quarters[l]?.collected ?? 0)}</td>
                    ))}
                    <td class="num">{yuan(o.year.collected)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      </Layout>
    )
  }
}
