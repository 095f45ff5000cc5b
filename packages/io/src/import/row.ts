import type { TableRow } from "../table/table.js"
import type { InputValue, TableSpec } from "./columns.js"
import type { ColumnIndex } from "./headers.js"
import type { ImportIssue } from "./issue.js"

/** A row's cells read into values by column key (blank cells left out), and the cells that could not be read. */
export interface ReadRow {
  readonly row: number
  readonly values: Readonly<Record<string, InputValue>>
  readonly issues: ReadonlyArray<ImportIssue>
}

/** Reads one data row with the template's column parsers. */
export const readRow = (spec: TableSpec, index: ColumnIndex, row: TableRow): ReadRow => {
  const values: Record<string, InputValue> = {}
  const issues: Array<ImportIssue> = []
  for (const column of spec.columns) {
    const at = index.get(column.key)
    if (at === undefined) continue
    const parsed = column.parse(row.cells[at] ?? "")
    if (!parsed.ok) {
      issues.push({
        table: spec.id,
        row: row.row,
        column: column.zh,
        field: column.key,
        code: "invalid",
        text: { zh: `应为${parsed.expected.zh}`, en: `expected ${parsed.expected.en}` },
        expected: parsed.expected
      })
    } else if (parsed.value !== undefined) {
      values[column.key] = parsed.value
    }
  }
  return { row: row.row, values, issues }
}
