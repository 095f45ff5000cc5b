import type { Message, reportService } from "@zhibu/core"
import { memberStageNames, memberStatusNames } from "@zhibu/core/rules"
import type * as Effect from "effect/Effect"

/** 年度工作情况 — what `reportService.annualSummary` answers. */
export type AnnualSummary = Effect.Effect.Success<ReturnType<typeof reportService.annualSummary>>

/** One section of the printed summary: a heading and label–value lines, or a table. */
export interface SummarySection {
  readonly title: Message
  readonly lines?: ReadonlyArray<readonly [Message, string]>
  readonly table?: { readonly header: ReadonlyArray<Message>; readonly rows: ReadonlyArray<ReadonlyArray<string>> }
  readonly note?: Message
}

/** The summary as a document: a title, its date, and sections, in one language-neutral model for Markdown and HTML. */
export interface SummaryDocument {
  readonly title: Message
  readonly asOf: string
  readonly sections: ReadonlyArray<SummarySection>
}

const kindNames: Readonly<Record<string, Message>> = {
  committee: { zh: "党委", en: "committees" },
  generalBranch: { zh: "党总支", en: "general branches" },
  branch: { zh: "党支部", en: "branches" },
  jointBranch: { zh: "联合党支部", en: "joint branches" },
  partyGroup: { zh: "党小组", en: "party groups" }
}

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`
const hours = (tenths: number): string => (tenths / 10).toFixed(1)
const percent = (met: number, of: number): string => (of === 0 ? "—" : `${((met / of) * 100).toFixed(1)}%`)
const n = (x: number): string => String(x)
const m = (zh: string, en: string): Message => ({ zh, en })

/**
 * The annual summary as a document: organizations by kind, members by status and stage, newly
 * developed and converted, elections and secretaries changed, dues by quarter, study against target,
 * compliance by meeting kind (with the rule behind each), evaluation grades, rectification, and the
 * figures of each organization of the subtree. Counts and sums only, as the summary holds.
 */
export const summaryDocument = (summary: AnnualSummary): SummaryDocument => {
  const t = summary.totals
  const root = summary.organizations.find((o) => o.depth === 0)
  const rootName = root?.name ?? summary.organizationId
  const obligations = Object.entries(t.compliance).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    title: m(`${rootName} ${summary.year} 年度党建工作情况`, `${rootName}: party-building work in ${summary.year}`),
    asOf: summary.asOf,
    sections: [
      { title: m("党组织", "Organizations"), lines: Object.entries(t.organizations).map(([k, v]) => [kindNames[k] ?? m(k, k), n(v)] as const) },
      {
        title: m("党员", "Members"),
        lines: [
          ...Object.entries(t.members.status).map(([k, v]) => [memberStatusNames[k as keyof typeof memberStatusNames], n(v)] as const),
          ...Object.entries(t.members.active).map(([k, v]) => [{ zh: `在册${memberStageNames[k as keyof typeof memberStageNames].zh}`, en: `active ${memberStageNames[k as keyof typeof memberStageNames].en}` }, n(v)] as const)
        ]
      },
      {
        title: m("发展党员与换届", "Recruitment and elections"),
        lines: [
          [m("新发展党员", "newly developed"), n(t.newlyDeveloped)],
          [m("预备党员转正", "converted"), n(t.converted)],
          [m("应换届", "elections due"), n(t.elections.due)],
          [m("已换届", "elections held"), n(t.elections.held)],
          [m("书记调整", "secretaries changed"), n(t.secretariesChanged)]
        ]
      },
      {
        title: m("党费（元）", "Dues (yuan)"),
        table: {
          header: [m("季度", "quarter"), m("应交", "due"), m("已交", "paid"), m("收缴", "collected")],
          rows: Object.entries(t.dues).map(([q, d]) => [q, yuan(d.due), yuan(d.paid), yuan(d.collected)])
        }
      },
      {
        title: m("学时", "Study hours"),
        lines: [
          [m("在册党员", "members on the roll"), n(t.study.onRoll)],
          [m("达标", "met the target"), n(t.study.met)],
          [m("未达标", "behind"), n(t.study.behind)],
          [m("免于要求", "excused"), n(t.study.excused)],
          [m("累计学时", "hours credited"), hours(t.study.creditedTenths)],
          [m("应达学时", "hours targeted"), hours(t.study.targetTenths)]
        ]
      },
      {
        title: m("组织生活落实情况", "Organizational life"),
        table: {
          header: [m("项目", "obligation"), m("应开", "required"), m("已开", "met"), m("合规率", "rate"), m("缺", "gaps"), m("进行中", "open"), m("规则", "rule")],
          rows: obligations.map(([key, o]) => {
            const rule = summary.obligations[key]
            const name = `${rule?.name.zh ?? key}${key.endsWith("BySecretary") ? "（书记讲）" : ""}`
            return [name, n(o.required), n(o.met), percent(o.met, o.required), n(o.gap), n(o.open), rule?.ruleId ?? ""]
          })
        },
        note: m("合规率 = 已开 ÷ 应开（截至统计日已结束的期间）。", "rate = met ÷ required (periods ended by the report date).")
      },
      {
        title: m("民主评议党员", "Democratic evaluation"),
        lines: [
          [m("参评", "evaluated"), n(t.evaluation.evaluated)],
          [m("优秀", "excellent"), n(t.evaluation.excellent)],
          [m("合格", "qualified"), n(t.evaluation.qualified)],
          [m("基本合格", "basically qualified"), n(t.evaluation.basicallyQualified)],
          [m("不合格", "unqualified"), n(t.evaluation.unqualified)]
        ]
      },
      {
        title: m("整改", "Rectification"),
        lines: [
          [m("本年提出", "raised"), n(t.rectification.raised)],
          [m("本年完成", "closed"), n(t.rectification.closed)],
          [m("未完成", "open"), n(t.rectification.open)]
        ]
      },
      {
        title: m("各党组织", "By organization"),
        table: {
          header: [m("党组织", "organization"), m("党员", "members"), m("新发展", "developed"), m("已换届", "elections"), m("党费收缴（元）", "dues collected"), m("学时达标", "study met"), m("未完成整改", "open items")],
          rows: summary.organizations.map((o) => {
            const s = o.subtree
            // 党员 are the probationary and full members on the roll; applicants to candidates are not yet members.
            const active = s.members.active.probationary + s.members.active.full
            const collected = Object.values(s.dues).reduce((a, d) => a + d.collected, 0)
            return [`${"　".repeat(o.depth)}${o.name}`, n(active), n(s.newlyDeveloped), n(s.elections.held), yuan(collected), `${s.study.met}/${s.study.onRoll}`, n(s.rectification.open)]
          })
        },
        note: m("各行为该组织及其下级的合计。", "Each row is the organization with everything under it.")
      }
    ]
  }
}
