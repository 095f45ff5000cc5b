import { userInfo } from "node:os"
import { ledgerIds } from "@zhibu/io"
import { Command, Option } from "commander"
import { checkCommand } from "./commands/check.js"
import { demoCommand } from "./commands/demo.js"
import { exportCommand } from "./commands/export.js"
import { importCommand } from "./commands/import.js"
import { planCommand } from "./commands/plan.js"
import { remindCommand } from "./commands/remind.js"
import { reportCommand } from "./commands/report.js"
import { templateCommand } from "./commands/template.js"
import { choiceOption, type ExitCode, type GlobalOptions, type Lang, UsageError, yearOption } from "./options.js"
import { DEFAULT_DB, DEFAULT_TENANT, reportFailure, runSession } from "./session.js"

/** The version printed by `zhibu --version`. */
export const VERSION = "0.0.0"

/** Help section titles in both languages. */
const titles: Readonly<Record<string, string>> = {
  "Usage:": "用法 Usage:",
  "Options:": "选项 Options:",
  "Commands:": "命令 Commands:",
  "Arguments:": "参数 Arguments:",
  "Global Options:": "全局选项 Global Options:"
}

const defaultPerson = (): string => {
  let name = "operator"
  try {
    name = userInfo().username
  } catch {}
  return `cli-${name.replace(/[^A-Za-z0-9._-]/g, "_") || "operator"}`
}

const int = (option: string) => (value: string): number => {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} 应为非负整数 — ${option} must be a whole number, not "${value}"`)
  return Number(value)
}
const year = (value: string): number => yearOption(value)

const exitCodesHelp = `
退出码 Exit status:
  0  完成，无问题 — done, nothing to report
  1  完成，数据有问题：check 发现缺项，import 有被拒绝的行 — done, and the data has problems (gaps found, rows refused)
  2  用法错误 — wrong usage (an unknown option, a bad date)
  3  无法执行：数据库无法打开、党组织不存在、无权操作 — could not run (database, unknown organization, not allowed)`

const rootHelp = `
示例 Examples:
  $ zhibu demo                                   # 写入演示县并打印报告 — seed a demo county and print its report
  $ zhibu report --format html -o report.html    # 年度工作情况 — the annual summary
  $ zhibu check || echo 有缺项                    # 合规检查，可用于定时任务 — compliance, for a scheduler
  $ zhibu --db postgres://user:pw@host/zhibu --tenant county-1 --role viewer report

环境变量 Environment: ZHIBU_DB, ZHIBU_TENANT, ZHIBU_LANG
${exitCodesHelp}`

/** Builds the `zhibu` command. `run` receives each subcommand's exit status. */
export const buildProgram = (setExit: (code: ExitCode) => void): Command => {
  // exitOverride first: subcommands inherit it when they are made, so every parse error reaches main.
  const program = new Command("zhibu").exitOverride()
  program
    .description(
      "zhibu 支部 — 县教育工委的命令行工具：导入名册和会议记录、合规检查、年度报表、年度计划、台账导出、提醒\n" +
        "the command line of a county education work committee: import rosters and meetings, check compliance, report, plan, export ledgers, remind"
    )
    .version(VERSION, "-V, --version", "显示版本 — print the version")
    .helpOption("-h, --help", "显示帮助 — show help")
    .helpCommand("help [command]", "显示某个命令的帮助 — show help for a command")
    .configureHelp({ showGlobalOptions: true, styleTitle: (title) => titles[title] ?? title })
    .showHelpAfterError("（使用 --help 查看用法 — add --help for usage）")
    .addOption(new Option("-d, --db <url>", "数据库：sqlite:文件 或 postgres://… — database: sqlite:FILE or postgres://user:pass@host/db").env("ZHIBU_DB").default(DEFAULT_DB))
    .addOption(new Option("-t, --tenant <id>", "租户 — tenant").env("ZHIBU_TENANT").default(DEFAULT_TENANT))
    .addOption(
      new Option("-r, --role <role>", "身份：organizer 上级组织员（全部权限）或 viewer 县级查看者（只看汇总） — acting role: organizer (higher organizer) or viewer (county viewer, aggregates only)")
        .choices(["organizer", "viewer"])
        .default("organizer")
    )
    .addOption(new Option("--as <person>", "操作人编号，记入审计日志 — the acting person's id, written in the audit log").default(defaultPerson(), "cli-<user>"))
    .addOption(new Option("--org <id>", "党组织编号：命令作用于其下级全部组织（默认顶层党组织） — the organization whose subtree the command works on (default: the top one)"))
    .addOption(new Option("--today <date>", "按某一天判断（YYYY-MM-DD，中国时间；默认今天） — judge as on this day (China time; default: today)"))
    .addOption(new Option("--profile <file>", "本地规则配置（JSON），叠加在全国基线上 — a local rule override (JSON) on the national baseline"))
    .addOption(new Option("--lang <lang>", "输出语言 — output language").choices(["zh", "en"]).env("ZHIBU_LANG").default("zh"))
    .addHelpText("after", rootHelp)

  const globals = (command: Command): GlobalOptions => {
    const o = command.optsWithGlobals<Record<string, string | undefined>>()
    return {
      db: o.db!,
      tenant: o.tenant!,
      role: choiceOption(o.role!, ["organizer", "viewer"] as const, "--role"),
      as: o.as!,
      lang: choiceOption(o.lang!, ["zh", "en"] as const, "--lang") as Lang,
      ...(o.org === undefined ? {} : { org: o.org }),
      ...(o.today === undefined ? {} : { today: o.today }),
      ...(o.profile === undefined ? {} : { profile: o.profile })
    }
  }

  /** Runs a handler, turning a thrown usage error into status 2. */
  const act = (handler: (command: Command, ...args: Array<any>) => Promise<ExitCode>) =>
    async function (this: Command, ...args: Array<any>) {
      try {
        setExit(await handler(this, ...args))
      } catch (error) {
        setExit(reportFailure(error))
      }
    }

  // ── import ──────────────────────────────────────────────────────────────────────────────────
  const importing = program
    .command("import")
    .description("导入党员名册或会议记录（CSV 或 XLSX），逐行校验 — import a roster or meeting records (CSV or XLSX), every row checked")
    .addHelpText(
      "after",
      `
文件按 @zhibu/io 的模板填写（zhibu template 生成空白模板）；CSV 可为 UTF-8 或 GBK（Excel 另存为）。
默认全部成功才写入：任何一行有问题，则逐行列出问题、不写入任何记录，退出码 1。同一文件重复导入不会重复写入。
Files follow @zhibu/io's templates (zhibu template writes empty ones); CSV in UTF-8 or GBK (Excel's save as).
All or nothing by default: any bad row lists every problem by row and column, writes nothing, exit status 1.
Importing the same file again writes nothing.
${exitCodesHelp}`
    )
  const importOptions = (command: Command) =>
    command
      .addOption(new Option("--mode <mode>", "all 全部成功才写入；valid 只写入无问题的行 — all: all or nothing; valid: write the good rows").choices(["all", "valid"]).default("all"))
      .option("--errors <file>", "把问题清单写入文件（.csv 或 .json） — write the per-row problems to a file (.csv or .json)")
      .option("--progress", "即使不是终端也显示进度条 — draw the progress bar even when not on a terminal", false)
  importOptions(
    importing
      .command("roster")
      .description("导入党员名册（入党申请人和已有党员） — import a member roster (applicants and existing members)")
      .argument("<file>", "名册文件（.csv 或 .xlsx） — the roster file")
  ).action(
    act(async (command, file: string) => {
      const o = command.opts()
      return runSession(globals(command), importCommand("roster", file, { mode: o.mode, progress: o.progress, ...(o.errors === undefined ? {} : { errors: o.errors }) }))
    })
  )
  importOptions(
    importing
      .command("meetings")
      .description("导入会议记录（会议、出勤、决议） — import meeting records (meetings, attendance, resolutions)")
      .argument("<file>", "会议文件：含“会议”“出勤”“决议”工作表的 .xlsx，或会议 .csv — a workbook with sheets 会议/出勤/决议, or the meetings CSV")
      .option("--attendance <file>", "出勤 CSV（会议文件为 CSV 时） — the attendance CSV")
      .option("--resolutions <file>", "决议 CSV — the resolutions CSV")
  ).action(
    act(async (command, file: string) => {
      const o = command.opts()
      return runSession(
        globals(command),
        importCommand("meetings", file, {
          mode: o.mode,
          progress: o.progress,
          ...(o.errors === undefined ? {} : { errors: o.errors }),
          ...(o.attendance === undefined ? {} : { attendance: o.attendance }),
          ...(o.resolutions === undefined ? {} : { resolutions: o.resolutions })
        })
      )
    })
  )

  // ── template ────────────────────────────────────────────────────────────────────────────────
  program
    .command("template")
    .description("写出空白导入模板（不需要数据库） — write an empty import template (no database needed)")
    .argument("<what>", "roster 名册 或 meetings 会议")
    .requiredOption("-o, --out <file>", "输出文件：.xlsx（含填写说明）或 .csv — the file: .xlsx (with instructions) or .csv")
    .addOption(new Option("--table <table>", "CSV 时会议模板的哪一张表 — for a meetings CSV, which table").choices(["meetings", "attendance", "resolutions"]))
    .action(
      act(async (command, what: string) => {
        const o = command.opts()
        return templateCommand(choiceOption(what, ["roster", "meetings"] as const, "<what>"), o.out, o.table, globals(command).lang)
      })
    )

  // ── check ───────────────────────────────────────────────────────────────────────────────────
  program
    .command("check")
    .description("合规检查：各支部组织生活缺项、停滞支部、逾期换届和逾期事项；有问题时退出码 1 — compliance and signals of every branch; exit status 1 when there are gaps")
    .option("--json", "输出 JSON — print JSON", false)
    .option("--from <date>", "检查期间的第一天（县级查看者；默认当年 1 月 1 日） — first day checked (viewer; default 1 January)")
    .option("--limit <n>", "每个支部最多列出几项（0 为全部） — problems listed per branch (0: all)", int("--limit"), 5)
    .addHelpText(
      "after",
      `
上级组织员：reportService.dashboard（缺项、逾期事项、停滞支部、逾期换届、培养停滞）。
县级查看者：meetingService.compliance 与 silentBranches（只有汇总，不含个人信息）。
As organizer: reportService.dashboard (gaps, overdue deadlines, silent branches, overdue elections, stalled files).
As viewer: meetingService.compliance and silentBranches (aggregates, no personal data).
定时任务 For a scheduler:  0 7 * * 1  zhibu check --db sqlite:/srv/zhibu.sqlite || notify-county
${exitCodesHelp}`
    )
    .action(
      act(async (command) => {
        const o = command.opts()
        return runSession(globals(command), checkCommand({ json: o.json, limit: o.limit, ...(o.from === undefined ? {} : { from: o.from }) }))
      })
    )

  // ── report ──────────────────────────────────────────────────────────────────────────────────
  program
    .command("report")
    .description("年度工作情况（Markdown 或可打印的 HTML） — the annual summary as Markdown or printable HTML")
    .option("--year <year>", "年份（默认上一年） — the year (default: last year)", year)
    .addOption(new Option("-f, --format <format>", "格式 — format").choices(["md", "html", "json"]).default("md"))
    .option("-o, --out <file>", "输出文件（默认标准输出） — output file (default: standard output)")
    .addHelpText(
      "after",
      `
上级组织员：reportService.annualSummary（精确数字），由 @zhibu/io 的 annualSummaryMarkdown / annualSummaryHtml（A4 打印版）生成。
县级查看者：reportService.countyView（人数少于阈值显示为“<N”）；@zhibu/io 没有县级视图的渲染函数，版式由本命令生成。
As organizer: reportService.annualSummary (exact), written by @zhibu/io's annualSummaryMarkdown / annualSummaryHtml (A4).
As viewer: reportService.countyView (counts of people below the threshold shown as "<N"); @zhibu/io does not render
the county view, so this command does. --format json prints the service's result.`
    )
    .action(
      act(async (command) => {
        const o = command.opts()
        return runSession(globals(command), reportCommand({ format: o.format, ...(o.year === undefined ? {} : { year: o.year }), ...(o.out === undefined ? {} : { out: o.out }) }))
      })
    )

  // ── plan ────────────────────────────────────────────────────────────────────────────────────
  program
    .command("plan")
    .description("支部年度计划（iCalendar .ics，可导入手机日历） — a branch's year plan as iCalendar")
    .option("--year <year>", "年份（默认今年） — the year (default: this year)", year)
    .option("-o, --out <path>", "一个支部：.ics 文件（默认标准输出）；多个支部：文件夹 — one branch: the .ics file (default standard output); several: a folder")
    .addHelpText("after", "\n用 --org 指定支部；指定学校或县时每个支部一个文件。 Give the branch with --org; for a school or county, one file per branch.\n数据 From: meetingService.yearPlan + yearPlanToICalendar (@zhibu/io).")
    .action(
      act(async (command) => {
        const o = command.opts()
        return runSession(globals(command), planCommand({ ...(o.year === undefined ? {} : { year: o.year }), ...(o.out === undefined ? {} : { out: o.out }) }))
      })
    )

  // ── export ──────────────────────────────────────────────────────────────────────────────────
  program
    .command("export")
    .description("导出台账（CSV 或 XLSX） — export the ledgers (台账) as CSV or XLSX")
    .argument("[ledgers...]", `台账（默认全部） — ledgers (default all): ${ledgerIds.join(", ")}`)
    .addOption(new Option("-f, --format <format>", "格式 — format").choices(["csv", "xlsx"]).default("xlsx"))
    .option("-o, --out <path>", "XLSX：文件；CSV：文件夹，或 - 表示标准输出（仅一个台账） — xlsx: the file; csv: a folder, or - for standard output (one ledger)")
    .option("--from <date>", "起始日期 — first date")
    .option("--to <date>", "截止日期 — last date")
    .addOption(new Option("--headers <lang>", "表头语言 — header language").choices(["zh", "en"]).default("zh"))
    .option("--full-personal-data", "身份证号、电话不打码（记入审计日志） — ID numbers and phones in full (audited)", false)
    .addHelpText("after", "\n数据 From: exportLedgersXlsx / exportLedgerCsv (@zhibu/io): streamed, personal data masked, formula cells neutralized.")
    .action(
      act(async (command, names: Array<string>) => {
        const o = command.opts()
        return runSession(
          globals(command),
          exportCommand(names, {
            format: o.format,
            headers: o.headers,
            fullPersonalData: o.fullPersonalData,
            ...(o.out === undefined ? {} : { out: o.out }),
            ...(o.from === undefined ? {} : { from: o.from }),
            ...(o.to === undefined ? {} : { to: o.to })
          })
        )
      })
    )

  // ── remind ──────────────────────────────────────────────────────────────────────────────────
  program
    .command("remind")
    .description("提醒：上次运行以来应发出的提醒，每行一个 JSON — the reminders since the last run, as JSON lines")
    .requiredOption("--since <date>", "上次运行的日期：覆盖其后直到今天的每一天 — the day it last ran: every day after it up to today is covered")
    .addHelpText(
      "after",
      `
数据 From: reportService.reminders — 本周应开的会议、7 天内到期的发展步骤、预备期届满、换届、党费和学时落后；
每条提醒写明对象（支部书记或本人）和规则。按上次运行的日期运行：漏掉的日子会补上，已覆盖的日子不会重复；
同一时间段得到相同的输出，每行的 id 不变，宿主系统可据此去重。
meetings due this week, recruitment steps due in 7 days, probation ending, elections, dues and study behind;
each names whom to remind (the secretary or the member) and its rule. Run it with the day of the last run:
days missed are covered, a day already covered is not covered again; the same window gives the same lines,
each with a stable id.
例 Example (cron, daily):  zhibu remind --since "$(cat last-run)" > today.jsonl && date +%F > last-run`
    )
    .action(
      act(async (command) => {
        const o = command.opts()
        return runSession(globals(command), remindCommand({ since: o.since }))
      })
    )

  // ── demo ────────────────────────────────────────────────────────────────────────────────────
  program
    .command("demo")
    .description("写入演示县（@zhibu/testing 生成）并打印报告 — seed a demo county (from @zhibu/testing) and print its report")
    .option("--seed <n>", "生成器种子（默认 3：66 个支部、1,510 名党员） — the generator's seed (default 3: 66 branches, 1,510 members)", int("--seed"), 3)
    .option("--year <year>", "生成的年份（默认上一年） — the year generated (default: last year)", year)
    .option("--limit <n>", "每个列表最多显示几项（0 为全部） — entries shown per list (0: all)", int("--limit"), 12)
    .addHelpText(
      "after",
      `
第一次运行写入约 168 个党组织、1,650 份档案和一年的党费、学习、民主评议和换届记录；再次运行不重复写入。报告以上级组织员身份读取。
The first run writes about 168 organizations, 1,650 files and a year of dues, study, evaluations and elections;
later runs write nothing. The report is read as the county's organizer.`
    )
    .action(
      act(async (command) => {
        const o = command.opts()
        return demoCommand(globals(command), { seed: o.seed, limit: o.limit, ...(o.year === undefined ? {} : { year: o.year }) })
      })
    )

  return program
}
