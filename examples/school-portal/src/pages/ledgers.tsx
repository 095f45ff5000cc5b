import { duesService, evaluationService, memberService, studyService } from "@zhibu/core"
import type { StudyStatus } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import { BarChart } from "../ui/charts.js"
import { hours, yuan } from "../ui/format.js"
import { Layout, Refused } from "../ui/layout.js"
import { duesAsOf, type RequestEnv } from "./support.js"

const grades = ["excellent", "qualified", "basicallyQualified", "unqualified"] as const
const gradeNames = { excellent: "优秀", qualified: "合格", basicallyQualified: "基本合格", unqualified: "不合格" } as const
const stepNames: Readonly<Record<string, string>> = {
  preparation: "学习准备",
  selfAndMutual: "个人自评和党员互评",
  rating: "民主测评",
  determination: "组织评定",
  notification: "通报结果"
}

/** Buckets of credited 学时 for the study chart: 0–8, 8–16, … 56 and more. */
const buckets = [0, 8, 16, 24, 32, 40, 48, 56] as const

const bucketLabel = (i: number): string => (i === buckets.length - 1 ? `${buckets[i]}+` : `${buckets[i]}–${buckets[i + 1]}`)

const histogram = (lines: ReadonlyArray<StudyStatus>, leader: boolean): Array<number> => {
  const counts = buckets.map(() => 0)
  for (const l of lines.filter((x) => x.leader === leader)) {
    const h = l.credited.tenths / 10
    let i = buckets.length - 1
    while (i > 0 && h < buckets[i]!) i--
    counts[i]!++
  }
  return counts
}

/** 台账 — dues and study hours of the branch for the year, each with its chart and the lines that need attention. */
export const ledgersPage = async (env: RequestEnv) => {
  const { ctx, school, year } = env
  const month = duesAsOf(env.page.today, year)
  const result = await env.attempt(
    Effect.gen(function* () {
      const quarters = yield* duesService.quarterTotals(ctx, { organizationId: school.branchId, year })
      const ledger = yield* duesService.branchLedger(ctx, { organizationId: school.branchId, year, asOf: month })
      const study = yield* studyService.branchStatus(ctx, { organizationId: school.branchId, year })
      const members = yield* memberService.list(ctx, { organizationId: school.branchId, limit: 1000 })
      // This year's 民主评议, or last year's until this year's is held.
      const evaluationOf = (y: number) => evaluationService.democraticStatus(ctx, { organizationId: school.branchId, year: y })
      const evaluation = yield* evaluationOf(year).pipe(
        Effect.catchTag("ZhibuNotFound", () => evaluationOf(year - 1)),
        Effect.catchTag("ZhibuNotFound", () => Effect.succeed(undefined))
      )
      return { quarters, ledger, study, members, evaluation }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="台账" section="ledgers"><h1>台账</h1><Refused error={result.error} /></Layout> }
  }
  const { quarters, ledger, study, members, evaluation } = result.value
  const names = new Map(members.map((m) => [m.id as string, m.name]))
  const own = quarters.organizations.find((o) => o.organizationId === school.branchId) ?? quarters.organizations[0]
  const labels = [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  const figure = (label: string, k: "due" | "collected") => own?.quarters[label]?.[k] ?? 0
  const inArrears = ledger.members.filter((m) => m.arrears > 0).sort((a, b) => b.arrears - a.arrears)
  const behind = study.members.filter((m) => m.status === "behind").sort((a, b) => b.gap - a.gap)
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="台账" section="ledgers">
        <h1>{year} 年台账</h1>
        <section class="card">
          <h2>党费</h2>
          <div class="stat">
            <div>
              截至 {month} 应交<b>{yuan(ledger.due)}</b>元
            </div>
            <div>
              已交<b>{yuan(ledger.paid)}</b>元
            </div>
            <div>
              欠交<b data-testid="arrears">{yuan(ledger.arrears)}</b>元
            </div>
          </div>
          <BarChart
            title={`${year} 年各季度党费：应交与实收（元）`}
            categories={labels.map((l) => `第${l.slice(-1)}季度`)}
            series={[
              { name: "应交", values: labels.map((l) => figure(l, "due")), color: "#c9ced6" },
              { name: "实收", values: labels.map((l) => figure(l, "collected")), color: "#b71c1c" }
            ]}
            format={(n) => yuan(n).replace(/\.00$/, "")}
            testid="dues-chart"
          />
          <h3>欠交党费的党员</h3>
          {inArrears.length === 0 ? (
            <p class="muted">无人欠交。</p>
          ) : (
            <div class="table-wrap">
              <table data-testid="arrears-table">
                <thead>
                  <tr>
                    <th>党员</th>
                    <th class="num">应交（元）</th>
                    <th class="num">已交（元）</th>
                    <th class="num">欠交（元）</th>
                  </tr>
                </thead>
                <tbody>
                  {inArrears.map((m) => (
                    <tr>
                      <td>{names.get(m.memberId) ?? m.memberId}</td>
                      <td class="num">{yuan(m.due)}</td>
                      <td class="num">{yuan(m.paid)}</td>
                      <td class="num">{yuan(m.arrears)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section class="card">
          <h2>民主评议党员{evaluation === undefined ? "" : `（${evaluation.evaluation.year} 年）`}</h2>
          {evaluation === undefined ? (
            <p class="muted">尚未开展民主评议。</p>
          ) : (
            <div>
              <p class="muted small">
                已完成步骤：{evaluation.evaluation.steps.map((s) => `${stepNames[s.step] ?? s.step}（${s.date}）`).join(" → ")}。参评 {evaluation.evaluation.grades.length} 人，评为优秀的不超过{" "}
                {evaluation.maximumExcellent} 人。
              </p>
              <BarChart
                title="民主测评等次"
                categories={grades.map((g) => gradeNames[g])}
                series={[{ name: "人数", values: grades.map((g) => evaluation.counts[g]), color: "#b71c1c" }]}
                format={(n) => String(Math.round(n))}
                testid="evaluation-chart"
              />
              {evaluation.evaluation.followUps.length === 0 ? null : (
                <div>
                  <h3>后续处置</h3>
                  <ul class="plain small">
                    {evaluation.evaluation.followUps.map((f) => (
                      <li>
                        {names.get(f.memberId) ?? f.memberId}：{f.talkOn === null ? "尚未谈话" : `${f.talkOn} 已谈话`}
                        {f.correctionUntil === null ? "" : `，限期 ${f.correctionUntil} 前改正`}
                        {f.decision === null ? "，待支部作出决定" : ""}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {evaluation.findings.map((f) => (
                <p class="small overdue">{f.subject.kind === "member" ? f.message.zh.replace(f.subject.id, names.get(f.subject.id) ?? f.subject.id) : f.message.zh}</p>
              ))}
            </div>
          )}
        </section>
        <section class="card">
          <h2>学时</h2>
          <p class="muted small">
            党员每年不少于 {hours(study.members.find((m) => !m.leader)?.target.tenths ?? 320)} 学时，支部书记和委员不少于{" "}
            {hours(study.members.find((m) => m.leader)?.target.tenths ?? 560)} 学时（含集中培训）。{study.behind} 人尚未达标。
          </p>
          <BarChart
            title={`${year} 年已记学时的人数分布`}
            categories={buckets.map((_, i) => bucketLabel(i))}
            series={[
              { name: "党员", values: histogram(study.members, false), color: "#b71c1c" },
              { name: "书记和委员", values: histogram(study.members, true), color: "#e0a030" }
            ]}
            format={(n) => String(Math.round(n))}
            testid="study-chart"
          />
          <h3>尚未达标</h3>
          {behind.length === 0 ? (
            <p class="muted">全部达标。</p>
          ) : (
            <div class="table-wrap">
              <table data-testid="study-table">
                <thead>
                  <tr>
                    <th>党员</th>
                    <th class="num">已记</th>
                    <th class="num">要求</th>
                    <th class="num">还差</th>
                  </tr>
                </thead>
                <tbody>
                  {behind.map((m) => (
                    <tr>
                      <td>
                        {names.get(m.memberId) ?? m.memberId}
                        {m.leader ? <span class="muted small">（委员）</span> : null}
                      </td>
                      <td class="num">{hours(m.credited.tenths)}</td>
                      <td class="num">{hours(m.target.tenths)}</td>
                      <td class="num">{hours(m.gap)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </Layout>
    )
  }
}
