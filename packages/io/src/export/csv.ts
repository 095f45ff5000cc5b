import type { CommandContext } from "@zhibu/core"
import type { Store } from "@zhibu/core/store"
import { stringify } from "csv-stringify/sync"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { neutralizeCell } from "../text/neutralize.js"
import type { Cell, ExportError, Ledger, LedgerColumn, LedgerId, LedgerRequest } from "./ledger.js"
import { ledgers } from "./ledgers.js"

const encoder = new TextEncoder()

/** A cell as CSV text: text guarded against formulas, money with two decimals, blank for null. */
const csvCell = (column: LedgerColumn<unknown>, value: Cell): string => {
  if (value === null) return ""
  if (typeof value === "number") return column.money === true ? value.toFixed(2) : String(value)
  return neutralizeCell(value)
}

/** CSV lines (CRLF, RFC 4180 quoting) of some rows, written by csv-stringify. */
const csvLines = (rows: ReadonlyArray<ReadonlyArray<string>>, bom: boolean): Uint8Array =>
  encoder.encode(stringify(rows as Array<Array<string>>, { bom, record_delimiter: "windows", quoted_match: /[\r\n]/ }))

/** The bytes of a ledger as CSV: the header, then each page of rows as it is read. */
export const ledgerToCsv = <R>(ledger: Ledger<R>, rows: Stream.Stream<R, ExportError, Store>, headers: "zh" | "en" = "zh"): Stream.Stream<Uint8Array, ExportError, Store> =>
  Stream.concat(
    Stream.succeed(csvLines([ledger.columns.map((c) => c.header[headers])], true)),
    Stream.mapChunks(rows, (chunk) =>
      Chunk.isEmpty(chunk) ? Chunk.empty() : Chunk.of(csvLines(Chunk.toReadonlyArray(chunk).map((row) => ledger.columns.map((c) => csvCell(c as LedgerColumn<unknown>, c.value(row)))), false))
    )
  )

/**
 * 导出台账（CSV）— one ledger of an organization's subtree as CSV bytes, streamed: UTF-8 with a
 * byte-order mark (so Excel opens it as UTF-8), CRLF lines, Chinese headers (the import
 * template's, so roster and meetings files import back). Rows are read a page at a time
 * (`streamRecords` or the member service) and written as they come, so memory stays flat however
 * large the ledger. Every text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with `'` so no spreadsheet runs it as a formula. The request is authorized
 * before the first byte.
 */
export const exportLedgerCsv = (ctx: CommandContext, ledger: LedgerId, request: LedgerRequest): Stream.Stream<Uint8Array, ExportError, Store> =>
  Stream.unwrap(Effect.map(ledgers[ledger].rows(ctx, request), (rows) => ledgerToCsv(ledgers[ledger], rows, request.headers)))
