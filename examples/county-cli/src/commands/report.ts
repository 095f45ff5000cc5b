import { writeFileSync } from "node:fs"
import { reportService } from "@zhibu/core"
import { annualSummaryHtml, annualSummaryMarkdown } from "@zhibu/io"
import * as Effect from "effect/Effect"
import { ExitCode, t } from "../options.js"
import { countyViewDoc } from "../render/annual.js"
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
 * `zhibu report` — the annual summary of the subtree. The organizer reads
 * `reportService.annualSummary` (exact), written by @zhibu/io's `annualSummaryMarkdown` /
 * `annualSummaryHtml`; the county viewer reads `reportService.countyView` (small counts of people
 * suppressed), which @zhibu/io does not render, so this command writes it (`render/annual.ts`).
 * `--format json` prints the service's result.
 */
export const reportCommand = (options: ReportOptions) => (session: Session) =>
  Effect.gen(function* () {
    const year = options.year ?? defaultReportYear(session.today)
    const organizationId = session.organization.id
    const viewer = session.options.role === "viewer"
    const locale = session.lang
    let text: string
    if (viewer) {
      // @zhibu/io renders the annual summary, not the county view: the county view is rendered here.
      const view = yield* reportService.countyView(session.ctx, { organizationId, year })
      const doc = countyViewDoc(view, locale)
      text = options.format === "json" ? `${JSON.stringify(view, null, 2)}\n` : options.format === "html" ? toHtml(doc) : toMarkdown(doc)
    } else {
      const summary = yield* reportService.annualSummary(session.ctx, { organizationId, year })
      text =
        options.format === "json"
          ? `${JSON.stringify(summary, null, 2)}\n`
          : options.format === "html"
            ? annualSummaryHtml(summary, { locale })
            : `${annualSummaryMarkdown(summary, { locale }).trimEnd()}\n`
    }
    if (options.out === undefined || options.out === "-") {
      process.stdout.write(text)
    } else {
      writeFileSync(options.out, text)
      process.stderr.write(t(session.lang, `年度工作情况已写入 ${options.out}\n`, `annual summary written to ${options.out}\n`))
    }
    return ExitCode.ok
  })
