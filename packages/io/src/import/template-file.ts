import { writeFile } from "node:fs/promises"
import { stringify } from "csv-stringify/sync"
import ExcelJS from "exceljs"
import type { TableSpec } from "./columns.js"
import { attendanceTemplate, meetingsTemplate, resolutionsTemplate } from "./meeting-template.js"
import { rosterTemplate } from "./roster-template.js"

/** The import templates: a roster (one table) and meetings (meetings, attendance, resolutions). */
export type TemplateName = "roster" | "meetings"

/** The tables of each template, in order. */
export const templateTables: Readonly<Record<TemplateName, ReadonlyArray<TableSpec>>> = {
  roster: [rosterTemplate],
  meetings: [meetingsTemplate, attendanceTemplate, resolutionsTemplate]
}

/** Every table of the templates by id: roster, meetings, attendance, resolutions. */
export const templateTable = (id: "roster" | "meetings" | "attendance" | "resolutions"): TableSpec =>
  ({ roster: rosterTemplate, meetings: meetingsTemplate, attendance: attendanceTemplate, resolutions: resolutionsTemplate })[id]

/**
 * 空白模板（CSV）— one table of a template as an empty CSV file: the Chinese header row, UTF-8 with
 * a byte-order mark so Excel opens it. A meetings import takes three such files (会议, 出勤, 决议).
 */
export const importTemplateCsv = (table: "roster" | "meetings" | "attendance" | "resolutions"): Uint8Array =>
  new TextEncoder().encode(stringify([templateTable(table).columns.filter((c) => c.exportOnly !== true).map((c) => c.zh)], { bom: true, record_delimiter: "windows" }))

/**
 * 空白模板（XLSX）— a template as an empty workbook: a sheet per table with its Chinese header row
 * (ID-number, phone and id columns formatted as text, so Excel keeps all 18 digits), and a sheet
 * 填写说明 that lists every column with what it holds and an example, as `docs/import-templates.md` does.
 */
export const importTemplateXlsx = async (template: TemplateName): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  for (const spec of templateTables[template]) {
    const sheet = workbook.addWorksheet(spec.sheet.zh, { views: [{ state: "frozen", ySplit: 1 }] })
    sheet.columns = spec.columns
      .filter((c) => c.exportOnly !== true)
      .map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 6), style: { numFmt: "@" } }))
    sheet.getRow(1).font = { bold: true }
  }
  const help = workbook.addWorksheet("填写说明")
  help.columns = [
    { header: "工作表", key: "sheet", width: 10 },
    { header: "列", key: "column", width: 16 },
    { header: "必需", key: "required", width: 6 },
    { header: "填写说明", key: "format", width: 70 },
    { header: "示例", key: "example", width: 20 }
  ]
  for (const spec of templateTables[template]) {
    for (const c of spec.columns.filter((c) => c.exportOnly !== true)) {
      help.addRow({ sheet: spec.sheet.zh, column: c.zh, required: c.required ? "是" : "", format: c.format.zh, example: c.example })
    }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/**
 * Writes an empty template file: an `.xlsx` path gets the workbook, a `.csv` path the CSV of the
 * template's first table (for meetings, write `attendance` and `resolutions` with
 * {@link importTemplateCsv}).
 */
export const writeImportTemplate = async (path: string, template: TemplateName): Promise<void> => {
  const bytes = path.toLowerCase().endsWith(".csv") ? importTemplateCsv(template) : await importTemplateXlsx(template)
  await writeFile(path, bytes)
}
