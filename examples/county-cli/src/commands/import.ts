import { readFileSync, writeFileSync } from "node:fs"
import { basename } from "node:path"
import { formatIssue, type ImportFile, type ImportIssue, type ImportOptions, type ImportProgress, type ImportReport, importMeetings, importRoster } from "@zhibu/io"
import { stringify } from "csv-stringify/sync"
import cliProgress from "cli-progress"
import * as Effect from "effect/Effect"
import { ExitCode, type Lang, t, UsageError } from "../options.js"
import type { Session } from "../session.js"

export interface ImportCommandOptions {
  /** `all` (all or nothing, the default) or `valid` (write the good rows, list the others). */
  readonly mode: "all" | "valid"
  /** Where to write the per-row error report: `.csv` (UTF-8 with BOM, opens in Excel) or `.json`. */
  readonly errors?: string
  /** Draw the progress bar even when stderr is not a terminal (a log file, a CI job). */
  readonly progress: boolean
  readonly attendance?: string
  readonly resolutions?: string
}

const fileOf = (path: string): ImportFile => {
  try {
    return { bytes: new Uint8Array(readFileSync(path)), name: basename(path) }
  } catch (e) {
    throw new UsageError(`无法读取文件 ${path} — cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

const phaseNames: Readonly<Record<ImportProgress["phase"], { zh: string; en: string }>> = {
  validating: { zh: "校验", en: "validating" },
  writing: { zh: "写入", en: "writing" },
  done: { zh: "完成", en: "done" }
}

/**
 * A cli-progress bar on stderr, fed by the import's `onProgress`: rows while validating, records
 * while writing. Drawn only on a terminal unless `force` (cli-progress's `noTTYOutput`).
 */
const progressBar = (lang: Lang, force: boolean) => {
  const bar = new cliProgress.SingleBar(
    {
      format: `{phase} [{bar}] {percentage}% | {value}/{total} ${t(lang, "行/条", "rows/records")}`,
      stream: process.stderr,
      noTTYOutput: force,
      notTTYSchedule: 500,
      hideCursor: true,
      clearOnComplete: false
    },
    cliProgress.Presets.shades_classic
  )
  let started = false
  const onProgress = (p: ImportProgress) => {
    const phase = phaseNames[p.phase][lang]
    const [value, total] = p.phase === "writing" ? [p.recordsWritten, p.recordsTotal] : p.phase === "done" ? [p.recordsTotal, p.recordsTotal] : [p.rowsValidated, p.rowsTotal]
    if (!started) {
      bar.start(Math.max(total, 1), value, { phase })
      started = true
    } else {
      bar.setTotal(Math.max(total, 1))
      bar.update(value, { phase })
    }
  }
  return { onProgress, stop: () => (started ? bar.stop() : undefined) }
}

/** The per-row error report as a file a secretary opens in Excel (CSV) or a program reads (JSON). */
const writeErrorReport = (path: string, issues: ReadonlyArray<ImportIssue>): void => {
  if (path.toLowerCase().endsWith(".json")) {
    writeFileSync(path, `${JSON.stringify(issues, null, 2)}\n`)
    return
  }
  const header = ["表 table", "行 row", "列 column", "字段 field", "问题 code", "说明", "message", "规则 rule"]
  const rows = issues.map((i) => [i.table, i.row ?? "", i.column ?? "", i.field ?? "", i.code, i.text.zh, i.text.en, i.ruleId ?? ""])
  writeFileSync(path, stringify([header, ...rows], { bom: true, record_delimiter: "windows" }))
}

const printIssues = (lang: Lang, issues: ReadonlyArray<ImportIssue>): void => {
  for (const issue of issues) process.stderr.write(`  ${formatIssue(issue, lang)}\n`)
}

const summary = (lang: Lang, report: ImportReport): string =>
  report.applied
    ? t(
        lang,
        `已导入：读取 ${report.rows} 行，导入 ${report.imported} 行（写入 ${report.recordsWritten} 条记录），已存在未变 ${report.unchanged} 行，跳过 ${report.skipped} 行。批次 ${report.batchId}`,
        `imported: ${report.rows} rows read, ${report.imported} imported (${report.recordsWritten} records written), ${report.unchanged} already stored, ${report.skipped} skipped. Batch ${report.batchId}`
      )
    : t(
        lang,
        `无需写入：${report.rows} 行均已按原样存储（同一文件已导入过）。批次 ${report.batchId}`,
        `nothing to write: all ${report.rows} rows are already stored as they are (the file was imported before). Batch ${report.batchId}`
      )

/**
 * `zhibu import roster|meetings` — reads the file(s) with @zhibu/io, validates every row through the
 * services (nothing written while validating), and writes in one batch. Exit 0 when every row was
 * good; 1 when rows were refused (all or nothing: nothing written; `--mode valid`: the good rows
 * written), each issue printed with its row and column and, with `--errors`, written to a file.
 */
export const importCommand = (what: "roster" | "meetings", path: string, options: ImportCommandOptions) => (session: Session) => {
  const { lang } = session
  const files = {
    main: fileOf(path),
    attendance: options.attendance === undefined ? undefined : fileOf(options.attendance),
    resolutions: options.resolutions === undefined ? undefined : fileOf(options.resolutions)
  }
  return Effect.gen(function* () {
    const bar = progressBar(lang, options.progress)
    const importOptions: ImportOptions = { mode: options.mode === "valid" ? "validRows" : "allOrNothing", onProgress: bar.onProgress, progressEvery: 25 }
    const run =
      what === "roster"
        ? importRoster(session.ctx, files.main, importOptions)
        : importMeetings(
            session.ctx,
            {
              meetings: files.main,
              ...(files.attendance === undefined ? {} : { attendance: files.attendance }),
              ...(files.resolutions === undefined ? {} : { resolutions: files.resolutions })
            },
            importOptions
          )
    const result = yield* Effect.either(run).pipe(Effect.ensuring(Effect.sync(bar.stop)))
    if (result._tag === "Left") {
      const error = result.left
      if (error._tag !== "ZhibuImportRejected") return yield* Effect.fail(error)
      process.stderr.write(
        t(lang, `导入被拒绝，未写入任何记录。共 ${error.issues.length} 处问题：\n`, `import refused, nothing was written. ${error.issues.length} problem(s):\n`)
      )
      printIssues(lang, error.issues)
      if (options.errors !== undefined) {
        writeErrorReport(options.errors, error.issues)
        process.stderr.write(t(lang, `问题清单已写入 ${options.errors}\n`, `the problems are listed in ${options.errors}\n`))
      }
      return ExitCode.findings
    }
    const report = result.right
    process.stdout.write(`${summary(lang, report)}\n`)
    if (report.issues.length === 0) return ExitCode.ok
    process.stderr.write(t(lang, `以下 ${report.issues.length} 处问题的行未导入：\n`, `rows with these ${report.issues.length} problem(s) were not imported:\n`))
    printIssues(lang, report.issues)
    if (options.errors !== undefined) writeErrorReport(options.errors, report.issues)
    return ExitCode.findings
  })
}
