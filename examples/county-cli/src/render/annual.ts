import type { AnnualSummary, CountyView, Fen } from "@zhibu/core"
import { formatYuan } from "@zhibu/core"
import { citeSource } from "@zhibu/core/rules"
import type { Lang } from "../options.js"
import type { Doc, Section } from "./document.js"

/** A published figure: a number, or the text that stands for a suppressed one ("<5"), or absent. */
type Cell = number | string | undefined
/** The figures of one organization, by path (`members.active.full`). */
type Cells = (path: string) => Cell

/** Published cells of a county view row: exact numbers, "<N" for a small count, the withheld mark. */
const publishedCells = (cells: CountyView["annual"][number]["subtree"]): Cells => (path) => {
  const cell = cells[path]
  if (cell === undefined) return undefined
  return cell.kind === "exact" ? cell.value : cell.text
}

const int = (n: number): string => n.toLocaleString("en-US")
const show = (c: Cell): string => (c === undefined ? "—" : typeof c === "number" ? int(c) : c)
/** The sum of cells, when each is a number; "—" when a part is suppressed or unpublished. */
const sum = (...cells: ReadonlyArray<Cell>): Cell => (cells.every((c) => typeof c === "number") ? (cells as ReadonlyArray<number>).reduce((a, b) => a + b, 0) : undefined)
/** 元 with two decimals and thousands separators: 1,953,246.97. */
const yuanOf = (c: Cell): string => {
  if (typeof c !== "number") return show(c)
  const [whole, cents] = formatYuan(c as Fen).split(".")
  return `${Number(whole).toLocaleString("en-US")}.${cents}`
}
const hours = (c: Cell): string => (typeof c === "number" ? (c / 10).toFixed(1) : show(c))
const percent = (part: Cell, whole: Cell): string =>
  typeof part === "number" && typeof whole === "number" ? (whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`) : "—"

const quarters = ["Q1", "Q2", "Q3", "Q4"] as const

const L = {
  zh: {
    title: (year: number, name: string) => `${year} 年度党建工作情况 — ${name}`,
    asOf: (asOf: string, exact: boolean) =>
      exact ? `统计截至 ${asOf}；按当年组织架构逐级汇总，上级数字等于下级之和。` : `统计截至 ${asOf}；县级视图：涉及人数的数字小于阈值时显示为“<N”，并相应隐去可推算的数字。`,
    source: (exact: boolean) =>
      exact ? "数据来源：reportService.annualSummary（精确数字，需 organization.read 权限）" : "数据来源：reportService.countyView（仅汇总数字，需 report.aggregate 权限）",
    overview: "一、基本情况",
    item: "项目",
    value: "数量",
    organizations: { committee: "党委（工委）", generalBranch: "党总支", branch: "党支部", jointBranch: "联合党支部", partyGroup: "党小组" },
    partyMembers: "党员（正式 + 预备）",
    full: "正式党员",
    probationary: "预备党员",
    candidate: "发展对象",
    activist: "入党积极分子",
    applicant: "入党申请人",
    newlyDeveloped: "年内发展党员",
    converted: "年内预备党员转正",
    elections: "换届（已换届 / 应换届）",
    secretaries: "书记调整",
    dues: "二、党费收缴（元）",
    quarter: "季度",
    due: "应交",
    paid: "已交（按所属月份）",
    collected: "实收（按缴纳日期）",
    total: "合计",
    study: "三、党员学习（学时）",
    studyLine: (onRoll: string, met: string, behind: string, excused: string) => `在册党员 ${onRoll} 人：达标 ${met} 人，未达标 ${behind} 人，免于考核 ${excused} 人。`,
    credited: (c: string, target: string) => `累计学时 ${c}，应学学时 ${target}。`,
    compliance: "四、组织生活",
    meeting: "会议",
    judged: "应开期数",
    met: "达标",
    gap: "缺",
    open: "进行中",
    rate: "合规率",
    basis: "依据",
    evaluation: "五、民主评议党员",
    grades: ["优秀", "合格", "基本合格", "不合格"],
    rectification: "六、整改事项",
    raised: "年内提出",
    closed: "年内完成",
    stillOpen: "尚未完成",
    units: "七、各单位情况",
    unit: "单位",
    members: "党员",
    developed: "发展",
    electionsShort: "换届",
    secretariesShort: "书记调整",
    duesShort: "党费实收（元）",
    studyShort: "学时达标",
    complianceShort: "组织生活合规率",
    suppressed: (n: number) => `“<${n}”表示人数少于 ${n}；“—”表示该数字不公布或无法由公布的数字得出。`
  },
  en: {
    title: (year: number, name: string) => `Annual summary ${year} — ${name}`,
    asOf: (asOf: string, exact: boolean) =>
      exact
        ? `As of ${asOf}; rolled up on the year's tree, every total the sum of its parts.`
        : `As of ${asOf}; county view: a count of people below the threshold shows as "<N", and figures that would reveal it are withheld.`,
    source: (exact: boolean) =>
      exact ? "From reportService.annualSummary (exact figures, needs organization.read)" : "From reportService.countyView (aggregates only, needs report.aggregate)",
    overview: "1. Overview",
    item: "Item",
    value: "Count",
    organizations: { committee: "Committees", generalBranch: "General branches", branch: "Branches", jointBranch: "Joint branches", partyGroup: "Party groups" },
    partyMembers: "Party members (full + probationary)",
    full: "Full members",
    probationary: "Probationary members",
    candidate: "Candidates",
    activist: "Activists",
    applicant: "Applicants",
    newlyDeveloped: "Newly developed in the year",
    converted: "Converted in the year",
    elections: "Elections (held / due)",
    secretaries: "Secretaries changed",
    dues: "2. Dues (yuan)",
    quarter: "Quarter",
    due: "Due",
    paid: "Paid (by month due)",
    collected: "Collected (by payment date)",
    total: "Total",
    study: "3. Study (hours)",
    studyLine: (onRoll: string, met: string, behind: string, excused: string) => `${onRoll} members on the roll: ${met} met the target, ${behind} behind, ${excused} excused.`,
    credited: (c: string, target: string) => `${c} hours credited against a target of ${target}.`,
    compliance: "4. Organizational life",
    meeting: "Meeting",
    judged: "Periods judged",
    met: "Met",
    gap: "Gap",
    open: "Open",
    rate: "Rate",
    basis: "Basis",
    evaluation: "5. Democratic evaluation",
    grades: ["Excellent", "Qualified", "Basically qualified", "Unqualified"],
    rectification: "6. Rectification",
    raised: "Raised in the year",
    closed: "Closed in the year",
    stillOpen: "Still open",
    units: "7. By organization",
    unit: "Organization",
    members: "Members",
    developed: "Developed",
    electionsShort: "Elections",
    secretariesShort: "Secretaries changed",
    duesShort: "Dues collected (yuan)",
    studyShort: "Study target met",
    complianceShort: "Meeting compliance",
    suppressed: (n: number) => `"<${n}" is a count of fewer than ${n} people; "—" is a figure not published or not derivable from published ones.`
  }
} as const

interface Row {
  readonly organizationId: string
  readonly name: string
  readonly depth: number
  readonly cells: Cells
}

interface Input {
  readonly lang: Lang
  readonly exact: boolean
  readonly year: number
  readonly asOf: string
  readonly rows: ReadonlyArray<Row>
  readonly obligations: AnnualSummary["obligations"]
  readonly threshold?: number
}

const partyMembers = (c: Cells): Cell => sum(c("members.active.full"), c("members.active.probationary"))
/** Party members, or "12 + <5" (full + probationary) when a part is suppressed. */
const showMembers = (c: Cells): string => {
  const total = partyMembers(c)
  return total !== undefined ? show(total) : `${show(c("members.active.full"))} + ${show(c("members.active.probationary"))}`
}
const collected = (c: Cells): Cell => sum(...quarters.map((q) => c(`dues.${q}.collected`)))
const judgedOf = (c: Cells, key: string): Cell => sum(c(`compliance.${key}.met`), c(`compliance.${key}.gap`))

const build = (input: Input): Doc => {
  const l = L[input.lang]
  const root = input.rows[0]!
  const c = root.cells
  const overview: Section = {
    title: l.overview,
    table: {
      headers: [l.item, l.value],
      numeric: [1],
      rows: [
        ...(["committee", "generalBranch", "branch", "jointBranch", "partyGroup"] as const).map((k) => [l.organizations[k], show(c(`organizations.${k}`))]),
        [l.partyMembers, showMembers(c)],
        [l.full, show(c("members.active.full"))],
        [l.probationary, show(c("members.active.probationary"))],
        [l.candidate, show(c("members.active.candidate"))],
        [l.activist, show(c("members.active.activist"))],
        [l.applicant, show(c("members.active.applicant"))],
        [l.newlyDeveloped, show(c("newlyDeveloped"))],
        [l.converted, show(c("converted"))],
        [l.elections, `${show(c("elections.held"))} / ${show(c("elections.due"))}`],
        [l.secretaries, show(c("secretariesChanged"))]
      ]
    }
  }
  const dues: Section = {
    title: l.dues,
    table: {
      headers: [l.quarter, l.due, l.paid, l.collected],
      numeric: [1, 2, 3],
      rows: [
        ...quarters.map((q) => [q, yuanOf(c(`dues.${q}.due`)), yuanOf(c(`dues.${q}.paid`)), yuanOf(c(`dues.${q}.collected`))]),
        [
          l.total,
          yuanOf(sum(...quarters.map((q) => c(`dues.${q}.due`)))),
          yuanOf(sum(...quarters.map((q) => c(`dues.${q}.paid`)))),
          yuanOf(collected(c))
        ]
      ]
    }
  }
  const met = c("study.met")
  const behind = c("study.behind")
  const excused = c("study.excused")
  const study: Section = {
    title: l.study,
    paragraphs: [
      l.studyLine(show(c("study.onRoll") ?? sum(met, behind, excused)), show(met), show(behind), show(excused)),
      l.credited(hours(c("study.creditedTenths")), hours(c("study.targetTenths")))
    ]
  }
  // In the order the rules list them (the summary keeps it).
  const keys = Object.keys(input.obligations)
  const compliance: Section = {
    title: l.compliance,
    table: {
      headers: [l.meeting, l.judged, l.met, l.gap, l.open, l.rate, l.basis],
      numeric: [1, 2, 3, 4, 5],
      rows: keys.map((key) => {
        const o = input.obligations[key]!
        const judged = judgedOf(c, key)
        return [o.name[input.lang], show(judged), show(c(`compliance.${key}.met`)), show(c(`compliance.${key}.gap`)), show(c(`compliance.${key}.open`)), percent(c(`compliance.${key}.met`), judged), `${o.ruleId}，${citeSource(o.source)}`]
      })
    }
  }
  const evaluation: Section = {
    title: l.evaluation,
    table: {
      headers: [...l.grades],
      numeric: [0, 1, 2, 3],
      rows: [["excellent", "qualified", "basicallyQualified", "unqualified"].map((g) => show(c(`evaluation.${g}`)))]
    }
  }
  const rectification: Section = {
    title: l.rectification,
    table: { headers: [l.raised, l.closed, l.stillOpen], numeric: [0, 1, 2], rows: [[show(c("rectification.raised")), show(c("rectification.closed")), show(c("rectification.open"))]] }
  }
  const units = input.rows.filter((r) => r.depth === 1)
  // The share meeting the target, or (a part suppressed) the number who met it.
  const studyMet = (cells: Cells): string => {
    const whole = sum(cells("study.met"), cells("study.behind"), cells("study.excused"))
    return whole !== undefined ? percent(cells("study.met"), whole) : show(cells("study.met"))
  }
  const unitRate = (cells: Cells): string => {
    const metAll = sum(...keys.map((k) => cells(`compliance.${k}.met`)))
    const judgedAll = sum(...keys.map((k) => judgedOf(cells, k)))
    return percent(metAll, judgedAll)
  }
  const byUnit: Section = {
    title: l.units,
    table: {
      headers: [l.unit, l.members, l.developed, l.electionsShort, l.secretariesShort, l.duesShort, l.studyShort, l.complianceShort],
      numeric: [1, 2, 4, 5, 6, 7],
      rows: units.map((u) => [
        u.name,
        showMembers(u.cells),
        show(u.cells("newlyDeveloped")),
        `${show(u.cells("elections.held"))} / ${show(u.cells("elections.due"))}`,
        show(u.cells("secretariesChanged")),
        yuanOf(collected(u.cells)),
        studyMet(u.cells),
        unitRate(u.cells)
      ])
    },
    ...(input.threshold === undefined ? {} : { notes: [l.suppressed(input.threshold)] })
  }
  return {
    lang: input.lang,
    title: l.title(input.year, root.name),
    subtitle: [l.asOf(input.asOf, input.exact), l.source(input.exact)],
    sections: [overview, dues, study, compliance, evaluation, rectification, ...(units.length > 0 ? [byUnit] : [])]
  }
}

/** The county viewer's report: the county view, small counts of people suppressed. */
export const countyViewDoc = (view: CountyView, lang: Lang): Doc =>
  build({
    lang,
    exact: false,
    year: view.year,
    asOf: view.asOf,
    obligations: view.obligations,
    threshold: view.threshold,
    rows: view.annual.map((r) => ({ organizationId: r.organizationId, name: r.name, depth: r.depth, cells: publishedCells(r.subtree) }))
  })
