import type { Table } from "../table/table.js"
import { type ColumnSpec, headerMatches, type TableSpec } from "./columns.js"
import type { ImportIssue } from "./issue.js"

/** Where each template column is in a file: column key → cell index. */
export type ColumnIndex = ReadonlyMap<string, number>

const headerIssue = (spec: TableSpec, column: string | null, field: string | null, text: ImportIssue["text"]): ImportIssue => ({
  table: spec.id,
  row: null,
  column,
  field,
  code: "header",
  text
})

/**
 * 表头检查 — matches a file's header to the template: every required column present, no column the
 * template does not have (a misspelt header would otherwise drop its data silently), none twice.
 * Columns may come in any order.
 */
export const resolveHeaders = (table: Table, spec: TableSpec): { readonly index: ColumnIndex; readonly issues: ReadonlyArray<ImportIssue> } => {
  const index = new Map<string, number>()
  const issues: Array<ImportIssue> = []
  table.headers.forEach((header, i) => {
    if (header === "") return
    const column: ColumnSpec | undefined = spec.columns.find((c) => headerMatches(header, c))
    if (column === undefined) {
      issues.push(
        headerIssue(spec, header, null, {
          zh: `表头“${header}”不是模板中的列（见 docs/import-templates.md）`,
          en: `the header "${header}" is not a column of the template (see docs/import-templates.md)`
        })
      )
    } else if (index.has(column.key)) {
      issues.push(headerIssue(spec, column.zh, column.key, { zh: `列“${column.zh}”出现了两次`, en: `the column ${column.zh} (${column.en}) appears twice` }))
    } else {
      index.set(column.key, i)
    }
  })
  for (const column of spec.columns) {
    if (column.required && !index.has(column.key)) {
      issues.push(headerIssue(spec, column.zh, column.key, { zh: `缺少必需的列“${column.zh}”`, en: `the required column ${column.zh} (${column.en}) is missing` }))
    }
  }
  return { index, issues }
}
