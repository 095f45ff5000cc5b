import { chinaWorkdays } from "@zhibu/calendar-cn"
import { addYears, type CivilDate, type Member, memberService, nationalBaseline, organizationService } from "@zhibu/core"
import { fileState, nextSteps, rosterOn } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { contextOf, demoActors } from "../src/demo.js"
import { createPortal } from "../src/index.js"
import { type Harness, harness, NOW, TODAY, textOf } from "./support.js"

let h: Harness
let members: ReadonlyArray<Member>

const secretaryCtx = () => contextOf(h.seed.school.tenantId, demoActors(h.seed.school).secretary.actor, NOW, nationalBaseline, chinaWorkdays)

const read = async <A>(effect: Effect.Effect<A, unknown, never> | Effect.Effect<A, unknown, any>): Promise<A> => {
  const exit = await h.run(effect)
  if (!Exit.isSuccess(exit)) throw new Error(String(exit.cause))
  return exit.value
}

/** The committee members due at a 支委会 today, each present: a form that records a valid meeting. */
const committeeForm = async (): Promise<Record<string, string>> => {
  const branch = await read(organizationService.get(secretaryCtx(), { organizationId: h.seed.school.branchId }))
  const due = rosterOn(members, branch, TODAY, nationalBaseline).filter((e) => branch.leadership.committeeMemberIds.includes(e.member.id))
  return {
    organizationId: branch.id,
    kind: "committee",
    date: TODAY,
    topic: "研究十二月支部工作",
    place: "学校会议室",
    startTime: "16:00",
    endTime: "17:00",
    ...Object.fromEntries(due.map((e) => [`att.${e.member.id}`, "present"]))
  }
}

beforeAll(async () => {
  h = await harness()
  members = await read(memberService.list(secretaryCtx(), { organizationId: h.seed.school.branchId, limit: 1000 }))
})

afterAll(async () => {
  await h?.close()
})

describe("the demo school", () => {
  it("is seeded through the services with nothing refused: a branch with groups, members at every stage, a year of meetings, dues and study", () => {
    expect(h.seed.seeded).toBe(true)
    expect(h.seed.refused).toEqual([])
    const stages = new Set(members.map((m) => m.stage))
    for (const s of ["applicant", "activist", "candidate", "probationary", "full"]) expect(stages).toContain(s)
    const parts = h.seed.parts as { meetings: { recorded: number }; dues: { payments: number }; study: { credits: number } }
    expect(parts.meetings.recorded).toBeGreaterThan(60)
    expect(parts.dues.payments).toBeGreaterThan(300)
    expect(parts.study.credits).toBeGreaterThan(0)
  })
})

describe("pages", () => {
  it.each(["/", "/meetings", "/meetings/new", "/meetings/new?kind=generalAssembly", "/members", "/ledgers", "/plan", "/reports", "/audit"])(
    "%s renders for the secretary",
    async (path) => {
      const res = await h.get(path)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('<html lang="zh-CN">')
      expect(html).toContain(h.seed.school.branchName)
    }
  )

  it("the dashboard shows this month's requirements, deadlines, the year's heat map and the term", async () => {
    const html = await (await h.get("/")).text()
    expect(html).toContain('data-testid="month-requirements"')
    expect(html).toContain('data-testid="heatmap"')
    expect(html).toContain('data-testid="term"')
    // the meetings left out on purpose show as gaps
    expect(html).toContain('class="cell gap"')
  })

  it("the county viewer sees aggregates only: counts per organization, no member names", async () => {
    const res = await h.get("/county", "county")
    expect(res.status).toBe(200)
    const html = await res.text()
    const text = textOf(html)
    expect(text).toContain("党员队伍")
    for (const m of members.slice(0, 20)) expect(text).not.toContain(m.name)
    // small counts are suppressed (<N), so that no one can be singled out
    expect(html).toContain('data-cell="small"')
    expect(text).toMatch(/少于 \d+ 人的数字显示为“&lt;\d+”|少于 \d+ 人的数字显示为“<\d+”/)
  })

  it("the year plan downloads as an iCalendar file from @zhibu/io", async () => {
    const res = await h.get("/plan.ics")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/calendar")
    expect(res.headers.get("content-disposition")).toContain(".ics")
    const ics = await res.text()
    expect(ics).toContain("BEGIN:VCALENDAR")
    expect(ics).toContain("支部委员会会议")
  })

  it("exports a ledger as CSV and every ledger as one XLSX workbook (@zhibu/io); a member is refused", async () => {
    const csv = await h.get("/exports/meetings.csv")
    expect(csv.status).toBe(200)
    expect(csv.headers.get("content-type")).toContain("text/csv")
    expect(csv.headers.get("content-disposition")).toContain("meetings-")
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.trim().split("\r\n")
    expect(lines.length).toBeGreaterThan(60)
    expect(text).toContain("支部委员会会议")
    const xlsx = await h.get("/exports/ledgers.xlsx")
    expect(xlsx.status).toBe(200)
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK")
    expect((await h.get("/exports/nothing.csv")).status).toBe(404)
    expect((await h.get("/exports/roster.csv", "member")).status).toBe(403)
  })

  it("sends secure headers with a Content-Security-Policy that allows no inline script", async () => {
    const res = await h.get("/")
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'")
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN")
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  })
})

describe("web safety", () => {
  it("refuses a forged cross-site POST with 403 and changes nothing", async () => {
    const before = await h.auditCount()
    const forged = await h.post("/meetings", await committeeForm(), { origin: "http://evil.example" })
    expect(forged.status).toBe(403)
    const noOrigin = await h.post("/meetings", await committeeForm(), { origin: null })
    expect(noOrigin.status).toBe(403)
    expect(await h.auditCount()).toBe(before)
  })

  it("a bad date shows the typed error's message beside the field and changes nothing", async () => {
    const before = await h.auditCount()
    const res = await h.post("/meetings", { ...(await committeeForm()), date: "2026-13-45" })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="date" name="date" value="2026-13-45" class="invalid"/)
    expect(html).toContain('data-testid="field-error"')
    expect(textOf(html)).toContain("date")
    expect(await h.auditCount()).toBe(before)
  })

  it("a leave without its reason is refused beside that member's row, keeping what was typed", async () => {
    const before = await h.auditCount()
    const form = await committeeForm()
    const someone = Object.keys(form).find((k) => k.startsWith("att."))!
    const res = await h.post("/meetings", { ...form, [someone]: "leave", topic: "保留的主题" })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(textOf(html)).toContain("请假须注明原因")
    expect(html).toContain('value="保留的主题"')
    expect(html).toContain('class="invalid"')
    expect(await h.auditCount()).toBe(before)
  })

  it("escapes what users type: a topic with markup is shown as text", async () => {
    const res = await h.post("/meetings", { ...(await committeeForm()), topic: '<script>alert("x")</script>' })
    expect(res.status).toBe(303)
    const detail = await (await h.get(new URL(res.headers.get("location")!, "http://localhost").pathname)).text()
    expect(detail).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(detail).not.toContain('<script>alert("x")</script>')
  })
})

describe("recording", () => {
  it("a meeting lands in the audit log with the acting secretary, and the dashboard shows it", async () => {
    // A fresh school, so that no earlier test has recorded this month's committee meeting.
    const fresh = await harness()
    try {
      const before = textOf(await (await fresh.get("/")).text())
      expect(before).toMatch(/待开 支部委员会会议 2026-12/)
      const branch = fresh.seed.school.branchId
      const ctx = contextOf(fresh.seed.school.tenantId, demoActors(fresh.seed.school).secretary.actor, NOW, nationalBaseline, chinaWorkdays)
      const exit = await fresh.run(
        Effect.gen(function* () {
          const org = yield* organizationService.get(ctx, { organizationId: branch })
          const all = yield* memberService.list(ctx, { organizationId: branch, limit: 1000 })
          return rosterOn(all, org, TODAY, nationalBaseline).filter((e) => org.leadership.committeeMemberIds.includes(e.member.id))
        })
      )
      if (!Exit.isSuccess(exit)) throw new Error("roster")
      const form = { organizationId: branch, kind: "committee", date: TODAY, topic: "研究十二月工作", ...Object.fromEntries(exit.value.map((e) => [`att.${e.member.id}`, "present"])) }
      const res = await fresh.post("/meetings", form)
      expect(res.status).toBe(303)
      expect(await fresh.lastAudit()).toMatchObject({ actorId: fresh.seed.school.secretaryId })
      const after = textOf(await (await fresh.get("/")).text())
      expect(after).toMatch(/已完成 支部委员会会议 2026-12/)
    } finally {
      await fresh.close()
    }
  })

  it("a resolution below its threshold is refused with the rule's message and nothing is written", async () => {
    const branch = await read(organizationService.get(secretaryCtx(), { organizationId: h.seed.school.branchId }))
    const due = rosterOn(members, branch, TODAY, nationalBaseline)
    const before = await h.auditCount()
    const res = await h.post("/meetings", {
      organizationId: branch.id,
      kind: "generalAssembly",
      date: TODAY,
      topic: "讨论发展计划",
      ...Object.fromEntries(due.map((e) => [`att.${e.member.id}`, "present"])),
      resolutionTitle: "通过年度发展计划",
      resolutionYes: "3",
      resolutionNo: "0",
      resolutionAbstain: "0",
      resolutionPassed: "0"
    })
    expect(res.status).toBe(422)
    const text = textOf(await res.text())
    expect(text).toContain("不能记为通过")
    expect(text).toContain("meeting.generalAssembly")
    expect(await h.auditCount()).toBe(before)
  })

  it("a recruitment step moves the card; a step too early is refused with the rule and the date it allows", async () => {
    // An activist designated less than a year ago whose next step is the half-yearly assessment.
    const activist = members.find(
      (m) =>
        m.stage === "activist" &&
        nextSteps(fileState(m, nationalBaseline)).join() === "activistAssessment" &&
        addYears(m.steps.find((s) => s.step === "activistDesignation")!.date as CivilDate, 1) > TODAY
    )!
    expect(activist).toBeDefined()
    const board = await (await h.get("/members")).text()
    const version = new RegExp(`step-form-${activist.id}"[^]*?name="expectedVersion" value="(\\d+)"`).exec(board)![1]!
    const moved = await h.post(`/members/${activist.id}/steps`, { expectedVersion: version, step: "activistAssessment", date: TODAY })
    expect(moved.status).toBe(303)
    expect(await h.lastAudit()).toMatchObject({ actorId: h.seed.school.secretaryId, action: "member.recordStep" })
    const after = textOf(await (await h.get(`/members?recorded=${activist.id}`)).text())
    expect(after).toContain(`已记录 ${activist.name} 的“培养教育考察”`)

    const before = await h.auditCount()
    const early = await h.post(`/members/${activist.id}/steps`, { expectedVersion: String(Number(version) + 1), step: "candidateDesignation", date: TODAY })
    expect(early.status).toBe(422)
    const html = await early.text()
    const designated = activist.steps.find((s) => s.step === "activistDesignation")!.date as CivilDate
    expect(textOf(html)).toContain("member.activist.minimumCultivation")
    expect(html).toContain(`规则允许的最早日期：${addYears(designated, 1)}`)
    expect(await h.auditCount()).toBe(before)
  })
})

describe("acting user", () => {
  it("the role switcher sets the role; a member sees only their own file and is refused a meeting", async () => {
    const switched = await h.post("/role", { role: "member" })
    expect(switched.status).toBe(303)
    expect(switched.headers.get("set-cookie")).toContain("zhibu-demo-role=member")

    const mine = textOf(await (await h.get("/", "member")).text())
    expect(mine).toContain("年党费")
    expect(mine).not.toContain("发展党员 台账")

    const before = await h.auditCount()
    const refused = await h.post("/meetings", await committeeForm(), { role: "member" })
    expect(refused.status).toBe(403)
    expect(textOf(await refused.text())).toContain("无权")
    const board = await h.get("/members", "member")
    expect(board.status).toBe(403)
    expect(await h.auditCount()).toBe(before)
  })

  it("the county viewer is refused a member's file", async () => {
    const res = await h.get(`/members/${members[0]!.id}`, "county")
    expect([403, 404]).toContain(res.status)
  })
})

describe("mounting", () => {
  it("takes the acting user from the host: no role switcher, and the library's permissions decide", async () => {
    const member = demoActors(h.seed.school).member
    const { secretaryId: _s, memberId: _m, ...school } = h.seed.school
    const hosted = createPortal({ run: h.run, school, workdays: chinaWorkdays, clock: () => NOW, identify: () => member })
    const home = await hosted.request("/")
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).not.toContain("role-select")
    expect(html).toContain(member.label)
    const refused = await hosted.request("/meetings/new")
    expect(refused.status).toBe(403)
  })


  it("mounts under a path in another team's Hono server, with every link under that path", async () => {
    const mounted = await harness({ basePath: "/party" })
    try {
      const host = new Hono()
      host.get("/", (c) => c.text("host home"))
      host.route("/", mounted.app)
      expect(await (await host.request("/")).text()).toBe("host home")
      const res = await host.request("/party")
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('href="/party/meetings"')
      expect(html).toContain('src="/party/assets/portal.js"')
    } finally {
      await mounted.close()
    }
  })
})
