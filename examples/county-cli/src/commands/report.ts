import { writeFileSync } from "node:fs"
import { reportService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { ExitCode, t } from "../options.js"
import { annualSummaryDoc, countyViewDoc } from "../render/annual.js"
import { toHtml, toMarkdown } from "../render/document.js"
import type { Session } from "../session.js"

export interface ReportOptions {
  readonly year?: number
  readonly format: "md" | "html" | "json"
  readonly out?: string
}

/** The year reported when `--year` is not given: the last complete year (counties collect it in January). */
export const defaultReportYear = (today: string): number => Number(today.slice(0, 4)) - 1

/**
 * `zhibu report` — the annual summary of the subtree: the organizer reads
 * `reportService.annualSummary` (exact), the county viewer `reportService.countyView` (small counts
 * suppressed); rendered here as Markdown or printable HTML (or the service's JSON).
 */
export const reportCommand = (options: ReportOptions) => (session: Session) =>
  Effect.gen(function* () {
    const year = options.year ?? defaultReportYear(session.today)
    const organizationId = session.organization.id
    const viewer = session.options.role === "viewer"
    const [result, doc] = viewer
      ? yield* Effect.map(reportService.countyView(session.ctx, { organizationId, year }), (v) => [v, countyViewDoc(v, session.lang)] as const)
      : yield* Effect.map(reportService.annualSummary(session.ctx, { organizationId, year }), (s) => [s, annualSummaryDoc(s, session.lang)] as const)
    const text = options.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : options.format === "html" ? toHtml(doc) : toMarkdown(doc)
    if (options.out === undefined || options.out === "-") {
      process.stdout.write(text)
    } else {
      writeFileSync(options.out, text)
      process.stderr.write(t(session.lang, `年度工作情况已写入 ${options.out}\n`, `annual summary written to ${options.out}\n`))
    }
    return ExitCode.ok
  })
