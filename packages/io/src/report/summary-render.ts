import type { Locale } from "@zhibu/core"
import { type AnnualSummary, type SummaryDocument, summaryDocument } from "./summary-model.js"

/** How a summary is written. */
export interface SummaryOptions {
  /** Chinese (the default) or English. */
  readonly locale?: Locale
}

const cellMd = (s: string): string => s.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replaceAll("\n", " ")

const markdownOf = (doc: SummaryDocument, locale: Locale): string => {
  const out: Array<string> = [`# ${doc.title[locale]}`, "", locale === "zh" ? `统计日期：${doc.asOf}` : `As of ${doc.asOf}`, ""]
  for (const section of doc.sections) {
    out.push(`## ${section.title[locale]}`, "")
    if (section.lines !== undefined) {
      out.push(locale === "zh" ? "| 项目 | 数量 |" : "| item | value |", "|---|---:|")
      for (const [label, value] of section.lines) out.push(`| ${cellMd(label[locale])} | ${cellMd(value)} |`)
      out.push("")
    }
    if (section.table !== undefined) {
      out.push(`| ${section.table.header.map((h) => cellMd(h[locale])).join(" | ")} |`, `|${section.table.header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`)
      for (const row of section.table.rows) out.push(`| ${row.map(cellMd).join(" | ")} |`)
      out.push("")
    }
    if (section.note !== undefined) out.push(`> ${section.note[locale]}`, "")
  }
  return out.join("\n")
}

/**
 * 年度工作情况（Markdown）— the annual summary of `reportService.annualSummary` as a Markdown
 * document: a heading per section, tables of counts and sums, the rule behind each compliance figure.
 */
export const annualSummaryMarkdown = (summary: AnnualSummary, options: SummaryOptions = {}): string => markdownOf(summaryDocument(summary), options.locale ?? "zh")

const escapeHtml = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;")

const PRINT_CSS = `
body{font-family:"Noto Serif CJK SC","Songti SC","SimSun",serif;margin:2cm;color:#000}
h1{font-size:20pt;text-align:center;margin-bottom:4pt}
.as-of{text-align:center;margin-top:0}
h2{font-size:14pt;border-bottom:1px solid #000;margin-top:18pt}
table{border-collapse:collapse;width:100%;margin:6pt 0;page-break-inside:auto}
tr{page-break-inside:avoid}
th,td{border:1px solid #000;padding:3pt 6pt;font-size:10.5pt}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{font-size:9pt;color:#333}
@page{size:A4;margin:2cm}
@media print{body{margin:0}}
`.trim()

/**
 * 年度工作情况（打印版 HTML）— the annual summary as one self-contained HTML page laid out for A4
 * printing (no script, no external resource; every text escaped).
 */
export const annualSummaryHtml = (summary: AnnualSummary, options: SummaryOptions = {}): string => {
  const locale = options.locale ?? "zh"
  const doc = summaryDocument(summary)
  const out: Array<string> = [
    "<!DOCTYPE html>",
    `<html lang="${locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title[locale])}</title><style>${PRINT_CSS}</style></head><body>`,
    `<h1>${escapeHtml(doc.title[locale])}</h1>`,
    `<p class="as-of">${escapeHtml(locale === "zh" ? `统计日期：${doc.asOf}` : `As of ${doc.asOf}`)}</p>`
  ]
  for (const section of doc.sections) {
    out.push(`<section><h2>${escapeHtml(section.title[locale])}</h2>`)
    if (section.lines !== undefined) {
      out.push("<table><tbody>")
      for (const [label, value] of section.lines) out.push(`<tr><th scope="row">${escapeHtml(label[locale])}</th><td class="n">${escapeHtml(value)}</td></tr>`)
      out.push("</tbody></table>")
    }
    if (section.table !== undefined) {
      out.push(`<table><thead><tr>${section.table.header.map((h) => `<th>${escapeHtml(h[locale])}</th>`).join("")}</tr></thead><tbody>`)
      for (const row of section.table.rows) out.push(`<tr>${row.map((c, i) => `<td${i === 0 ? "" : ' class="n"'}>${escapeHtml(c)}</td>`).join("")}</tr>`)
      out.push("</tbody></table>")
    }
    if (section.note !== undefined) out.push(`<p class="note">${escapeHtml(section.note[locale])}</p>`)
    out.push("</section>")
  }
  out.push("</body></html>")
  return out.join("\n")
}
