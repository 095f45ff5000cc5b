import { type Decision, type Member, type MemberStage, type MemberTimelineReport, memberService, type StepId } from "@zhibu/core"
import { fileState, memberStageNames, nextSteps, type StepRecordInput, stepNames } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { ShownError } from "../ui/format.js"
import { chinaTime, shortDate, zhOf } from "../ui/format.js"
import { ErrorBox, href, Layout, Notice, Refused } from "../ui/layout.js"
import { formOf, intOrText, type RequestEnv } from "./support.js"

const boardStages: ReadonlyArray<MemberStage> = ["applicant", "activist", "candidate", "probationary"]

/** What a step records besides its date, so the card's form asks for exactly that. */
type Need = "people" | "vote" | "decision" | "training" | "publicity"

const needs: Partial<Record<StepId, ReadonlyArray<Need>>> = {
  applicationTalk: ["people"],
  contactsAssigned: ["people"],
  introducersAssigned: ["people"],
  admissionMeeting: ["vote"],
  conversionMeeting: ["vote", "decision"],
  politicalReview: ["decision"],
  preliminaryReview: ["decision"],
  activistFiling: ["decision"],
  candidateApproval: ["decision", "publicity"],
  admissionApproval: ["decision"],
  admissionFiling: ["decision"],
  conversionApproval: ["decision"],
  intensiveTraining: ["training"]
}

const outcomeNames: Readonly<Record<Decision["outcome"], string>> = {
  approved: "同意",
  rejected: "不同意",
  passed: "合格",
  failed: "不合格",
  convert: "按期转正",
  extend: "延长预备期",
  cancel: "取消预备党员资格"
}

const outcomesFor = (steps: ReadonlyArray<StepId>): ReadonlyArray<Decision["outcome"]> => {
  const out = new Set<Decision["outcome"]>()
  for (const s of steps) {
    if (s === "politicalReview" || s === "preliminaryReview") out.add("passed").add("failed")
    else if (s === "conversionMeeting" || s === "conversionApproval") out.add("convert").add("extend").add("cancel")
    else if (needs[s]?.includes("decision")) out.add("approved").add("rejected")
  }
  return [...out]
}

interface Card {
  readonly member: Member
  readonly timeline: MemberTimelineReport
  readonly next: ReadonlyArray<StepId>
}

/** A refused or invalid step, shown in the card it came from, with what was typed. */
interface CardError {
  readonly memberId: string
  readonly error: ShownError
  readonly values: Readonly<Record<string, string>>
}

const nextDate = (card: Card, step: StepId): { readonly text: string; readonly overdue: boolean } | undefined => {
  const item = card.timeline.items.find((i) => i.step === step)
  if (item === undefined) return undefined
  if (item.due !== undefined) return { text: `${item.overdue ? "已逾期，" : ""}应于 ${item.due} 前`, overdue: item.overdue }
  if (item.earliest !== undefined) return { text: `${item.earliest} 起可办理`, overdue: false }
  return undefined
}

const StepForm = (props: { readonly env: RequestEnv; readonly card: Card; readonly fullMembers: ReadonlyArray<Member>; readonly failed?: CardError | undefined }) => {
  const { env, card, failed } = props
  const v = failed?.values ?? {}
  const wanted = new Set(card.next.flatMap((s) => needs[s] ?? []))
  const outcomes = outcomesFor(card.next)
  return (
    <form method="post" action={href(env.page, `/members/${card.member.id}/steps`)} data-testid={`step-form-${card.member.id}`}>
      <input type="hidden" name="expectedVersion" value={String(card.member.version)} />
      <select name="step" aria-label="下一步骤">
        {card.next.map((s) => (
          <option value={s} selected={v.step === s}>
            {stepNames[s].zh}
          </option>
        ))}
      </select>
      <input type="date" name="date" value={v.date ?? env.page.today} aria-label="日期" class={failed?.error.path?.endsWith("date") ? "invalid" : ""} />
      {wanted.size > 0 ? (
        <details open={failed !== undefined}>
          <summary class="small">补充信息</summary>
          {wanted.has("people") ? (
            <div>
              <div class="small muted">人员（谈话人、培养联系人或入党介绍人）</div>
              {[0, 1].map((i) => (
                <select name="people" aria-label={`人员${i + 1}`}>
                  <option value="">—</option>
                  {props.fullMembers.map((m) => (
                    <option value={m.id} selected={(v[`people${i}`] ?? "") === m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              ))}
            </div>
          ) : null}
          {wanted.has("decision") ? (
            <div>
              <div class="small muted">结论</div>
              <select name="outcome">
                {outcomes.map((o) => (
                  <option value={o} selected={v.outcome === o}>
                    {outcomeNames[o]}
                  </option>
                ))}
              </select>
              <input type="text" name="decidedBy" value={v.decidedBy ?? ""} placeholder="作出决定的组织" aria-label="作出决定的组织" />
            </div>
          ) : null}
          {wanted.has("vote") ? (
            <div class="small">
              <div class="small muted">表决（应到/实到有表决权党员，赞成/反对/弃权）</div>
              {(["dueVoting", "presentVoting", "yes", "no", "abstain"] as const).map((k) => (
                <input type="number" name={k} value={v[k] ?? ""} min="0" aria-label={k} />
              ))}
            </div>
          ) : null}
          {wanted.has("training") ? (
            <div>
              <div class="small muted">集中培训（天数、学时）</div>
              <input type="number" name="trainingDays" value={v.trainingDays ?? ""} min="0" aria-label="天数" />
              <input type="number" name="trainingHours" value={v.trainingHours ?? ""} min="0" aria-label="学时" />
            </div>
          ) : null}
          {wanted.has("publicity") ? (
            <div>
              <div class="small muted">公示（起止日期）</div>
              <input type="date" name="publicityFrom" value={v.publicityFrom ?? ""} aria-label="公示开始" />
              <input type="date" name="publicityTo" value={v.publicityTo ?? ""} aria-label="公示结束" />
            </div>
          ) : null}
        </details>
      ) : null}
      <button class="secondary" type="submit">
        记录
      </button>
    </form>
  )
}

const PersonCard = (props: { readonly env: RequestEnv; readonly card: Card; readonly fullMembers: ReadonlyArray<Member>; readonly failed?: CardError | undefined }) => {
  const { env, card, failed } = props
  const last = card.member.steps.at(-1)
  return (
    <div class="person" id={`m-${card.member.id}`} data-testid={`card-${card.member.id}`} data-stage={card.member.stage}>
      <div class="name">
        <a href={href(env.page, `/members/${card.member.id}`)}>{card.member.name}</a>
      </div>
      {last === undefined ? null : (
        <div class="small muted">
          上一步：{stepNames[last.step].zh}（{shortDate(last.date, env.year)}）
        </div>
      )}
      {card.next.map((s) => {
        const when = nextDate(card, s)
        return (
          <div class="small" data-testid="next-step">
            下一步：{stepNames[s].zh}
            {when === undefined ? null : <span class={when.overdue ? "overdue" : ""}>，{when.text}</span>}
          </div>
        )
      })}
      {failed !== undefined ? <ErrorBox error={failed.error} /> : null}
      {card.next.length > 0 ? <StepForm env={env} card={card} fullMembers={props.fullMembers} failed={failed} /> : null}
    </div>
  )
}

const loadBoard = (env: RequestEnv) =>
  Effect.gen(function* () {
    const members = yield* memberService.list(env.ctx, { organizationId: env.school.branchId, limit: 1000 })
    const active = members.filter((m) => m.status === "active")
    const cards: Array<Card> = []
    for (const member of active.filter((m) => boardStages.includes(m.stage))) {
      const timeline = yield* memberService.timeline(env.ctx, { memberId: member.id })
      cards.push({ member, timeline, next: nextSteps(fileState(member, env.ctx.profile)) })
    }
    return { cards, fullMembers: active.filter((m) => m.stage === "full"), all: members }
  })

const boardPage = async (env: RequestEnv, status: number, notice?: string, failed?: CardError) => {
  const result = await env.attempt(loadBoard(env))
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="发展党员" section="members"><h1>发展党员</h1><Refused error={result.error} /></Layout> }
  }
  const { cards, fullMembers } = result.value
  return {
    status,
    body: (
      <Layout ctx={env.page} title="发展党员" section="members">
        <h1>发展党员</h1>
        {notice === undefined ? null : <Notice text={notice} />}
        {failed !== undefined ? (
          <p class="muted no-print">
            <a href={`#m-${failed.memberId}`}>未能记录，见下方卡片中的说明 ↓</a>
          </p>
        ) : null}
        <p class="muted small">每张卡片列出下一步及规则给出的日期；提前办理会被规则拒绝，并给出允许的最早日期。上级党委的备案、预审和审批须由上级组织员记录。</p>
        <div class="board" data-testid="board">
          {boardStages.map((stage) => {
            const column = cards.filter((c) => c.member.stage === stage)
            return (
              <section class="column" data-testid={`column-${stage}`}>
                <h2>
                  <span>{memberStageNames[stage].zh}</span>
                  <span class="chip open" data-testid={`count-${stage}`}>
                    {column.length}
                  </span>
                </h2>
                {column.map((card) => (
                  <PersonCard env={env} card={card} fullMembers={fullMembers} failed={failed?.memberId === card.member.id ? failed : undefined} />
                ))}
              </section>
            )
          })}
        </div>
      </Layout>
    )
  }
}

/** 发展党员 — the recruitment pipeline as a board by stage. */
export const membersPage = async (env: RequestEnv, recorded?: string) => {
  if (recorded === undefined || recorded === "") return boardPage(env, 200)
  const found = await env.attempt(memberService.get(env.ctx, { memberId: recorded }))
  const notice = found.ok
    ? `已记录 ${found.value.name} 的“${stepNames[found.value.steps.at(-1)!.step].zh}”，现为${memberStageNames[found.value.stage].zh}；已写入操作记录。`
    : undefined
  return boardPage(env, 200, notice)
}

/** 记录发展步骤 — through `memberService.recordStep`; a refusal re-shows the board with the rule and its allowed date in the card. */
export const recordStep = async (env: RequestEnv, memberId: string, request: Request): Promise<{ redirect: string } | { status: number; body: unknown }> => {
  const form = await formOf(request)
  const values: Record<string, string> = {}
  for (const k of ["step", "date", "outcome", "decidedBy", "dueVoting", "presentVoting", "yes", "no", "abstain", "trainingDays", "trainingHours", "publicityFrom", "publicityTo"]) {
    values[k] = form.get(k)
  }
  const people = form.all("people").filter((p) => p !== "")
  people.forEach((p, i) => {
    values[`people${i}`] = p
  })
  const step = values.step as StepId
  const record: StepRecordInput = {
    step,
    date: values.date!,
    people,
    ...(values.outcome !== "" && values.outcome !== undefined
      ? { decision: { outcome: values.outcome as Decision["outcome"], decidedBy: values.decidedBy === "" ? "上级党委" : values.decidedBy! } }
      : {}),
    ...(values.yes !== "" && values.yes !== undefined
      ? {
          vote: {
            dueVoting: intOrText(values.dueVoting!),
            presentVoting: intOrText(values.presentVoting!),
            yes: intOrText(values.yes),
            no: intOrText(values.no || "0"),
            abstain: intOrText(values.abstain || "0")
          } as never
        }
      : {}),
    ...(values.trainingDays !== "" && values.trainingDays !== undefined
      ? { training: { days: Number(values.trainingDays), hours: Number(values.trainingHours || "0") } }
      : {}),
    ...(values.publicityFrom !== "" && values.publicityTo !== "" && values.publicityFrom !== undefined ? { publicity: { from: values.publicityFrom, to: values.publicityTo! } } : {})
  }
  const version = Number(form.get("expectedVersion"))
  const saved = await env.attempt(memberService.recordStep(env.ctx, { memberId, expectedVersion: Number.isInteger(version) && version > 0 ? version : 1, record }))
  if (saved.ok) return { redirect: `${env.page.base}/members?recorded=${encodeURIComponent(saved.value.id)}#m-${saved.value.id}` }
  return boardPage(env, saved.error.status, undefined, { memberId, error: saved.error, values })
}

/** 党员档案 — one file: the steps recorded, what comes next, the signals, and every change from the audit log. */
export const memberFilePage = async (env: RequestEnv, memberId: string) => {
  const result = await env.attempt(
    Effect.gen(function* () {
      const member = yield* memberService.get(env.ctx, { memberId })
      const timeline = yield* memberService.timeline(env.ctx, { memberId })
      const history = yield* memberService.history(env.ctx, { memberId })
      return { member, timeline, history }
    })
  )
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="党员档案" section="members"><h1>党员档案</h1><Refused error={result.error} /></Layout> }
  }
  return { status: 200, body: <MemberFile env={env} {...result.value} /> }
}

export const MemberFile = (props: {
  readonly env: RequestEnv
  readonly member: Member
  readonly timeline: MemberTimelineReport
  readonly history: ReadonlyArray<{ readonly seq: number; readonly at: Date; readonly actorId: string; readonly action: string; readonly version: number }>
  readonly section?: "members" | "dashboard"
}) => {
  const { env, member, timeline } = props
  return (
    <Layout ctx={env.page} title={member.name} section={props.section ?? "members"}>
      <h1>
        {member.name} <span class="chip open">{memberStageNames[member.stage].zh}</span>
      </h1>
      <div class="grid">
        <section class="card">
          <h2>档案步骤</h2>
          {member.steps.length === 0 ? (
            <p class="muted">
              {member.joinedOn === null ? "" : `${member.joinedOn} 入党`}
              {member.convertedOn === null ? "" : `，${member.convertedOn} 转正`}（录入时已是党员，无发展档案）。
            </p>
          ) : (
            <ol class="small">
              {member.steps.map((s) => (
                <li>
                  {s.date} {stepNames[s.step].zh}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section class="card">
          <h2>下一步与提示</h2>
          {timeline.items.length === 0 && timeline.findings.length === 0 && timeline.signals.length === 0 ? <p class="muted">暂无待办事项。</p> : null}
          <ul class="plain">
            {timeline.items.map((i) => (
              <li>
                {i.label.zh}：{i.due !== undefined ? `应于 ${i.due} 前` : i.earliest !== undefined ? `${i.earliest} 起可办理` : ""}
                {i.overdue ? <span class="overdue">（已逾期）</span> : null}
              </li>
            ))}
            {[...timeline.findings, ...timeline.signals].map((f) => (
              <li class="small">{f.message.zh}</li>
            ))}
          </ul>
        </section>
      </div>
      <section class="card">
        <h2>变更记录</h2>
        <table class="small">
          <thead>
            <tr>
              <th>时间</th>
              <th>操作人</th>
              <th>操作</th>
              <th class="num">版本</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((h) => (
              <tr>
                <td>{chinaTime(h.at)}</td>
                <td>{h.actorId}</td>
                <td>{h.action}</td>
                <td class="num">{h.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  )
}

export { zhOf }
