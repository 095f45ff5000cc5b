import ExcelJS from "exceljs"
import { isBlankRow, type Table, type TableRow } from "../table/table.js"
import { restoreCell } from "../text/neutralize.js"

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** A date cell as the civil date it shows: Excel stores dates without a zone, exceljs reads them as UTC. */
const civilDateOf = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

/** The text of a cell value as exceljs reads it: rich text joined, a formula's cached result, a date as `YYYY-MM-DD`. */
export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (value instanceof Date) return civilDateOf(value)
  if ("richText" in value) return value.richText.map((t) => t.text).join("")
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null)
  if ("text" in value && typeof value.text === "string") return value.text
  if ("error" in value) return String(value.error)
  return ""
}

/** The cells of a row from column 1 to `width` (exceljs numbers columns from 1). */
const rowCells = (row: ExcelJS.Row, width: number): Array<string> => {
  const cells: Array<string> = []
  for (let c = 1; c <= width; c++) cells.push(restoreCell(cellText(row.getCell(c).value).trim()))
  return cells
}

/** The sheets of a workbook as {@link Table}s, by name, in workbook order; the header is each sheet's first row. */
export const readXlsx = async (bytes: Uint8Array): Promise<ReadonlyArray<Table>> => {
  const workbook = new ExcelJS.Workbook()
  // exceljs's typings name an older Buffer type; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  const tables: Array<Table> = []
  workbook.eachSheet((sheet) => {
    const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0
    const headerRow = sheet.getRow(1)
    const headers = rowCells(headerRow, width)
    while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop()
    const rows: Array<TableRow> = []
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return
      const cells = rowCells(row, Math.max(width, headers.length))
      if (!isBlankRow(cells)) rows.push({ row: n, cells })
    })
    tables.push({ name: sheet.name, headers, rows })
  })
  return tables
}

/** True for the bytes of a ZIP file (an XLSX workbook), which start with `PK\x03\x04`. */
export const looksLikeXlsx = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
