import { duesService, evaluationService, meetingService, reportService, studyService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { yuan } from "../ui/format.js"
import { Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

/**
 * 县级汇总 — what the county 教育工委 sees: counts and totals per organization from the services'
 * aggregates (no member record is read, no name is shown): membership by stage, this quarter's
 * meeting gaps per branch, silent branches, and dues by quarter.
 */
export const countyPage = async (env: RequestEnv) => {
  const { ctx, school, year } = env
  const result = await env.attempt(
    Effect.gen(function* () {
      const summary = yield* reportService.membershipSummary(ctx, { organizationId: school.countyId })
      const compliance = yield* meetingService.compliance(ctx, { organizationId: school.countyId, view: "quarter" })
      const silent = yield* meetingService.silentBranches(ctx, { organizationId: school.countyId })
      const dues = yield* duesService.quarterTotals(ctx, { organizationId: school.countyId, year })
      const study = yield* studyService.subtreeStatus(ctx, { organizationId: school.countyId, year })
      const grades = yield* evaluationService.gradeTotals(ctx, { organizationId: school.countyId, year })
      const lastGrades = grades.total.evaluated > 0 ? grades : yield* evaluationService.gradeTotals(ctx, { organizationId: school.countyId, year: year - 1 })
      return { summary, compliance, silent, dues, study, grades: lastGrades }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="县级汇总" section="county"><h1>县级汇总</h1><Refused error={result.error} /></Layout> }
  }
  const { summary, compliance, silent, dues, study, grades } = result.value
  const rows = summary.organizations.filter((o) => o.kind !== "partyGroup")
  const labels = [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="县级汇总" section="county">
        <h1>县级汇总</h1>
        <p class="muted small">只含人数与金额的汇总，不含任何党员的姓名或档案。</p>
        <section class="card table-wrap">
          <h2>党员人数</h2>
          <table data-testid="county-members">
            <thead>
              <tr>
                <th>组织</th>
                <th class="num">正式</th>
                <th class="num">预备</th>
                <th class="num">发展对象</th>
                <th class="num">积极分子</th>
                <th class="num">申请人</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <td>
                    {"　".repeat(o.depth)}
                    {o.name}
                  </td>
                  <td class="num">{o.subtree.activeByStage.full}</td>
                  <td class="num">{o.subtree.activeByStage.probationary}</td>
                  <td class="num">{o.subtree.activeByStage.candidate}</td>
                  <td class="num">{o.subtree.activeByStage.activist}</td>
                  <td class="num">{o.subtree.activeByStage.applicant}</td>
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
                    <td>{rows.find((o) => o.id === b.branchId)?.name ?? b.branchId}</td>
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
          <h2>{year} 年学时与民主评议</h2>
          <table data-testid="county-study">
            <thead>
              <tr>
                <th>组织</th>
                <th class="num">在册党员</th>
                <th class="num">学时达标</th>
                <th class="num">未达标</th>
                <th class="num">评议：优秀</th>
                <th class="num">合格</th>
                <th class="num">基本合格</th>
                <th class="num">不合格</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => {
                const s = study.organizations.find((x) => x.organizationId === o.id)
                const g = o.id === school.countyId ? grades.total : grades.byOrganization.find((x) => x.organizationId === o.id)
                return (
                  <tr>
                    <td>{o.name}</td>
                    <td class="num">{s?.members ?? 0}</td>
                    <td class="num">{s?.met ?? 0}</td>
                    <td class="num">{s?.behind ?? 0}</td>
                    <td class="num">{g?.excellent ?? 0}</td>
                    <td class="num">{g?.qualified ?? 0}</td>
                    <td class="num">{g?.basicallyQualified ?? 0}</td>
                    <td class="num">{g?.unqualified ?? 0}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p class="muted small">民主评议为 {grades.year} 年的结果。</p>
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
                .filter((o) => rows.some((r) => r.id === o.organizationId))
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
