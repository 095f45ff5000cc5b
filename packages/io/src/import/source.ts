import * as Effect from "effect/Effect"
import { readCsv } from "../csv/read-csv.js"
import type { Table } from "../table/table.js"
import { looksLikeXlsx, readXlsx } from "../xlsx/read-xlsx.js"
import type { TableSpec } from "./columns.js"
import { ImportRejected } from "./issue.js"

/** 导入文件 — the bytes of a CSV file or an XLSX workbook; the format is found from the bytes unless given. */
export interface ImportFile {
  readonly bytes: Uint8Array
  /** The file's name, for messages. */
  readonly name?: string
  readonly format?: "csv" | "xlsx"
}

const fileIssue = (table: string, text: { zh: string; en: string }) =>
  new ImportRejected({ issues: [{ table, row: null, column: null, field: null, code: "file", text }] })

const sheetName = (s: string) => s.replace(/\s/g, "").toLowerCase()

/** The sheet of a workbook for a table: by its Chinese or English name; the only sheet when `sole` allows it. */
const sheetFor = (sheets: ReadonlyArray<Table>, spec: TableSpec, sole: boolean): Table | undefined =>
  sheets.find((s) => [spec.sheet.zh, spec.sheet.en, spec.id].some((n) => sheetName(n) === sheetName(s.name))) ??
  (sole && sheets.length === 1 ? sheets[0] : undefined)

/** The workbook or CSV file read into tables, or a `file` issue when it cannot be read. */
const readFile = (file: ImportFile, table: string): Effect.Effect<{ readonly csv?: Table; readonly sheets?: ReadonlyArray<Table> }, ImportRejected> => {
  const xlsx = file.format === "xlsx" || (file.format === undefined && looksLikeXlsx(file.bytes))
  return xlsx
    ? Effect.tryPromise({
        try: () => readXlsx(file.bytes),
        catch: () => fileIssue(table, { zh: "无法读取该 XLSX 文件（文件损坏或不是 Excel 工作簿）", en: "cannot read the XLSX file (damaged, or not an Excel workbook)" })
      }).pipe(Effect.map((sheets) => ({ sheets })))
    : Effect.try({
        try: () => ({ csv: readCsv(file.bytes, file.name ?? "csv") }),
        catch: (e) =>
          fileIssue(table, {
            zh: `无法读取该 CSV 文件：${e instanceof Error ? e.message : String(e)}`,
            en: `cannot read the CSV file: ${e instanceof Error ? e.message : String(e)}`
          })
      })
}

/**
 * Reads a table from a file: a CSV file is that table; in a workbook, the sheet named as the
 * template names it (`党员名册`, `会议`, `出勤`, `决议`, or in English), or the only sheet for the main
 * table. A required table that is absent or has no data rows is a `file` issue; an optional one is
 * undefined.
 */
export const readTable = (file: ImportFile, spec: TableSpec, required: boolean, sole = required): Effect.Effect<Table | undefined, ImportRejected> =>
  Effect.flatMap(readFile(file, spec.id), ({ csv, sheets }) => {
    const table = csv ?? sheetFor(sheets ?? [], spec, sole)
    if (table === undefined) {
      return required
        ? Effect.fail(fileIssue(spec.id, { zh: `工作簿中没有名为“${spec.sheet.zh}”的工作表`, en: `the workbook has no sheet named ${spec.sheet.zh} (${spec.sheet.en})` }))
        : Effect.succeed(undefined)
    }
    if (table.headers.length === 0) return Effect.fail(fileIssue(spec.id, { zh: "文件为空：第 1 行应为表头", en: "the file is empty: row 1 must be the header" }))
    return Effect.succeed(table)
  })
