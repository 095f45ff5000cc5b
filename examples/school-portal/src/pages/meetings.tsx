import { type AttendanceInput, type CivilDate, type Member, meetingService, memberService, type Organization, organizationService, parseCivilDate, type RecordMeetingInput, studyService } from "@zhibu/core"
import { fromParts, generalAssemblyVote, meetingKindNames, meetingQuorum, type RosterEntry, rosterOn } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { Child } from "hono/jsx"
import * as Either from "effect/Either"
import { kindName, type ShownError, shortDate } from "../ui/format.js"
import { ErrorBox, href, Layout, Notice, Refused } from "../ui/layout.js"
import { formOf, intOrText, type RequestEnv } from "./support.js"

/** The kinds a branch records on itself; a 党小组 records only 党小组会. */
const branchKinds = ["committee", "generalAssembly", "themeDay", "lecture", "orgLifeMeeting", "democraticEvaluation", "talks"] as const

const kindsFor = (o: Organization): ReadonlyArray<string> => (o.kind === "partyGroup" ? ["partyGroup"] : branchKinds)

const statusNames = { present: "出席", leave: "请假", absent: "缺席" } as const

const page = (env: RequestEnv, status: number, title: string, children: Child) => ({
  status,
  body: (
    <Layout ctx={env.page} title={title} section="meetings">
      {children}
    </Layout>
  )
})

/** 会议记录 — this year's meetings of the branch and its groups, newest first. */
export const meetingsPage = async (env: RequestEnv) => {
  const { ctx, school, year } = env
  const result = await env.attempt(
    Effect.gen(function* () {
      const meetings = yield* meetingService.list(ctx, { organizationId: school.branchId, from: fromParts(year - 1, 12, 1), to: env.page.today as CivilDate })
      const groups = yield* organizationService.children(ctx, { organizationId: school.branchId })
      return { meetings, groups }
    })
  )
  if (!result.ok) return page(env, result.error.status, "会议", [<h1>会议</h1>, <Refused error={result.error} />])
  const names = new Map<string, string>([[school.branchId, school.branchName], ...result.value.groups.map((g) => [g.id as string, g.name] as const)])
  const meetings = [...result.value.meetings].reverse()
  return page(env, 200, "会议", [
    <h1>会议记录</h1>,
    <p class="no-print">
      <a href={href(env.page, "/meetings/new")}>
        <button class="primary" type="button">
          记录会议
        </button>
      </a>
    </p>,
    <div class="card table-wrap">
      <table data-testid="meetings">
        <thead>
          <tr>
            <th>日期</th>
            <th>会议</th>
            <th class="hide-phone">组织</th>
            <th>主题</th>
            <th class="num">实到/应到</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr>
              <td>{shortDate(m.date, year)}</td>
              <td>
                <a href={href(env.page, `/meetings/${m.id}`)}>{m.kinds.map(kindName).join("、")}</a>
              </td>
              <td class="hide-phone">{names.get(m.organizationId) ?? m.organizationId}</td>
              <td>{m.topic ?? ""}</td>
              <td class="num">
                {m.counts.present}/{m.counts.due}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ])
}

/** One meeting with its attendance. */
export const meetingDetailPage = async (env: RequestEnv, meetingId: string, recorded: boolean) => {
  const result = await env.attempt(
    Effect.gen(function* () {
      const record = yield* meetingService.get(env.ctx, { meetingId })
      const members = yield* memberService.list(env.ctx, { organizationId: env.school.branchId, limit: 1000 })
      return { record, members }
    })
  )
  if (!result.ok) return page(env, result.error.status, "会议", [<h1>会议</h1>, <Refused error={result.error} />])
  const { meeting, attendance, findings } = result.value.record
  const names = new Map(result.value.members.map((m) => [m.id as string, m.name]))
  return page(env, 200, "会议", [
    recorded ? <Notice text={`会议记录已保存：实到 ${meeting.counts.present}/${meeting.counts.due} 人，已写入操作记录。`} /> : null,
    <h1>
      {meeting.kinds.map(kindName).join("、")} · {meeting.date}
    </h1>,
    <div class="card">
      <p>
        主题：{meeting.topic ?? "（未填写）"}　地点：{meeting.place ?? "（未填写）"}　时间：{meeting.startTime ?? ""}–{meeting.endTime ?? ""}
      </p>
      <p>
        应到 {meeting.counts.due} 人，实到 {meeting.counts.present} 人；其中有表决权的应到 {meeting.counts.dueVoting} 人，实到 {meeting.counts.presentVoting} 人。
      </p>
      {meeting.resolutions.map((r) => (
        <p>
          决议“{r.title}”：赞成 {r.votes.yes}，反对 {r.votes.no}，弃权 {r.votes.abstain}，{r.passed ? "通过" : "未通过"}。
        </p>
      ))}
      {findings.map((f) => (
        <p class="overdue">{f.message.zh}</p>
      ))}
    </div>,
    <div class="card table-wrap">
      <table>
        <thead>
          <tr>
            <th>党员</th>
            <th>出勤</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {attendance.map((a) => (
            <tr>
              <td>{names.get(a.memberId) ?? a.memberId}</td>
              <td>{statusNames[a.status]}</td>
              <td>{a.leaveReason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ])
}

/** What the form was filled with (kept when the service refuses it, so nothing typed is lost). */
interface Draft {
  readonly organizationId: string
  readonly kind: string
  readonly date: string
  readonly topic: string
  readonly place: string
  readonly startTime: string
  readonly endTime: string
  readonly lecturer: string
  readonly status: ReadonlyMap<string, string>
  readonly leave: ReadonlyMap<string, string>
  readonly resolutions: ReadonlyArray<{ readonly title: string; readonly yes: string; readonly no: string; readonly abstain: string; readonly passed: boolean }>
}

const emptyDraft = (organizationId: string, kind: string, date: string): Draft => ({
  organizationId,
  kind,
  date,
  topic: "",
  place: "学校会议室",
  startTime: "16:00",
  endTime: "17:30",
  lecturer: "",
  status: new Map(),
  leave: new Map(),
  resolutions: [{ title: "", yes: "", no: "0", abstain: "0", passed: true }]
})

/** The roster due at the meeting: the committee members for a 支委会, everyone on the roll otherwise. */
const dueAt = (members: ReadonlyArray<Member>, organization: Organization, branch: Organization, kind: string, date: CivilDate, env: RequestEnv) => {
  const roster = rosterOn(members, organization, date, env.ctx.profile)
  return kind === "committee" ? roster.filter((e) => branch.leadership.committeeMemberIds.includes(e.member.id)) : roster
}

/** Which form field an error belongs to, so its message shows beside it. */
const fieldOf = (error: ShownError | undefined, cause: unknown): string | undefined => {
  if (error === undefined) return undefined
  if (error.path !== undefined) {
    const m = /^attendance\[(\d+)\]/.exec(error.path)
    if (m !== null) return `attendance:${m[1]}`
    return error.path.replace(/\[\d+\].*$/, "").split(".")[0]
  }
  const missing = (cause as { missing?: string } | undefined)?.missing
  if (missing !== undefined) {
    const member = /(?:leaveReason|member) (\S+)/.exec(missing)
    if (member !== null) return `member:${member[1]}`
  }
  return undefined
}

const FieldError = (props: { readonly show: boolean; readonly error: ShownError | undefined }) =>
  props.show && props.error !== undefined ? (
    <div class="field-error" data-testid="field-error">
      {props.error.text}
    </div>
  ) : null

const MeetingForm = (props: {
  readonly env: RequestEnv
  readonly organization: Organization
  readonly due: ReadonlyArray<RosterEntry>
  readonly draft: Draft
  readonly error?: ShownError | undefined
  readonly cause?: unknown
}) => {
  const { env, organization, due, draft, error } = props
  const field = fieldOf(error, props.cause)
  const date = draft.date as CivilDate
  const profile = env.ctx.profile
  const voting = due.filter((e) => e.voting)
  const body = draft.kind === "generalAssembly" ? "generalAssembly" : draft.kind === "committee" ? "committee" : undefined
  const quorumDue = body === "generalAssembly" ? voting.length : due.length
  const quorum = body === undefined ? undefined : meetingQuorum(body, { due: quorumDue, present: 0 }, profile, date)
  const passMin = draft.kind === "generalAssembly" ? generalAssemblyVote({ dueVoting: voting.length, presentVoting: voting.length, yes: 0 }, profile, date).yesNeeded : 0
  const counts = (e: RosterEntry) => body === "committee" || (body === "generalAssembly" && e.voting)
  return (
    <form
      method="post"
      action={href(env.page, "/meetings")}
      class="stack card"
      data-testid="meeting-form"
      {...(quorum === undefined
        ? {}
        : {
            "data-quorum-min": String(quorum.minimumPresent),
            "data-quorum-due": String(quorumDue),
            "data-quorum-who": body === "committee" ? "支部委员" : "有表决权的党员",
            "data-pass-min": String(passMin)
          })}
    >
      <input type="hidden" name="organizationId" value={organization.id} />
      <input type="hidden" name="kind" value={draft.kind} />
      <h2>
        {organization.name} · {kindName(draft.kind)} · {draft.date}
      </h2>
      {error !== undefined ? <ErrorBox error={error} /> : null}
      <label for="date">日期</label>
      <input type="date" id="date" name="date" value={draft.date} class={field === "date" ? "invalid" : ""} />
      <FieldError show={field === "date"} error={error} />
      <label for="topic">主题</label>
      <input type="text" id="topic" name="topic" value={draft.topic} size={40} class={field === "topic" ? "invalid" : ""} />
      <FieldError show={field === "topic"} error={error} />
      <div class="row">
        <div>
          <label for="place">地点</label>
          <input type="text" id="place" name="place" value={draft.place} class={field === "place" ? "invalid" : ""} />
          <FieldError show={field === "place"} error={error} />
        </div>
        <div>
          <label for="startTime">开始</label>
          <input type="text" id="startTime" name="startTime" value={draft.startTime} size={6} class={field === "startTime" ? "invalid" : ""} />
          <FieldError show={field === "startTime"} error={error} />
        </div>
        <div>
          <label for="endTime">结束</label>
          <input type="text" id="endTime" name="endTime" value={draft.endTime} size={6} class={field === "endTime" ? "invalid" : ""} />
          <FieldError show={field === "endTime"} error={error} />
        </div>
      </div>
      {draft.kind === "lecture" ? (
        <div>
          <label for="lecturer">授课人</label>
          <input type="text" id="lecturer" name="lecturer" value={draft.lecturer} class={field === "lecturer" ? "invalid" : ""} />
          <FieldError show={field === "lecturer"} error={error} />
        </div>
      ) : null}
      <h3>出勤（应到 {due.length} 人）</h3>
      {quorum === undefined ? null : (
        <div class="quorum" data-testid="quorum" aria-live="polite">
          法定人数：须至少 {quorum.minimumPresent} 人。
        </div>
      )}
      <div class="table-wrap">
        <table data-testid="attendance">
          <thead>
            <tr>
              <th>党员</th>
              <th>出勤</th>
              <th>请假原因</th>
            </tr>
          </thead>
          <tbody>
            {due.map((e, i) => {
              const id = e.member.id
              const status = draft.status.get(id) ?? "present"
              const mine = field === `member:${id}` || field === `attendance:${i}`
              return (
                <tr>
                  <td>
                    {e.member.name}
                    {e.voting ? "" : <span class="muted small">（无表决权）</span>}
                  </td>
                  <td>
                    <select name={`att.${id}`} data-counts={counts(e) ? "1" : undefined} aria-label={`${e.member.name} 出勤`}>
                      {(["present", "leave", "absent"] as const).map((s) => (
                        <option value={s} selected={s === status}>
                          {statusNames[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="text" name={`leave.${id}`} value={draft.leave.get(id) ?? ""} class={mine ? "invalid" : ""} aria-label={`${e.member.name} 请假原因`} />
                    <FieldError show={mine} error={error} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {draft.kind === "generalAssembly" ? (
        <div>
          <h3>决议（可不填）</h3>
          {draft.resolutions.map((r, i) => (
            <div class="row" data-resolution={String(i)}>
              <div>
                <label>
                  决议事项
                  <input type="text" name="resolutionTitle" value={r.title} size={28} />
                </label>
              </div>
              <div>
                <label>
                  赞成
                  <input type="number" name="resolutionYes" value={r.yes} min="0" />
                </label>
              </div>
              <div>
                <label>
                  反对
                  <input type="number" name="resolutionNo" value={r.no} min="0" />
                </label>
              </div>
              <div>
                <label>
                  弃权
                  <input type="number" name="resolutionAbstain" value={r.abstain} min="0" />
                </label>
              </div>
              <div>
                <label>
                  <input type="checkbox" name="resolutionPassed" value={String(i)} checked={r.passed} /> 通过
                </label>
              </div>
              <div class="pass-hint muted" data-testid="pass-hint"></div>
            </div>
          ))}
          <FieldError show={field === "resolutions"} error={error} />
        </div>
      ) : null}
      <p>
        <button class="primary" type="submit">
          保存会议记录
        </button>
      </p>
    </form>
  )
}

/** Loads what the form needs: the organization, its branch, the members, and the roster due. */
const loadForm = (env: RequestEnv, organizationId: string) =>
  Effect.gen(function* () {
    const organization = yield* organizationService.get(env.ctx, { organizationId })
    const branch = organization.kind === "partyGroup" && organization.parentId !== null ? yield* organizationService.get(env.ctx, { organizationId: organization.parentId }) : organization
    const members = yield* memberService.list(env.ctx, { organizationId: branch.id, limit: 1000 })
    const groups = yield* organizationService.children(env.ctx, { organizationId: env.school.branchId })
    return { organization, branch, members, groups }
  })

/** 记录会议 — pick the organization, kind and day; then the attendance of everyone due that day. */
export const meetingFormPage = async (env: RequestEnv, query: Record<string, string>) => {
  const organizationId = query.organizationId ?? env.school.branchId
  const kind = query.kind ?? ""
  const date = query.date ?? env.page.today
  const loaded = await env.attempt(loadForm(env, organizationId))
  if (!loaded.ok) return page(env, loaded.error.status, "记录会议", [<h1>记录会议</h1>, <Refused error={loaded.error} />])
  const { organization, branch, members, groups } = loaded.value
  const orgs = [branch, ...groups]
  const parsed = parseCivilDate(date)
  const chosen = kind !== "" && kindsFor(organization).includes(kind) && Either.isRight(parsed)
  return page(env, 200, "记录会议", [
    <h1>记录会议</h1>,
    <form method="get" action={href(env.page, "/meetings/new")} class="card row" data-testid="meeting-pick">
      <div>
        <label for="pick-org">组织</label>
        <select id="pick-org" name="organizationId">
          {orgs.map((o) => (
            <option value={o.id} selected={o.id === organization.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="pick-kind">会议类型</label>
        <select id="pick-kind" name="kind">
          {[...new Set(orgs.flatMap(kindsFor))].map((k) => (
            <option value={k} selected={k === kind}>
              {meetingKindNames[k as keyof typeof meetingKindNames]?.zh ?? k}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="pick-date">日期</label>
        <input type="date" id="pick-date" name="date" value={date} max={env.page.today} />
      </div>
      <div>
        <button class="secondary" type="submit">
          填写出勤
        </button>
      </div>
    </form>,
    kind !== "" && !chosen ? <ErrorBox error={{ status: 400, title: "请重新选择", text: organization.kind === "partyGroup" ? "党小组只记录党小组会。" : "请选择会议类型和有效的日期。" }} /> : null,
    chosen ? (
      <MeetingForm env={env} organization={organization} due={dueAt(members, organization, branch, kind, date as CivilDate, env)} draft={emptyDraft(organization.id, kind, date)} />
    ) : null
  ])
}

/** Saves the meeting through `meetingService.recordMeeting`, then credits its study hours. A refusal re-shows the form. */
export const recordMeeting = async (env: RequestEnv, request: Request): Promise<{ redirect: string } | { status: number; body: unknown }> => {
  const form = await formOf(request)
  const organizationId = form.get("organizationId")
  const kind = form.get("kind")
  const loaded = await env.attempt(loadForm(env, organizationId))
  if (!loaded.ok) return page(env, loaded.error.status, "记录会议", [<h1>记录会议</h1>, <Refused error={loaded.error} />])
  const { organization, branch, members } = loaded.value
  const date = form.get("date")
  const parsedDate = parseCivilDate(date)
  const rosterDate = Either.isRight(parsedDate) ? parsedDate.right : (env.page.today as CivilDate)
  const due = dueAt(members, organization, branch, kind, rosterDate, env)
  const status = new Map(due.map((e) => [e.member.id as string, form.get(`att.${e.member.id}`) || "present"]))
  const leave = new Map(due.map((e) => [e.member.id as string, form.get(`leave.${e.member.id}`)]))
  const passed = new Set(form.all("resolutionPassed"))
  const titles = form.all("resolutionTitle")
  const resolutions = titles.map((title, i) => ({
    title: title.trim(),
    yes: form.all("resolutionYes")[i] ?? "",
    no: form.all("resolutionNo")[i] ?? "",
    abstain: form.all("resolutionAbstain")[i] ?? "",
    passed: passed.has(String(i))
  }))
  const draft: Draft = {
    organizationId,
    kind,
    date,
    topic: form.get("topic"),
    place: form.get("place"),
    startTime: form.get("startTime"),
    endTime: form.get("endTime"),
    lecturer: form.get("lecturer"),
    status,
    leave,
    resolutions: resolutions.length === 0 ? emptyDraft(organizationId, kind, date).resolutions : resolutions
  }
  const attendance: Array<AttendanceInput> = due.map((e) => {
    const s = status.get(e.member.id) ?? "present"
    const reason = leave.get(e.member.id) ?? ""
    return { memberId: e.member.id, status: s as AttendanceInput["status"], ...(s === "leave" && reason !== "" ? { leaveReason: reason } : {}) }
  })
  const secretary = branch.leadership.secretaryId
  const id = `m-${organization.id}-${kind}-${date}-${Date.now().toString(36).slice(-5)}`.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 56)
  const input: RecordMeetingInput = {
    id,
    organizationId,
    kinds: [kind],
    date,
    ...(draft.startTime === "" ? {} : { startTime: draft.startTime }),
    ...(draft.endTime === "" ? {} : { endTime: draft.endTime }),
    ...(draft.place === "" ? {} : { place: draft.place }),
    ...(draft.topic === "" ? {} : { topic: draft.topic }),
    chairId: organization.kind === "partyGroup" ? null : secretary,
    ...(kind === "lecture" && draft.lecturer !== "" ? { lecturer: { name: draft.lecturer } } : {}),
    attendance,
    resolutions: resolutions
      .filter((r) => r.title !== "")
      .map((r) => ({ title: r.title, votes: { yes: intOrText(r.yes || "0"), no: intOrText(r.no || "0"), abstain: intOrText(r.abstain || "0") }, passed: r.passed })) as never
  }
  const saved = await env.attempt(
    Effect.gen(function* () {
      const record = yield* meetingService.recordMeeting(env.ctx, input)
      // Study hours come from the stored attendance; a role that may record meetings but not study skips it.
      yield* studyService.creditMeeting(env.ctx, { meetingId: record.meeting.id }).pipe(Effect.catchAll(() => Effect.void))
      return record
    })
  )
  if (saved.ok) {
    return { redirect: `${env.page.base}/meetings/${saved.value.meeting.id}?recorded=1` }
  }
  return page(env, saved.error.status, "记录会议", [
    <h1>记录会议</h1>,
    <MeetingForm env={env} organization={organization} due={due} draft={draft} error={saved.error} cause={saved.cause} />
  ])
}
