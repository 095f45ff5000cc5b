import { type CivilDate, meetingService, reportService } from "@zhibu/core"
import { fromParts, minDate } from "@zhibu/core/rules"
import { ledgerIds, ledgers } from "@zhibu/io"
import * as Effect from "effect/Effect"
import { hours, yuan } from "../ui/format.js"
import { href, Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

const Row = (props: { readonly label: string; readonly value: string | number; readonly testid?: string }) => (
  <tr>
    <th>{props.label}</th>
    <td class="num" data-testid={props.testid}>
      {props.value}
    </td>
  </tr>
)

const quarters = ["Q1", "Q2", "Q3", "Q4"] as const

/**
 * 年度工作情况 — the figures a county asks of a branch at the end of the year, from
 * `reportService.annualSummary` (every figure counted from the records, the compliance figures
 * citing their rules), in a print view; the gaps are listed with the rule behind each.
 */
export const reportsPage = async (env: RequestEnv, yearQuery?: string) => {
  const { ctx, school } = env
  const asked = Number(yearQuery)
  const year = Number.isInteger(asked) && asked >= env.year - 5 && asked <= env.year ? asked : env.year
  const from = fromParts(year, 1, 1)
  const to = minDate(fromParts(year, 12, 31), env.page.today as CivilDate)
  const result = await env.attempt(
    Effect.gen(function* () {
      const summary = yield* reportService.annualSummary(ctx, { organizationId: school.branchId, year })
      const compliance = yield* meetingService.compliance(ctx, { organizationId: school.branchId, from, to })
      return { summary, compliance }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="报表" section="reports"><h1>报表</h1><Refused error={result.error} /></Layout> }
  }
  const { summary, compliance } = result.value
  const t = summary.totals
  const sum = (k: "due" | "paid" | "collected") => quarters.reduce((a, q) => a + t.dues[q][k], 0)
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title={`${year} 年度工作情况`} section="reports">
        <h1>
          {school.branchName} {year} 年度工作情况
        </h1>
        <p class="no-print">
          <button class="primary" type="button" data-print="1">
            打印
          </button>{" "}
          <span class="muted small">统计截至 {summary.asOf}；每个数字都由系统中的记录统计得出。</span>
        </p>
        <div class="grid">
          <section class="card">
            <h2>一、党员队伍与组织</h2>
            <table data-testid="report-members">
              <tbody>
                <Row label="正式党员" value={t.members.active.full} testid="report-full" />
                <Row label="预备党员" value={t.members.active.probationary} />
                <Row label="发展对象" value={t.members.active.candidate} />
                <Row label="入党积极分子" value={t.members.active.activist} />
                <Row label="入党申请人" value={t.members.active.applicant} />
                <Row label="本年发展党员" value={t.newlyDeveloped} />
                <Row label="本年预备党员转正" value={t.converted} />
                <Row label="换届选举（已举行/应举行）" value={`${t.elections.held}/${t.elections.due}`} />
                <Row label="书记调整" value={t.secretariesChanged} />
                <Row label="党小组" value={t.organizations.partyGroup} />
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>二、组织生活（按期完成/应完成）</h2>
            <table data-testid="report-meetings">
              <tbody>
                {Object.entries(t.compliance).map(([key, tally]) => (
                  <Row
                    label={summary.obligations[key]?.name.zh ?? key}
                    value={`${tally.met}/${tally.required}${tally.gap > 0 ? `（缺 ${tally.gap}）` : ""}${tally.open > 0 ? `，进行中 ${tally.open}` : ""}`}
                  />
                ))}
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>三、党费（元）</h2>
            <table data-testid="report-dues">
              <thead>
                <tr>
                  <th></th>
                  <th class="num">应交</th>
                  <th class="num">已交</th>
                  <th class="num">实收</th>
                </tr>
              </thead>
              <tbody>
                {quarters.map((q) => (
                  <tr>
                    <th>第{q.slice(1)}季度</th>
                    <td class="num">{yuan(t.dues[q].due)}</td>
                    <td class="num">{yuan(t.dues[q].paid)}</td>
                    <td class="num">{yuan(t.dues[q].collected)}</td>
                  </tr>
                ))}
                <tr>
                  <th>全年</th>
                  <td class="num">{yuan(sum("due"))}</td>
                  <td class="num">{yuan(sum("paid"))}</td>
                  <td class="num">{yuan(sum("collected"))}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>四、学习、评议与整改</h2>
            <table data-testid="report-study">
              <tbody>
                <Row label="在册党员" value={t.study.onRoll} />
                <Row label="学时达标" value={t.study.met} />
                <Row label="学时未达标" value={t.study.behind} />
                <Row label="已记学时" value={hours(t.study.creditedTenths)} />
                <Row label="民主评议参评" value={t.evaluation.evaluated} />
                <Row label="评为优秀 / 合格" value={`${t.evaluation.excellent} / ${t.evaluation.qualified}`} />
                <Row label="基本合格 / 不合格" value={`${t.evaluation.basicallyQualified} / ${t.evaluation.unqualified}`} />
                <Row label="整改事项（提出/销号/未完成）" value={`${t.rectification.raised}/${t.rectification.closed}/${t.rectification.open}`} />
              </tbody>
            </table>
          </section>
        </div>
        <section class="card no-print">
          <h2>导出台账</h2>
          <p class="muted small">
            {year} 年 1 月 1 日至 {to} 的记录（@zhibu/io 生成）：CSV 可用 Excel 打开，身份证号、电话等个人信息默认遮蔽；XLSX 一个文件包含全部台账。
          </p>
          <ul class="plain" data-testid="exports">
            <li>
              <a href={href(env.page, `/exports/ledgers.xlsx?year=${year}`)} download data-testid="export-xlsx">
                全部台账（XLSX）
              </a>
            </li>
            {ledgerIds.map((id) => (
              <li>
                <a href={href(env.page, `/exports/${id}.csv?year=${year}`)} download data-testid={`export-${id}`}>
                  {ledgers[id].title.zh}（CSV）
                </a>
              </li>
            ))}
          </ul>
        </section>
        {compliance.findings.length === 0 ? null : (
          <section class="card">
            <h2>应开未开的会议</h2>
            <ul class="small" data-testid="report-gaps">
              {compliance.findings.map((f) => (
                <li>{f.message.zh}</li>
              ))}
            </ul>
          </section>
        )}
      </Layout>
    )
  }
}
