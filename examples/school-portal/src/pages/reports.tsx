import { type CivilDate, duesService, meetingService, memberService, reportService, studyService } from "@zhibu/core"
import { fromParts, minDate } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import { kindName, yuan } from "../ui/format.js"
import { Layout, Refused } from "../ui/layout.js"
import { duesAsOf, type RequestEnv } from "./support.js"

const Row = (props: { readonly label: string; readonly value: string | number; readonly testid?: string }) => (
  <tr>
    <th>{props.label}</th>
    <td class="num" data-testid={props.testid}>
      {props.value}
    </td>
  </tr>
)

/** 年度工作总结 — the figures a county asks for at the end of the year, in a print view; every figure from the records. */
export const reportsPage = async (env: RequestEnv, yearQuery?: string) => {
  const { ctx, school } = env
  const asked = Number(yearQuery)
  const year = Number.isInteger(asked) && asked >= env.year - 5 && asked <= env.year ? asked : env.year
  const from = fromParts(year, 1, 1)
  const to = minDate(fromParts(year, 12, 31), env.page.today as CivilDate)
  const result = await env.attempt(
    Effect.gen(function* () {
      const summary = yield* reportService.membershipSummary(ctx, { organizationId: school.branchId })
      const members = yield* memberService.list(ctx, { organizationId: school.branchId, limit: 1000 })
      const meetings = yield* meetingService.list(ctx, { organizationId: school.branchId, from, to })
      const compliance = yield* meetingService.compliance(ctx, { organizationId: school.branchId, from, to })
      const dues = yield* duesService.branchLedger(ctx, { organizationId: school.branchId, year, asOf: duesAsOf(env.page.today, year) })
      const quarters = yield* duesService.quarterTotals(ctx, { organizationId: school.branchId, year })
      const study = yield* studyService.branchStatus(ctx, { organizationId: school.branchId, year })
      return { summary, members, meetings, compliance, dues, quarters, study }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="报表" section="reports"><h1>报表</h1><Refused error={result.error} /></Layout> }
  }
  const { summary, members, meetings, compliance, dues, quarters, study } = result.value
  const yearFigures = quarters.organizations.find((o) => o.organizationId === school.branchId)?.year
  const inYear = (d: string) => d.slice(0, 4) === String(year)
  const developed = members.filter((m) => m.steps.some((s) => s.step === "admissionMeeting" && inYear(s.date)))
  const converted = members.filter((m) => m.steps.some((s) => s.step === "conversionMeeting" && inYear(s.date)))
  const byKind = new Map<string, number>()
  for (const m of meetings) for (const k of m.kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1)
  const gaps = compliance.findings.length
  const t = summary.totals
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
          <span class="muted small">统计截至 {to}；数字均由系统中的记录生成。</span>
        </p>
        <div class="grid">
          <section class="card">
            <h2>一、党员队伍</h2>
            <table data-testid="report-members">
              <tbody>
                <Row label="正式党员" value={t.activeByStage.full} testid="report-full" />
                <Row label="预备党员" value={t.activeByStage.probationary} />
                <Row label="发展对象" value={t.activeByStage.candidate} />
                <Row label="入党积极分子" value={t.activeByStage.activist} />
                <Row label="入党申请人" value={t.activeByStage.applicant} />
                <Row label={`${year} 年发展党员`} value={developed.length} />
                <Row label={`${year} 年预备党员转正`} value={converted.length} />
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>二、组织生活</h2>
            <table data-testid="report-meetings">
              <tbody>
                {[...byKind.entries()].map(([k, n]) => (
                  <Row label={kindName(k)} value={n} />
                ))}
                <Row label="按规定应开未开（次）" value={gaps} />
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>三、党费（元，截至 {dues.asOf}）</h2>
            <table data-testid="report-dues">
              <tbody>
                <Row label="应交" value={yuan(dues.due)} />
                <Row label="已交" value={yuan(dues.paid)} />
                <Row label="欠交" value={yuan(dues.arrears)} />
                <Row label="欠交人数" value={dues.members.filter((m) => m.arrears > 0).length} />
                <Row label="全年实收" value={yuan(yearFigures?.collected ?? 0)} />
                <Row label="自愿多交" value={yuan(yearFigures?.voluntary ?? 0)} />
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>四、学习</h2>
            <table>
              <tbody>
                <Row label="在册党员" value={study.members.length} />
                <Row label="学时已达标" value={study.members.filter((m) => m.status === "met").length} />
                <Row label="尚未达标" value={study.behind} />
                <Row label="免于学时要求" value={study.members.filter((m) => m.status === "excused").length} />
              </tbody>
            </table>
          </section>
        </div>
        {gaps === 0 ? null : (
          <section class="card">
            <h2>应开未开的会议</h2>
            <ul class="small">
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
