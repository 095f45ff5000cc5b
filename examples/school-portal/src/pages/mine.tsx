import { duesService, memberService, studyService } from "@zhibu/core"
import { memberStageNames } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import { hours, shortDate, yuan } from "../ui/format.js"
import { href, Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

/** 我的 — a member's own file, dues and study hours: all a member may read. */
export const myPage = async (env: RequestEnv) => {
  const { ctx, year } = env
  const memberId = ctx.actor.personId
  const result = await env.attempt(
    Effect.gen(function* () {
      const member = yield* memberService.get(ctx, { memberId })
      const timeline = yield* memberService.timeline(ctx, { memberId })
      const dues = yield* duesService.memberLedger(ctx, { memberId, year })
      const study = yield* studyService.memberLedger(ctx, { memberId, year })
      return { member, timeline, dues, study }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="我的" section="dashboard"><h1>我的</h1><Refused error={result.error} /></Layout> }
  }
  const { member, timeline, dues, study } = result.value
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="我的" section="dashboard">
        <h1>
          {member.name}（{memberStageNames[member.stage].zh}）
        </h1>
        <p class="muted">以普通党员身份只能查看本人的档案、党费和学时；支部的会议、发展党员等功能会被拒绝，例如 <a href={href(env.page, "/meetings/new")}>记录会议</a>。</p>
        <div class="grid">
          <section class="card">
            <h2>{year} 年党费</h2>
            <p>
              应交 {yuan(dues.due)} 元，已交 {yuan(dues.paid)} 元{dues.arrears > 0 ? `，欠交 ${yuan(dues.arrears)} 元` : ""}。
            </p>
            <table class="small" data-testid="my-dues">
              <thead>
                <tr>
                  <th>月份</th>
                  <th class="num">应交</th>
                  <th>交纳日期</th>
                </tr>
              </thead>
              <tbody>
                {dues.lines.map((l) => (
                  <tr>
                    <td>{l.month}</td>
                    <td class="num">{yuan(l.due)}</td>
                    <td>{l.paidOn === null ? <span class="overdue">未交</span> : shortDate(l.paidOn, year)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>{year} 年学时</h2>
            <p>
              已记 {hours(study.status.credited.tenths)} 学时，要求 {hours(study.status.target.tenths)} 学时
              {study.status.gap > 0 ? `，还差 ${hours(study.status.gap)} 学时` : "，已达标"}。
            </p>
            <ul class="plain small">
              {[...study.credits]
                .sort((a, b) => (a.on < b.on ? 1 : -1))
                .slice(0, 12)
                .map((c) => (
                  <li>
                    {shortDate(c.on, year)} {c.title} · {hours(c.tenths)} 学时
                  </li>
                ))}
            </ul>
          </section>
          <section class="card">
            <h2>提示</h2>
            {timeline.signals.length + timeline.findings.length === 0 ? <p class="muted">暂无。</p> : null}
            <ul class="plain small">
              {[...timeline.findings, ...timeline.signals].map((f) => (
                <li>{f.message.zh}</li>
              ))}
            </ul>
          </section>
        </div>
      </Layout>
    )
  }
}
