/** One data row of a table: its row number as a spreadsheet shows it (the header is row 1), and its cells as text. */
export interface TableRow {
  readonly row: number
  readonly cells: ReadonlyArray<string>
}

/**
 * 表格 — a sheet or CSV file as text: the header cells and the data rows (blank rows left out).
 * Every cell is text with surrounding spaces removed; CSV and XLSX files read into this one shape, so
 * the import reads both the same way.
 */
export interface Table {
  /** The sheet's name, or the CSV file's name when known. */
  readonly name: string
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<TableRow>
}

/** True when every cell is blank (such rows are skipped). */
export const isBlankRow = (cells: ReadonlyArray<string>): boolean => cells.every((c) => c === "")
