import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { addMonths, addYears, civilDate, type Locale, nationalBaseline, organizationService } from "@zhibu/core"
import { connectSqlite, SqlStore } from "@zhibu/store-sql"
import * as Effect from "effect/Effect"
import { type DemoOptions, runDemo } from "../src/demo.js"
import { contextFor } from "../src/seed.js"
import { organizations, organizer } from "../src/seed-data.js"

const TODAY = civilDate("2026-11-21")
const folders: Array<string> = []
const freshFile = () => {
  const folder = mkdtempSync(join(tmpdir(), "zhibu-demo-test-"))
  folders.push(folder)
  return join(folder, "demo.sqlite")
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})
const demo = (over: Partial<DemoOptions> = {}) => runDemo({ locale: "zh", today: TODAY, dbFile: freshFile(), profile: "national", ...over })

/** The lines of the section that starts with `heading`, up to the next blank line. */
const section = (text: string, heading: string): ReadonlyArray<string> => {
  const lines = text.split("\n")
  const start = lines.findIndex((l) => l.startsWith(heading))
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0)
  const end = lines.indexOf("", start)
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

/** The agenda's entries: date, whether overdue, and the message line below. */
const agendaEntries = (text: string, locale: Locale) => {
  const lines = section(text, locale === "zh" ? "三、" : "3. ")
  return lines.flatMap((line, i) => {
    const m = /^ {2}(\d{4}-\d{2}-\d{2}) {2}(\S.*)$/.exec(line)
    return m === null ? [] : [{ date: m[1]!, overdue: /已逾期|OVERDUE/.test(m[2]!), message: lines[i + 1] ?? "" }]
  })
}

const auditCounts = (text: string) => {
  const m = /审计日志共(\d+)条，本次运行写入(\d+)条/.exec(text)
  return m === null ? undefined : { total: Number(m[1]), thisRun: Number(m[2]) }
}

describe("runDemo on SQLite, today 2026-11-21, national profile, in Chinese", () => {
  it("shows the findings and deadlines the seed data were chosen for, each with its rule", async () => {
    const text = await demo()
    // the middle school's committee was elected 2024-03-21: its three-year term ends 2027-03-21
    expect(text).toContain("城关中学党支部")
    expect(text).toContain("任期于 2027-03-21 届满，应按期换届（规则 org.term.reminderWindow")
    // 周老师 was admitted on 2026-01-21: the conversion meeting may be held from 2027-01-21
    expect(text).toContain("周老师：自2027-01-21起可进行“支部大会讨论转正”（规则 member.probation.length")
    // 马老师 applied on 2026-10-07 and nobody has talked with her: overdue since 2026-11-07, a violation
    expect(text).toMatch(/2026-11-07 {2}【已逾期（违规）】城关第一小学党支部\n\s+马老师：“党组织派人谈话”应在2026-11-07前完成.*规则 member\.applicationTalk\.deadline/)
    expect(text).toContain("胡老师：“党组织派人谈话”应在2026-12-01前完成")
    expect(text).toContain("吴老师：“支部大会讨论接收”应在2026-12-11前完成（规则 member.admission.meetingDeadline")
    expect(text).toContain("徐老师：自2027-02-21起可进行“确定发展对象”（规则 member.activist.minimumCultivation")
    // flags for a human decision: the retired teacher out of contact since 2026-04-21, and his dues
    expect(section(text, "四、").join("\n")).toMatch(/黄老师：自2026-04-21起失去联系已满6个月.*member\.lostContact\.suspension/)
    expect(section(text, "四、").join("\n")).toContain("member.lapse.sixMonths")
    // the tree: eight full members and one of each other stage in the middle school
    expect(text).toContain("正式党员 8 · 预备党员 1 · 发展对象 1 · 入党积极分子 1 · 入党申请人 1")
    expect(text).toContain("书记：李老师；支委：李老师、王老师、张老师；任期2024-03-21至2027-03-21")
  })

  it("sorts the agenda: overdue entries first, then by date, all within six months", async () => {
    const entries = agendaEntries(await demo(), "zh")
    expect(entries.length).toBeGreaterThanOrEqual(8)
    expect(entries[0]).toMatchObject({ date: "2026-11-07", overdue: true })
    const onTime = entries.filter((e) => !e.overdue)
    expect(entries.slice(0, entries.length - onTime.length).every((e) => e.overdue)).toBe(true)
    expect(onTime.map((e) => e.date)).toEqual([...onTime.map((e) => e.date)].sort())
    expect(onTime.every((e) => e.date >= TODAY && e.date <= addMonths(TODAY, 6))).toBe(true)
  })

  it("lists the national meetings: a quarterly 党课 with its basis unconfirmed, no weekly meeting", async () => {
    const meetings = section(await demo(), "五、").join("\n")
    expect(meetings).toContain("党课：一般每季度1次，依据待核实")
    expect(meetings).toContain("支部委员会会议：一般每月1次，由支委会召开，适用于城关中学党支部")
    expect(meetings).not.toContain("党建例会")
  })
})

describe("runDemo with the strict school profile", () => {
  it("zh: a monthly 党课 by the secretary, a weekly 党建例会 for the branch with a committee, half-yearly talks", async () => {
    const meetings = section(await demo({ profile: "strict" }), "五、").join("\n")
    expect(meetings).toContain("党课：每月1次，由支部书记讲授")
    expect(meetings).not.toContain("每年至少1次，由支部书记讲授")
    expect(meetings).toContain("党建例会：每周1次，由支委会召开，适用于城关中学党支部")
    expect(meetings).toContain("谈心谈话：每半年1次")
    expect(meetings).toContain("《示例中学党支部“三会一课”及组织生活制度》")
  })

  it("en: the same report in English, with the weekly meeting and the overdue talk", async () => {
    const text = await demo({ profile: "strict", locale: "en" })
    expect(text).toContain("Rule profile: Example secondary school branch (strict) (example-strict-school)")
    expect(section(text, "5. ").join("\n")).toContain("weekly party-building meeting: once a week, held by the branch committee")
    expect(section(text, "5. ").join("\n")).toContain("party lecture: once a month, given by the branch secretary")
    const entries = agendaEntries(text, "en")
    expect(entries[0]).toMatchObject({ date: "2026-11-07", overdue: true })
    expect(entries[0]?.message).toContain("rule member.applicationTalk.deadline")
    expect(text).toContain("the term ends on 2027-03-21; hold the election by then (rule org.term.reminderWindow")
    expect(text).not.toMatch(/[【】：]/)
  })

  it("en with the national profile: the quarterly lecture and no weekly meeting", async () => {
    const meetings = section(await demo({ locale: "en" }), "5. ").join("\n")
    expect(meetings).toContain("party lecture: as a rule once a quarter, basis unconfirmed")
    expect(meetings).not.toContain("weekly party-building meeting")
  })
})

describe("runDemo on a file that already holds the demo", () => {
  it("does not seed again and prints the same report; the audit log does not grow", async () => {
    const dbFile = freshFile()
    const first = await demo({ dbFile })
    const second = await demo({ dbFile })
    expect(first).toContain("已通过服务接口写入演示数据")
    expect(second).toContain("数据库中已有演示数据，本次不重复写入")
    expect(agendaEntries(second, "zh")).toEqual(agendaEntries(first, "zh"))
    const [a, b] = [auditCounts(first), auditCounts(second)]
    expect(a !== undefined && a.total > 0 && a.thisRun === a.total).toBe(true)
    expect(b).toEqual({ total: a?.total, thisRun: 0 })
  })
})

describe("runDemo refuses cleanly", () => {
  it("a file holding only part of the demo (a run stopped while seeding): DemoIncomplete, telling to delete the file", async () => {
    const dbFile = freshFile()
    const { foundedYearsAgo: _, ...county } = organizations[0]
    const ctx = contextFor({ today: TODAY, profile: nationalBaseline, workdays: { isWorkday: () => true } }, organizer)
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const c = yield* Effect.acquireRelease(connectSqlite(dbFile), (c) => c.close)
          const layer = SqlStore.layer({ db: c.db, dialect: c.dialect, migrate: "onStart" })
          yield* organizationService.create(ctx, { ...county, foundedOn: "2020-01-01" }).pipe(Effect.provide(layer))
        })
      )
    )
    const error = await demo({ dbFile }).catch((e: unknown) => e)
    expect(error).toMatchObject({ _tag: "DemoIncomplete" })
    expect((error as Error).message).toContain("delete the file")
  })

  it("a database that cannot be opened: StoreUnavailable, naming the file", async () => {
    const error = await demo({ dbFile: "/nonexistent-folder/demo.sqlite" }).catch((e: unknown) => e)
    expect(error).toMatchObject({ _tag: "ZhibuStoreUnavailable" })
    expect((error as Error).message).toContain("/nonexistent-folder/demo.sqlite")
  })
})

describe("the seed data pass the real rules whatever day the demo runs on", () => {
  it.each(["2026-06-15", "2027-08-31", "2028-02-29"])("today %s: seeded, with the term reminder and the overdue talk", async (day) => {
    const today = civilDate(day)
    const text = await demo({ today, dbFile: ":memory:" })
    expect(text).toContain("已通过服务接口写入演示数据：5个党组织、18名人员。")
    expect(text).toContain(`任期于 ${addYears(addMonths(today, -32), 3)} 届满`)
    expect(agendaEntries(text, "zh")[0]).toMatchObject({ overdue: true })
  })
})
