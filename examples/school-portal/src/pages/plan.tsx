import { meetingService } from "@zhibu/core"
import { yearPlanToICalendar } from "@zhibu/io"
import { shortDate } from "../ui/format.js"
import { href, Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

const yearOf = (env: RequestEnv, query: string | undefined): number => {
  const n = Number(query)
  return Number.isInteger(n) && n >= env.year - 5 && n <= env.year + 1 ? n : env.year
}

const typeNames = { meeting: "会议", recruitment: "发展党员", election: "换届", dues: "党费", study: "学时" } as const

/** 年度计划 — the branch's year: every required meeting on a suitable day, recruitment milestones, the term, dues months and study checkpoints. */
export const planPage = async (env: RequestEnv, yearQuery?: string) => {
  const year = yearOf(env, yearQuery)
  const result = await env.attempt(meetingService.yearPlan(env.ctx, { organizationId: env.school.branchId, year }))
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="年度计划" section="plan"><h1>年度计划</h1><Refused error={result.error} /></Layout> }
  }
  const plan = result.value
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="年度计划" section="plan">
        <h1>{year} 年度计划</h1>
        <p class="no-print">
          <a href={href(env.page, `/plan.ics?year=${year}`)} download data-testid="ics-link">
            <button class="primary" type="button">
              下载日历文件（.ics）
            </button>
          </a>{" "}
          <span class="muted small">可导入 Outlook、苹果日历、手机日历；会议在北京时间 16:00 开始。</span>
        </p>
        <p class="small no-print">
          <a href={href(env.page, `/plan?year=${year - 1}`)}>← {year - 1}</a>　<a href={href(env.page, `/plan?year=${year + 1}`)}>{year + 1} →</a>
        </p>
        {months.map((m) => {
          const items = plan.items.filter((i) => Number(i.date.slice(5, 7)) === m)
          if (items.length === 0) return null
          return (
            <section class="card">
              <h2>{m} 月</h2>
              <table class="small plan" data-testid={`plan-${m}`}>
                <tbody>
                  {items.map((i) => (
                    <tr class={i.date < env.page.today ? "muted" : ""}>
                      <td>{shortDate(i.date, year)}</td>
                      <td>
                        <span class="chip open">{typeNames[i.type]}</span>
                      </td>
                      <td>
                        {i.title.zh}
                        {i.inVacation === true ? <span class="muted">（假期中）</span> : null}
                      </td>
                      <td class="hide-phone muted">{i.startTime === undefined ? "" : `${i.startTime}–${i.endTime ?? ""}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        })}
      </Layout>
    )
  }
}

/** The year plan as an iCalendar file (@zhibu/io). */
export const planCalendar = async (env: RequestEnv, yearQuery?: string) => {
  const year = yearOf(env, yearQuery)
  const result = await env.attempt(meetingService.yearPlan(env.ctx, { organizationId: env.school.branchId, year }))
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="年度计划" section="plan"><h1>年度计划</h1><Refused error={result.error} /></Layout> }
  }
  const ics = yearPlanToICalendar(result.value, { name: env.locale === "zh" ? `${env.school.branchName} ${year}年度计划` : `${env.school.branchName} year plan ${year}`, locale: env.locale, generatedAt: env.ctx.now, uidDomain: "zhibu-portal" })
  return { ics, filename: `plan-${env.school.branchId}-${year}.ics` }
}
