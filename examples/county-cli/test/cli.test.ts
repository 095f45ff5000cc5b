import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildCommand, figure, LAUNCHER, markdownTable, PACKAGE, type Run, zhibu } from "./support.js"

/**
 * The built command (`node dist/zhibu.js`) end to end on the generated county of seed 3 (66
 * branches, 1,510 members, 22 newly developed, 12 elections, 8 secretaries changed in 2025), in a
 * fresh SQLite file, judged as on 2026-01-10: exit statuses, the report's figures, and the per-row
 * errors of bad files. Each `it` runs after the previous one (the database carries over).
 */
const TODAY = "2026-01-10"
let folder: string
let db: string
const run = (...args: Array<string>): Promise<Run> => zhibu(["--db", db, "--today", TODAY, ...args], { cwd: folder })
const BOM = "\ufeff"
const STRICT_PROFILE = join(PACKAGE, "..", "..", "docs", "examples", "strict-school-profile.json")
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>): string => BOM + rows.map((r) => r.join(",")).join("\r\n") + "\r\n"
const ROSTER_HEADER = ["人员编号", "姓名", "性别", "出生日期", "所在党组织编号", "党小组编号", "人员类别", "身份证号", "联系电话", "入党申请日期", "入党时间", "转正时间", "最近联系日期", "申请材料", "备注"]
const applicant = (id: string, name: string, gender: string, birth: string, org: string, idNumber: string, applied: string) => [id, name, gender, birth, org, "", "教师", idNumber, "", applied, "", "", "", "入党申请书", ""]

beforeAll(() => {
  buildCommand()
  folder = mkdtempSync(join(tmpdir(), "zhibu-cli-test-"))
  db = `sqlite:${join(folder, "county.sqlite")}`
}, 120_000)

afterAll(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true })
})

describe("zhibu: help, version and wrong usage", () => {
  it("--help is in Chinese and English and lists every subcommand; exit 0", async () => {
    const help = await zhibu(["--help"])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain("用法 Usage: zhibu")
    for (const command of ["import", "template", "check", "report", "plan", "export", "remind", "demo"]) expect(help.stdout).toMatch(new RegExp(`\\n  ${command}\\b`))
    expect(help.stdout).toContain("合规检查")
    expect(help.stdout).toContain("compliance and signals of every branch")
    expect(help.stdout).toContain("退出码 Exit status")
    const report = await zhibu(["report", "--help"])
    expect(report.status).toBe(0)
    expect(report.stdout).toContain("reportService.annualSummary")
    expect(report.stdout).toContain("全局选项 Global Options:")
  })

  it("--version prints the version; exit 0 — also through bin/zhibu.js, the launcher npm links as `zhibu`", async () => {
    expect(await zhibu(["--version"])).toMatchObject({ status: 0, stdout: "0.0.0\n" })
    expect(await zhibu(["--version"], { script: LAUNCHER })).toMatchObject({ status: 0, stdout: "0.0.0\n" })
  })

  it("an unknown option, a bad role or a bad date is wrong usage: exit 2", async () => {
    expect((await zhibu(["check", "--no-such-option"])).status).toBe(2)
    expect((await zhibu(["--role", "mayor", "check"])).status).toBe(2)
    const date = await zhibu(["--db", "sqlite::memory:", "--today", "2026-02-30", "check"])
    expect(date.status).toBe(2)
    expect(date.stderr).toContain("--today")
  })

  it("a tenant with no organizations cannot run: exit 3, telling to run zhibu demo", async () => {
    const empty = await run("report")
    expect(empty.status).toBe(3)
    expect(empty.stderr).toContain("zhibu demo")
  })
})

describe("zhibu demo: the generated county written once, and its report", () => {
  it("writes the county and prints the tree, the checks, the agenda, the rules' meetings and the year's figures", async () => {
    const demo = await run("demo", "--year", "2025")
    expect(demo.status, demo.stderr).toBe(0)
    expect(demo.stdout).toContain("已写入演示县（种子 3，2025 年）：168 个党组织、1650 份人员档案")
    expect(demo.stdout).toContain("示范县委教育工委（党委）")
    expect(demo.stdout).toContain("正式党员 1,488 · 预备党员 22 · 发展对象 25 · 入党积极分子 45 · 入党申请人 70")
    for (const section of ["一、组织架构与人员", "二、组织检查", "三、今后6个月的工作日程", "四、需要支部研究决定的事项", "五、按规则应开展的会议和活动", "六、2025 年度工作情况"]) {
      expect(demo.stdout).toContain(section)
    }
    // every finding and agenda entry cites its rule
    expect(demo.stdout).toMatch(/任期于 \d{4}-\d{2}-\d{2} 届满，应按期换届（规则 org\.term\.reminderWindow/)
    expect(demo.stdout).toContain("主题党日：一般每月1次")
    expect(demo.stdout).toContain("党支部 66 个，党员 1,510 名（正式党员 1,488，预备党员 22）；年内发展党员 22 名，换届 12 个，书记调整 8 人")
  })

  it("a second run writes nothing; in English with a school's strict local rules, as on 2026-11-21: the local meetings with their document", async () => {
    const again = await zhibu(["--db", db, "--today", "2026-11-21", "--lang", "en", "--profile", STRICT_PROFILE, "demo", "--year", "2025"], { cwd: folder })
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toContain("already holds the demo county")
    expect(again.stdout).toContain("Rule profile: Example secondary school branch (strict) (example-strict-school)")
    expect(again.stdout).toContain("Local rules 《示例中学党支部“三会一课”及组织生活制度》 in force from 2026-09-01")
    expect(again.stdout).toContain("party lecture: once a month, given by the branch secretary")
    expect(again.stdout).toContain("weekly party-building meeting: once a week, held by the branch committee")
    expect(again.stdout).toContain("heart-to-heart talks among committee members: once every six months")
    expect(again.stdout).toContain("heart-to-heart talks among members: once every six months")
    expect(again.stdout).toContain("66 branches, 1,510 party members (1,488 full, 22 probationary); 22 newly developed, 12 elections held, 8 secretaries changed")
    expect(again.stdout).not.toMatch(/[【】：]/)
  })
})

describe("zhibu report: the annual summary", () => {
  it("Markdown (@zhibu/io's renderer): 66 branches, 1,510 members, 22 newly developed, 12 elections, 8 secretaries changed; the schools add up to the county", async () => {
    const report = await run("report")
    expect(report.status, report.stderr).toBe(0)
    expect(report.stdout).toMatch(/^# 示范县委教育工委 2025 年度党建工作情况\n/)
    const table = (heading: string) => new Map(markdownTable(report.stdout, heading).map(([k, v]) => [k!, v!]))
    expect(table("党组织").get("党支部")).toBe("66")
    const members = table("党员")
    expect(figure(members.get("在册正式党员")!) + figure(members.get("在册预备党员")!)).toBe(1_510)
    const year = table("发展党员与换届")
    expect([year.get("新发展党员"), year.get("已换届"), year.get("应换届"), year.get("书记调整")]).toEqual(["22", "12", "12", "8"])
    // 党组织 | 党员 | 新发展 | 已换届 | 党费收缴（元） | …: the county first, then each school (one indent) and its groups
    const [county, ...below] = markdownTable(report.stdout, "各党组织")
    expect(county!.slice(0, 4)).toEqual(["示范县委教育工委", "1510", "22", "12"])
    const schools = below.filter((r) => /^　[^　]/.test(r[0]!))
    expect(schools).toHaveLength(66)
    for (const column of [1, 2, 3]) expect(schools.reduce((n, r) => n + figure(r[column]!), 0)).toBe(figure(county![column]!))
    expect(schools.reduce((n, r) => n + Math.round(figure(r[4]!) * 100), 0)).toBe(Math.round(figure(county![4]!) * 100))
    const dues = markdownTable(report.stdout, "党费")
    expect(dues.reduce((n, r) => n + Math.round(figure(r[3]!) * 100), 0)).toBe(Math.round(figure(county![4]!) * 100))
  })

  it("JSON is the service's result; HTML is a printable page written to --out", async () => {
    const json = await run("report", "--year", "2025", "--format", "json")
    expect(json.status).toBe(0)
    const summary = JSON.parse(json.stdout)
    expect(summary.totals.organizations.branch).toBe(66)
    expect(summary.totals.members.active.full + summary.totals.members.active.probationary).toBe(1_510)
    expect(summary.totals.elections.held).toBe(12)
    const html = await run("report", "--format", "html", "--out", "report.html")
    expect(html.status).toBe(0)
    const page = readFileSync(join(folder, "report.html"), "utf8")
    expect(page).toMatch(/^<!DOCTYPE html>/i)
    expect(page).toContain("<td class=\"n\">1510</td>")
    expect(page).not.toContain("<script")
  })

  it("as the county viewer: the county view, small counts shown as <N, no names", async () => {
    const view = await run("--role", "viewer", "report")
    expect(view.status, view.stderr).toBe(0)
    expect(view.stdout).toContain("reportService.countyView")
    expect(view.stdout).toMatch(/\| <\d+ \|/)
    const overview = new Map(markdownTable(view.stdout, "一、基本情况").map(([k, v]) => [k!, v!]))
    expect(overview.get("党支部")).toBe("66")
    expect(overview.get("党员（正式 + 预备）")).toBe("1,510")
    expect(view.stdout).not.toContain("蒋涛洋") // the secretary of b01 in the demo
  })
})

describe("zhibu check: exit 1 when any branch has gaps, 0 when none", () => {
  it("the county: every branch silent for 30 days (no meetings recorded), exit 1; JSON has every branch", async () => {
    const check = await run("check")
    expect(check.status, check.stderr).toBe(1)
    expect(check.stdout).toContain("66 个支部，其中 66 个存在问题")
    expect(check.stdout).toContain("规则 meeting.silentBranch")
    expect(check.stdout).toContain("结果：存在问题（退出码 1）")
    const json = await run("check", "--json")
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout).branches).toHaveLength(66)
    expect((await run("--role", "viewer", "check")).status).toBe(1)
  })

  it("a branch with its meeting imported (CSV meetings and attendance) has no gaps: exit 0, as organizer and as viewer", async () => {
    writeFileSync(
      join(folder, "meetings.csv"),
      csv([
        ["会议编号", "党组织编号", "会议类型", "会议日期", "开始时间", "结束时间", "地点", "主持人编号", "主题"],
        ["b01-2026-01-td", "b01", "主题党日", "2026-01-05", "16:00", "17:30", "党员活动室", "b01-m001", "学习党章"]
      ])
    )
    const members = Array.from({ length: 12 }, (_, i) => `b01-m${String(i + 1).padStart(3, "0")}`)
    writeFileSync(join(folder, "attendance.csv"), csv([["会议编号", "人员编号", "出勤情况", "请假原因"], ...members.map((m) => ["b01-2026-01-td", m, "出席", ""])]))
    const imported = await run("import", "meetings", "meetings.csv", "--attendance", "attendance.csv")
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain("导入 1 行（写入 13 条记录）")
    const check = await run("check", "--org", "b01")
    expect(check.status, check.stdout).toBe(0)
    expect(check.stdout).toContain("结果：无问题（退出码 0）")
    expect((await run("--role", "viewer", "check", "--org", "b01")).status).toBe(0)
  })
})

describe("zhibu import: rows checked, errors per row and column, nothing written on error", () => {
  it("a bad roster CSV: exit 1, every problem by row and column, the report file, and nothing written", async () => {
    writeFileSync(
      join(folder, "bad.csv"),
      csv([
        ROSTER_HEADER,
        applicant("new-a1", "王一", "女", "1995-03-02", "b02", "", "2026-01-05"),
        applicant("new-a2", "李二", "男", "1990-03-07", "b02", "110101199003071234", "2026-01-05"),
        applicant("new-a3", "张三", "男", "1992-05-01", "b99", "", "2026-01-05"),
        applicant("new-a4", "赵四", "女", "1993-06-01", "b02", "", "2026-02-01"),
        applicant("new-a5", "钱五", "未知", "1994-07-01", "b02", "", "2026-01-05")
      ])
    )
    const bad = await run("import", "roster", "bad.csv", "--errors", "errors.json")
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("导入被拒绝，未写入任何记录。共 4 处问题")
    expect(bad.stderr).toContain("党员名册 第 3 行「身份证号」")
    expect(bad.stderr).toContain("党员名册 第 4 行「所在党组织编号」：没有编号为 b99 的党组织")
    expect(bad.stderr).toContain("党员名册 第 5 行「入党申请日期」：日期2026-02-01晚于今天2026-01-10")
    expect(bad.stderr).toContain("党员名册 第 6 行「性别」")
    const issues = JSON.parse(readFileSync(join(folder, "errors.json"), "utf8")) as ReadonlyArray<{ row: number; field: string; code: string }>
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, "idNumber", "invalid"],
      [4, "organizationId", "notFound"],
      [5, "applicationDate", "refused"],
      [6, "gender", "invalid"]
    ])
    const english = await run("--lang", "en", "import", "roster", "bad.csv", "--errors", "errors.csv")
    expect(english.status).toBe(1)
    expect(english.stderr).toContain("roster row 4, column 所在党组织编号 (organizationId): there is no organization with the id b99")
    expect(readFileSync(join(folder, "errors.csv"), "utf8")).toMatch(/^\ufeff表 table,行 row,列 column/)
    // all or nothing: the good first row was not written either
    const roster = await run("export", "roster", "--format", "csv", "--out", "-")
    expect(roster.status).toBe(0)
    expect(roster.stdout).not.toContain("new-a1")
  })

  it("--mode valid writes the good rows and still exits 1 for the others", async () => {
    const valid = await run("import", "roster", "bad.csv", "--mode", "valid")
    expect(valid.status).toBe(1)
    expect(valid.stdout).toContain("导入 1 行")
    expect(valid.stderr).toContain("以下 4 处问题的行未导入")
  })

  it("a good XLSX roster: exit 0; the same file again writes nothing, exit 0", async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("党员名册")
    sheet.addRow(ROSTER_HEADER)
    sheet.addRow(applicant("new-x1", "孙六", "女", "1996-04-02", "b03", "", "2026-01-06"))
    sheet.addRow(applicant("new-x2", "周七", "男", "1997-05-03", "b03", "", "2026-01-06"))
    await workbook.xlsx.writeFile(join(folder, "roster.xlsx"))
    const first = await run("import", "roster", "roster.xlsx", "--progress")
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain("读取 2 行，导入 2 行")
    expect(first.stderr).toContain("校验 [") // the progress bar, drawn though stderr is not a terminal
    const second = await run("import", "roster", "roster.xlsx")
    expect(second.status).toBe(0)
    expect(second.stdout).toContain("无需写入")
  })

  it("a bad XLSX roster: exit 1 with its row", async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("党员名册")
    sheet.addRow(ROSTER_HEADER)
    sheet.addRow(applicant("new-y1", "吴八", "女", "2015-01-01", "b03", "", "2026-01-06"))
    await workbook.xlsx.writeFile(join(folder, "young.xlsx"))
    const young = await run("import", "roster", "young.xlsx")
    expect(young.status).toBe(1)
    expect(young.stderr).toContain("党员名册 第 2 行「出生日期」")
  })

  it("the county viewer may not import: every row is refused, exit 1", async () => {
    const viewer = await run("--role", "viewer", "import", "roster", "roster.xlsx")
    expect(viewer.status).toBe(1)
    expect(viewer.stderr).toMatch(/forbidden|无权/)
  })
})

describe("zhibu plan, export, remind, template", () => {
  it("plan: a branch's year as iCalendar; a county needs --out, then one file per branch", async () => {
    const plan = await run("plan", "--org", "b01", "--year", "2026")
    expect(plan.status, plan.stderr).toBe(0)
    expect(plan.stdout).toMatch(/^BEGIN:VCALENDAR\r?\n/)
    expect(plan.stdout.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThan(24)
    expect((await run("plan", "--year", "2026")).status).toBe(2)
    expect((await run("plan", "--year", "2026", "--out", "plans")).status).toBe(0)
    expect(readdirSync(join(folder, "plans"))).toHaveLength(66)
  })

  it("export: every ledger as one XLSX workbook, or a CSV file each with a BOM and Chinese headers; the viewer is refused (exit 3)", async () => {
    const xlsx = await run("export", "--out", "ledgers.xlsx")
    expect(xlsx.status, xlsx.stderr).toBe(0)
    expect(readFileSync(join(folder, "ledgers.xlsx")).subarray(0, 2).toString()).toBe("PK")
    const files = await run("export", "roster", "dues", "--format", "csv", "--out", "csv")
    expect(files.status).toBe(0)
    expect(readdirSync(join(folder, "csv")).sort()).toEqual(["dues.csv", "roster.csv"])
    expect(readFileSync(join(folder, "csv", "roster.csv"), "utf8")).toMatch(/^\ufeff人员编号,姓名/)
    expect((await run("export", "no-such-ledger")).status).toBe(2)
    const viewer = await run("--role", "viewer", "export", "--out", "viewer.xlsx")
    expect(viewer.status).toBe(3)
    expect(viewer.stderr).toContain("无权")
  })

  it("remind: reportService.reminders as JSON lines since the last run, each with its recipients and a stable id; the same window gives the same lines", async () => {
    const first = await run("remind", "--since", "2026-01-01")
    expect(first.status, first.stderr).toBe(0)
    const lines = first.stdout.trim().split("\n").map((l) => JSON.parse(l))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      expect(line).toMatchObject({ id: expect.any(String), kind: expect.any(String), remindOn: expect.any(String), ruleId: expect.any(String) })
      expect(line.remindOn > "2026-01-01" && line.remindOn <= TODAY).toBe(true)
      expect(line.message.zh).toContain("规则")
      expect(line.to.length).toBeGreaterThan(0)
    }
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)
    expect((await run("remind", "--since", "2026-01-01")).stdout).toBe(first.stdout)
    // nothing after today's run
    expect(await run("remind", "--since", TODAY)).toMatchObject({ status: 0, stdout: "" })
    expect((await run("remind")).status).toBe(2)
  })

  it("template: an empty roster workbook and a CSV, without a database", async () => {
    expect((await zhibu(["template", "roster", "--out", join(folder, "t.xlsx")])).status).toBe(0)
    expect((await zhibu(["template", "meetings", "--table", "attendance", "--out", join(folder, "t.csv")])).status).toBe(0)
    expect(readFileSync(join(folder, "t.csv"), "utf8")).toMatch(/^\ufeff会议编号,人员编号,出勤情况/)
  })
})

// The same command on a real PostgreSQL from PG_URL (a fresh tenant): skipped without it, failing under ZHIBU_REQUIRE_DB=1.
const pgUrl = process.env.PG_URL === undefined || process.env.PG_URL === "" ? undefined : process.env.PG_URL
if (pgUrl === undefined && process.env.ZHIBU_REQUIRE_DB === "1") {
  describe("PG_URL (required by ZHIBU_REQUIRE_DB=1)", () => {
    it("is set", () => {
      throw new Error("ZHIBU_REQUIRE_DB=1 but PG_URL is not set: this run must test a real server")
    })
  })
}

describe.runIf(pgUrl !== undefined)("zhibu --db postgres://… (PG_URL)", () => {
  const tenant = `cli-test-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
  const pg = (...args: Array<string>): Promise<Run> => zhibu(["--db", pgUrl!, "--tenant", tenant, "--today", TODAY, ...args], { cwd: folder })

  it("demo, report and check on PostgreSQL: the same figures and exit statuses as on SQLite", async () => {
    const demo = await pg("demo", "--year", "2025", "--limit", "1")
    expect(demo.status, demo.stderr).toBe(0)
    expect(demo.stdout).toContain("党支部 66 个，党员 1,510 名")
    const report = await pg("report")
    expect(report.status, report.stderr).toBe(0)
    const [county] = markdownTable(report.stdout, "各党组织")
    expect(county!.slice(0, 4)).toEqual(["示范县委教育工委", "1510", "22", "12"])
    expect((await pg("check")).status).toBe(1)
  })

  it("a bad roster on PostgreSQL: exit 1, the same per-row errors", async () => {
    const bad = await pg("import", "roster", "bad.csv")
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("党员名册 第 4 行「所在党组织编号」：没有编号为 b99 的党组织")
  })
})
