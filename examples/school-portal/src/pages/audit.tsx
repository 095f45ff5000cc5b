import { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { chinaTime } from "../ui/format.js"
import { Layout, Refused } from "../ui/layout.js"
import { may, type RequestEnv } from "./support.js"

const actionNames: Readonly<Record<string, string>> = {
  "demo.seed": "生成演示数据",
  "member.register": "登记",
  "member.recordStep": "记录发展步骤",
  "member.recordApproval": "记录上级党委决定",
  "meeting.record": "记录会议",
  "study.record": "记录学时",
  "dues.assess": "核定党费",
  "dues.recordPayment": "登记党费缴纳"
}

/**
 * 操作记录 — the newest entries of the tenant's audit log: who did what to which record. The store
 * writes an entry with every change, in the same transaction; the portal only reads it. Who may read
 * it is the app's decision (the library has no audit action): the branch's officers, here.
 */
export const auditPage = async (env: RequestEnv) => {
  if (!may(env.ctx, env.school, "organization.read", env.school.branchId)) {
    const error = { status: 403 as const, title: "无权查看", text: "操作记录仅支部书记、委员和上级组织员可以查看。" }
    return { status: 403, body: <Layout ctx={env.page} title="操作记录" section="audit"><h1>操作记录</h1><Refused error={error} /></Layout> }
  }
  const result = await env.attempt(Effect.flatMap(Store, (store) => store.auditLog(env.school.tenantId)))
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="操作记录" section="audit"><h1>操作记录</h1><Refused error={result.error} /></Layout> }
  }
  const entries = [...result.value].reverse().slice(0, 100)
  return {
    status: 200,
    body: (
      <Layout ctx={env.page} title="操作记录" section="audit">
        <h1>操作记录</h1>
        <p class="muted small">共 {result.value.length} 条，显示最近 100 条。每次修改都由存储在同一事务中写入，记录操作人。</p>
        <div class="card table-wrap">
          <table class="small" data-testid="audit">
            <thead>
              <tr>
                <th class="num">序号</th>
                <th>时间（北京）</th>
                <th>操作人</th>
                <th>操作</th>
                <th class="hide-phone">记录</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td class="num">{e.seq}</td>
                  <td>{chinaTime(e.at)}</td>
                  <td>{e.actorId}</td>
                  <td>{actionNames[e.action] ?? e.action}</td>
                  <td class="hide-phone">
                    {e.kind} {e.recordId} v{e.version}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>
    )
  }
}
