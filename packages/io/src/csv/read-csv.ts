import { parse } from "csv-parse/sync"
import { restoreCell } from "../text/neutralize.js"
import { decodeText, type TextEncodingName } from "../text/decode-text.js"
import { isBlankRow, type Table, type TableRow } from "../table/table.js"

/** A CSV file read into a {@link Table}, and the encoding it was in. */
export interface CsvTable extends Table {
  readonly encoding: TextEncodingName
}

/** The delimiter of the header line: a tab for Excel's "Unicode 文本", a semicolon for some European Excels, else a comma. */
const delimiterOf = (text: string): string => {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const count = (c: string) => firstLine.split(c).length - 1
  const [best] = [",", "\t", ";"].sort((a, b) => count(b) - count(a))
  return best !== undefined && count(best) > 0 ? best : ","
}

/**
 * 读取 CSV — decodes the bytes ({@link decodeText}: UTF-8 with or without a BOM, or GB18030/GBK)
 * and parses them with csv-parse (RFC 4180 quoting; a cell may hold commas and line breaks). Cells
 * are trimmed, a formula guard added by an export (`'=…`) is removed, and blank rows are skipped.
 * Throws csv-parse's error for a malformed file (an unclosed quote); `readTable` turns it into an
 * issue.
 */
export const readCsv = (bytes: Uint8Array, name = "csv"): CsvTable => {
  const { text, encoding } = decodeText(bytes)
  const records = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: false
  }) as Array<Array<string>>
  const [header, ...body] = records
  const clean = (cells: ReadonlyArray<string>) => cells.map((c) => restoreCell(c.trim()))
  const rows: Array<TableRow> = []
  body.forEach((record, i) => {
    const cells = clean(record)
    // One record is one spreadsheet row (even when a quoted cell spans lines); the header is row 1.
    if (!isBlankRow(cells)) rows.push({ row: i + 2, cells })
  })
  return { name, headers: header === undefined ? [] : clean(header), rows, encoding }
}
