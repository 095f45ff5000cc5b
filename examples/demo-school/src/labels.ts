import type { Locale, MemberStage, OrganizationKind, Severity } from "@zhibu/core"
import type { Cadence, MeetingBody } from "@zhibu/core/rules"

/** Every fixed text of the report, in Chinese and English. */
export interface Labels {
  readonly title: string
  readonly database: (file: string) => string
  readonly today: (day: string) => string
  readonly profile: (name: string, id: string) => string
  readonly localDocument: (document: string, from: string, inForce: boolean) => string
  readonly seeded: (people: number, organizations: number) => string
  readonly alreadySeeded: string
  readonly holidayData: (to: number) => string
  readonly sections: {
    readonly tree: string
    readonly findings: string
    readonly agenda: (months: number, from: string, to: string) => string
    readonly flags: string
    readonly meetings: string
    readonly audit: string
  }
  readonly kinds: Readonly<Record<OrganizationKind, string>>
  readonly stages: Readonly<Record<MemberStage, string>>
  readonly secretary: string
  readonly committee: string
  readonly term: (from: string, to: string) => string
  readonly none: string
  readonly severity: Readonly<Record<Severity, string>>
  readonly overdue: (severity: string) => string
  readonly due: string
  readonly from: string
  readonly flagsNote: string
  readonly cadence: (cadence: Cadence, firm: "default" | "hard" | "set") => string
  /** Who holds a meeting, when it is not the whole branch. */
  readonly heldBy: Readonly<Record<Exclude<MeetingBody, "branch">, string>>
  readonly bySecretary: string
  readonly quarter: (q: number) => string
  readonly studyHours: (hours: number, counted: boolean) => string
  readonly appliesTo: (names: ReadonlyArray<string>) => string
  readonly appliesToNone: string
  readonly unsure: string
  readonly cite: (ruleId: string, source: string) => string
  readonly auditLine: (total: number, thisRun: number) => string
  readonly list: (items: ReadonlyArray<string>) => string
  /** Punctuation: a tag in brackets, a note in parentheses, a label's colon, and clause separators. */
  readonly tag: (text: string) => string
  readonly paren: (text: string) => string
  readonly colon: string
  readonly clauses: string
  readonly parts: string
}

const zhPeriods: Readonly<Record<Cadence, string>> = {
  weekly: "每周",
  monthly: "每月",
  quarterly: "每季度",
  halfYearly: "每半年",
  semester: "每学期",
  yearly: "每年"
}
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
  title: "zhibu 支部工作演示：县委教育工委及所属学校党支部（嵌入式 SQLite，演示数据均为虚构）",
  database: (file) => `数据库文件：${file}`,
  today: (day) => `今天：${day}（中国时间）`,
  profile: (name, id) => `规则配置：${name}（${id}）`,
  localDocument: (document, from, inForce) => `本地制度《${document}》自${from}起施行${inForce ? "" : "，今天尚未施行，仍按全国基线"}`,
  seeded: (people, organizations) => `已通过服务接口写入演示数据：${organizations}个党组织、${people}名人员。`,
  alreadySeeded: "数据库中已有演示数据，本次不重复写入，直接出报告。",
  holidayData: (to) => `注意：节假日数据只到${to}年，此后的公示工作日按周一至周五估算。`,
  sections: {
    tree: "一、组织架构与人员",
    findings: "二、组织检查",
    agenda: (months, from, to) => `三、今后${months}个月的工作日程（${from}至${to}，已逾期事项排在最前）`,
    flags: "四、需要支部研究决定的事项",
    meetings: "五、按规则应开展的会议和活动",
    audit: "六、审计日志"
  },
  kinds: { committee: "党委", generalBranch: "党总支", branch: "党支部", jointBranch: "联合党支部", partyGroup: "党小组" },
  stages: { full: "正式党员", probationary: "预备党员", candidate: "发展对象", activist: "入党积极分子", applicant: "入党申请人" },
  secretary: "书记",
  committee: "支委",
  term: (from, to) => `任期${from}至${to}`,
  none: "无",
  severity: { violation: "违规", warning: "警告", reminder: "提醒", flag: "待决定" },
  overdue: (severity) => `已逾期（${severity}）`,
  due: "截止",
  from: "可开始",
  flagsNote: "以下只是提示，是否有正当理由、是否停止党籍，均由支部研究决定；党费情况取自支部的党费记录（演示数据）。",
  cadence: (cadence, firm) =>
    firm === "default" ? `一般${zhPeriods[cadence]}1次` : firm === "hard" ? `${zhPeriods[cadence]}至少1次` : `${zhPeriods[cadence]}1次`,
  heldBy: { committee: "由支委会召开", partyGroup: "各党小组分别召开" },
  bySecretary: "由支部书记讲授",
  quarter: (q) => `一般安排在第${zhNumbers[q]}季度`,
  studyHours: (hours, counted) => `每次${hours}学时${counted ? "" : "（不计入年度学时）"}`,
  appliesTo: (names) => `适用于${names.join("、")}`,
  appliesToNone: "目前没有支部适用",
  unsure: "依据待核实",
  cite: (ruleId, source) => `（规则 ${ruleId}，${source}）`,
  auditLine: (total, thisRun) => `审计日志共${total}条，本次运行写入${thisRun}条；每次写入都记录了操作人、时间和前后内容。`,
  list: (items) => items.join("、"),
  tag: (text) => `【${text}】`,
  paren: (text) => `（${text}）`,
  colon: "：",
  clauses: "；",
  parts: "，"
}

const en: Labels = {
  title: "zhibu demo: a county education work committee and its school party branches (embedded SQLite, fictional data)",
  database: (file) => `Database file: ${file}`,
  today: (day) => `Today: ${day} (China time)`,
  profile: (name, id) => `Rule profile: ${name} (${id})`,
  localDocument: (document, from, inForce) =>
    `Local rules 《${document}》 in force from ${from}${inForce ? "" : "; not yet in force today, so the national baseline applies"}`,
  seeded: (people, organizations) => `Demo data written through the services: ${organizations} organizations, ${people} people.`,
  alreadySeeded: "The database already holds the demo data; nothing was written again, here is the report.",
  holidayData: (to) => `Note: public-holiday data ends in ${to}; later posting periods count Monday to Friday as working days.`,
  sections: {
    tree: "1. Organizations and people",
    findings: "2. Organization checks",
    agenda: (months, from, to) => `3. Agenda for the next ${months} months (${from} to ${to}; overdue items first)`,
    flags: "4. Matters for the branch to decide",
    meetings: "5. Meetings and activities the rules ask for",
    audit: "6. Audit log"
  },
  kinds: { committee: "committee", generalBranch: "general branch", branch: "branch", jointBranch: "joint branch", partyGroup: "party group" },
  stages: { full: "full members", probationary: "probationary", candidate: "candidates", activist: "activists", applicant: "applicants" },
  secretary: "secretary",
  committee: "committee",
  term: (from, to) => `term ${from} to ${to}`,
  none: "none",
  severity: { violation: "violation", warning: "warning", reminder: "reminder", flag: "to decide" },
  overdue: (severity) => `OVERDUE (${severity})`,
  due: "due",
  from: "opens",
  flagsNote:
    "These are prompts only: whether there is a legitimate reason, and whether to suspend, is for the branch to decide. Dues come from the branch's dues book (demo data).",
  cadence: (cadence, firm) =>
    firm === "default" ? `as a rule ${enPeriods[cadence]}` : firm === "hard" ? `at least ${enPeriods[cadence]}` : enPeriods[cadence],
  heldBy: { committee: "held by the branch committee", partyGroup: "held by each party group" },
  bySecretary: "given by the branch secretary",
  quarter: (q) => `by default in Q${q}`,
  studyHours: (hours, counted) => `${hours} class hour${hours === 1 ? "" : "s"} each${counted ? "" : " (not counted in the yearly hours)"}`,
  appliesTo: (names) => `applies to ${names.join(", ")}`,
  appliesToNone: "no branch needs it yet",
  unsure: "basis unconfirmed",
  cite: (ruleId, source) => `(rule ${ruleId}, ${source})`,
  auditLine: (total, thisRun) => `${total} audit entries, ${thisRun} written by this run; each records who, when, and the record before and after.`,
  list: (items) => items.join(", "),
  tag: (text) => `[${text}] `,
  paren: (text) => ` (${text})`,
  colon: ": ",
  clauses: "; ",
  parts: ", "
}

export const labels: Readonly<Record<Locale, Labels>> = { zh, en }
