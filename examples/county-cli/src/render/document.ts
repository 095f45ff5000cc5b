/**
 * A small document model — a title, lines under it, and sections of paragraphs and tables — with
 * one renderer to Markdown and one to printable HTML, so both formats always say the same thing.
 */

export interface Table {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  /** Columns aligned right (numbers); the others left. */
  readonly numeric?: ReadonlyArray<number>
}

export interface Section {
  readonly title: string
  readonly paragraphs?: ReadonlyArray<string>
  readonly table?: Table
  /** Small print under the table. */
  readonly notes?: ReadonlyArray<string>
}

export interface Doc {
  readonly lang: "zh" | "en"
  readonly title: string
  readonly subtitle: ReadonlyArray<string>
  readonly sections: ReadonlyArray<Section>
}

const mdCell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")

/** Markdown (GitHub tables): a title, its lines, then each section. */
export const toMarkdown = (doc: Doc): string => {
  const out: Array<string> = [`# ${doc.title}`, "", ...doc.subtitle.flatMap((l) => [l, ""])]
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, "")
    for (const p of s.paragraphs ?? []) out.push(p, "")
    if (s.table !== undefined) {
      const { headers, rows, numeric = [] } = s.table
      out.push(`| ${headers.map(mdCell).join(" | ")} |`)
      out.push(`|${headers.map((_, i) => (numeric.includes(i) ? "---:" : "---")).join("|")}|`)
      for (const r of rows) out.push(`| ${r.map(mdCell).join(" | ")} |`)
      out.push("")
    }
    for (const n of s.notes ?? []) out.push(`> ${n}`, "")
  }
  return `${out.join("\n").trimEnd()}\n`
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const style = `
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; line-height: 1.5; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #b71c1c; padding-bottom: .4rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; color: #b71c1c; }
p.sub { color: #555; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f5f0f0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
p.note { font-size: .85rem; color: #555; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`

/** A standalone, printable HTML page (no script, styles inline): every text escaped. */
export const toHtml = (doc: Doc): string => {
  const out: Array<string> = [
    "<!doctype html>",
    `<html lang="${doc.lang === "zh" ? "zh-CN" : "en"}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${style}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.subtitle.map((l) => `<p class="sub">${escapeHtml(l)}</p>`)
  ]
  for (const s of doc.sections) {
    out.push(`<section>`, `<h2>${escapeHtml(s.title)}</h2>`)
    for (const p of s.paragraphs ?? []) out.push(`<p>${escapeHtml(p)}</p>`)
    if (s.table !== undefined) {
      const { headers, rows, numeric = [] } = s.table
      const cls = (i: number) => (numeric.includes(i) ? ' class="n"' : "")
      out.push("<table>", `<thead><tr>${headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`, "<tbody>")
      for (const r of rows) out.push(`<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join("")}</tr>`)
      out.push("</tbody>", "</table>")
    }
    for (const n of s.notes ?? []) out.push(`<p class="note">${escapeHtml(n)}</p>`)
    out.push("</section>")
  }
  out.push("</body>", "</html>")
  return `${out.join("\n")}\n`
}
