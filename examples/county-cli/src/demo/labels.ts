import type { MemberStage, OrganizationKind, Severity } from "@zhibu/core"
import type { Cadence, MeetingBody } from "@zhibu/core/rules"
import type { Lang } from "../options.js"

/** Every fixed text of the demo report, in Chinese and English. */
export interface Labels {
  readonly title: string
  readonly database: (url: string, tenant: string) => string
  readonly today: (day: string) => string
  readonly profile: (name: string, id: string) => string
  readonly localDocument: (document: string, from: string, inForce: boolean) => string
  readonly seeded: (organizations: number, people: number, yearRecords: number, year: number, seed: number) => string
  readonly alreadySeeded: (organizations: number, people: number, year: number, seed: number) => string
  readonly holidayData: (to: number) => string
  readonly sections: {
    readonly tree: string
    readonly findings: string
    readonly agenda: (months: number, from: string, to: string) => string
    readonly flags: string
    readonly meetings: string
    readonly year: (year: number) => string
    readonly next: string
  }
  readonly kinds: Readonly<Record<OrganizationKind, string>>
  readonly stages: Readonly<Record<MemberStage, string>>
  readonly groups: (n: number) => string
  readonly secretary: string
  readonly term: (from: string, to: string) => string
  readonly none: string
  readonly more: (n: number) => string
  readonly severity: Readonly<Record<Severity, string>>
  readonly overdue: (severity: string) => string
  readonly due: string
  readonly from: string
  readonly flagsNote: string
  readonly cadence: (cadence: Cadence, firm: "default" | "hard" | "set") => string
  readonly heldBy: Readonly<Record<Exclude<MeetingBody, "branch">, string>>
  readonly bySecretary: string
  readonly quarter: (q: number) => string
  readonly studyHours: (hours: number, counted: boolean) => string
  readonly appliesTo: (n: number, of: number) => string
  readonly appliesToNone: string
  readonly unsure: string
  readonly cite: (ruleId: string, source: string) => string
  readonly yearLine: (f: {
    branches: number
    members: number
    full: number
    probationary: number
    developed: number
    held: number
    changed: number
    evaluated: number
  }) => string
  readonly tag: (text: string) => string
  readonly paren: (text: string) => string
  readonly colon: string
  readonly clauses: string
  readonly parts: string
  /** Commands to try next; `since` is a recent day for `remind`. */
  readonly nextSteps: (since: string) => ReadonlyArray<string>
}

const zhPeriods: Readonly<Record<Cadence, string>> = { weekly: "每周", monthly: "每月", quarterly: "每季度", halfYearly: "每半年", semester: "每学期", yearly: "每年" }
const enPeriods: Readonly<Record<Cadence, string>> = {
  weekly: "once a week",
  monthly: "once a month",
  quarterly: "once a quarter",
  halfYearly: "once every six months",
  semester: "once a semester",
  yearly: "once a year"
}
const zhNumbers = ["零", "一", "二", "三", "四"]

const zh: Labels = {
  title: "zhibu 演示：县委教育工委及所属学校党支部（演示数据由 @zhibu/testing 生成，人名均为虚构）",
  database: (url, tenant) => `数据库：${url}，租户 ${tenant}`,
  today: (day) => `今天：${day}（中国时间）`,
  profile: (name, id) => `规则配置：${name}（${id}）`,
  localDocument: (document, from, inForce) => `本地制度《${document}》自${from}起施行${inForce ? "" : "，今天尚未施行，仍按全国基线"}`,
  seeded: (organizations, people, yearRecords, year, seed) =>
    `已写入演示县（种子 ${seed}，${year} 年）：${organizations} 个党组织、${people} 份人员档案，以及 ${yearRecords} 条党费、学习、民主评议和换届记录。`,
  alreadySeeded: (organizations, people, year, seed) => `数据库中已有演示县（种子 ${seed}，${year} 年，${organizations} 个党组织、${people} 份人员档案），本次未重复写入。`,
  holidayData: (to) => `注意：节假日数据只到${to}年，此后的公示工作日按周一至周五估算。`,
  sections: {
    tree: "一、组织架构与人员",
    findings: "二、组织检查",
    agenda: (months, from, to) => `三、今后${months}个月的工作日程（${from}至${to}，已逾期事项排在最前）`,
    flags: "四、需要支部研究决定的事项",
    meetings: "五、按规则应开展的会议和活动",
    year: (year) => `六、${year} 年度工作情况（reportService.annualSummary）`,
    next: "七、接下来可以试试"
  },
  kinds: { committee: "党委", generalBranch: "党总支", branch: "党支部", jointBranch: "联合党支部", partyGroup: "党小组" },
  stages: { full: "正式党员", probationary: "预备党员", candidate: "发展对象", activist: "入党积极分子", applicant: "入党申请人" },
  groups: (n) => `党小组 ${n} 个`,
  secretary: "书记",
  term: (from, to) => `任期${from}至${to}`,
  none: "无",
  more: (n) => `……另有 ${n} 项（--limit 0 显示全部）`,
  severity: { violation: "违规", warning: "警告", reminder: "提醒", flag: "待决定" },
  overdue: (severity) => `已逾期（${severity}）`,
  due: "截止",
  from: "可开始",
  flagsNote: "以下只是提示，是否有正当理由、是否停止党籍，均由支部研究决定。",
  cadence: (cadence, firm) => (firm === "default" ? `一般${zhPeriods[cadence]}1次` : firm === "hard" ? `${zhPeriods[cadence]}至少1次` : `${zhPeriods[cadence]}1次`),
  heldBy: { committee: "由支委会召开", partyGroup: "各党小组分别召开" },
  bySecretary: "由支部书记讲授",
  quarter: (q) => `一般安排在第${zhNumbers[q]}季度`,
  studyHours: (hours, counted) => `每次${hours}学时${counted ? "" : "（不计入年度学时）"}`,
  appliesTo: (n, of) => `适用于 ${of} 个支部中的 ${n} 个`,
  appliesToNone: "目前没有支部适用",
  unsure: "依据待核实",
  cite: (ruleId, source) => `（规则 ${ruleId}，${source}）`,
  yearLine: (f) =>
    `党支部 ${f.branches} 个，党员 ${f.members.toLocaleString("en-US")} 名（正式党员 ${f.full.toLocaleString("en-US")}，预备党员 ${f.probationary}）；` +
    `年内发展党员 ${f.developed} 名，换届 ${f.held} 个，书记调整 ${f.changed} 人，民主评议 ${f.evaluated.toLocaleString("en-US")} 人次。`,
  tag: (text) => `【${text}】`,
  paren: (text) => `（${text}）`,
  colon: "：",
  clauses: "；",
  parts: "，",
  nextSteps: (since) => [
    "zhibu report --format html -o report.html      # 年度工作情况（可打印）",
    "zhibu check                                    # 合规检查：有缺项时退出码为 1",
    "zhibu check --role viewer                      # 县级查看者：只看汇总数字",
    "zhibu plan --org b01 -o b01.ics                # 支部年度计划，导入手机日历",
    "zhibu export --format xlsx -o ledgers.xlsx     # 全部台账",
    `zhibu remind --since ${since}                # 上次运行以来的提醒（JSON lines）`,
    "zhibu template roster -o 名册模板.xlsx          # 空白导入模板；填好后 zhibu import roster 名册.xlsx"
  ]
}

const en: Labels = {
  title: "zhibu demo: a county education work committee and its school party branches (generated by @zhibu/testing; all names are fictional)",
  database: (url, tenant) => `Database: ${url}, tenant ${tenant}`,
  today: (day) => `Today: ${day} (China time)`,
  profile: (name, id) => `Rule profile: ${name} (${id})`,
  localDocument: (document, from, inForce) => `Local rules 《${document}》 in force from ${from}${inForce ? "" : "; not yet in force today, so the national baseline applies"}`,
  seeded: (organizations, people, yearRecords, year, seed) =>
    `Demo county written (seed ${seed}, year ${year}): ${organizations} organizations, ${people} member files, and ${yearRecords} dues, study, evaluation and election records.`,
  alreadySeeded: (organizations, people, year, seed) =>
    `The database already holds the demo county (seed ${seed}, year ${year}: ${organizations} organizations, ${people} member files); nothing was written again.`,
  holidayData: (to) => `Note: public-holiday data ends in ${to}; later posting periods count Monday to Friday as working days.`,
  sections: {
    tree: "1. Organizations and people",
    findings: "2. Organization checks",
    agenda: (months, from, to) => `3. Agenda for the next ${months} months (${from} to ${to}; overdue items first)`,
    flags: "4. Matters for the branch to decide",
    meetings: "5. Meetings and activities the rules ask for",
    year: (year) => `6. The year ${year} (reportService.annualSummary)`,
    next: "7. Try next"
  },
  kinds: { committee: "committee", generalBranch: "general branch", branch: "branch", jointBranch: "joint branch", partyGroup: "party group" },
  stages: { full: "full members", probationary: "probationary", candidate: "candidates", activist: "activists", applicant: "applicants" },
  groups: (n) => `${n} party groups`,
  secretary: "secretary",
  term: (from, to) => `term ${from} to ${to}`,
  none: "none",
  more: (n) => `… ${n} more (--limit 0 shows all)`,
  severity: { violation: "violation", warning: "warning", reminder: "reminder", flag: "to decide" },
  overdue: (severity) => `OVERDUE (${severity})`,
  due: "due",
  from: "opens",
  flagsNote: "These are prompts only: whether there is a legitimate reason, and whether to suspend, is for the branch to decide.",
  cadence: (cadence, firm) => (firm === "default" ? `as a rule ${enPeriods[cadence]}` : firm === "hard" ? `at least ${enPeriods[cadence]}` : enPeriods[cadence]),
  heldBy: { committee: "held by the branch committee", partyGroup: "held by each party group" },
  bySecretary: "given by the branch secretary",
  quarter: (q) => `by default in Q${q}`,
  studyHours: (hours, counted) => `${hours} class hour${hours === 1 ? "" : "s"} each${counted ? "" : " (not counted in the yearly hours)"}`,
  appliesTo: (n, of) => `applies to ${n} of ${of} branches`,
  appliesToNone: "no branch needs it yet",
  unsure: "basis unconfirmed",
  cite: (ruleId, source) => `(rule ${ruleId}, ${source})`,
  yearLine: (f) =>
    `${f.branches} branches, ${f.members.toLocaleString("en-US")} party members (${f.full.toLocaleString("en-US")} full, ${f.probationary} probationary); ` +
    `${f.developed} newly developed, ${f.held} elections held, ${f.changed} secretaries changed, ${f.evaluated.toLocaleString("en-US")} members evaluated.`,
  tag: (text) => `[${text}] `,
  paren: (text) => ` (${text})`,
  colon: ": ",
  clauses: "; ",
  parts: ", ",
  nextSteps: (since) => [
    "zhibu report --format html -o report.html      # the annual summary, printable",
    "zhibu check                                    # compliance: exit status 1 when there are gaps",
    "zhibu check --role viewer                      # as a county viewer: aggregates only",
    "zhibu plan --org b01 -o b01.ics                # a branch's year plan for a phone calendar",
    "zhibu export --format xlsx -o ledgers.xlsx     # every ledger",
    `zhibu remind --since ${since}                # reminders since the last run, as JSON lines`,
    "zhibu template roster -o roster.xlsx           # an empty import template; then zhibu import roster FILE"
  ]
}

export const labels: Readonly<Record<Lang, Labels>> = { zh, en }
