import { once } from "node:events"
import { PassThrough, type Writable } from "node:stream"
import type { CommandContext } from "@zhibu/core"
import type { Store } from "@zhibu/core/store"
import ExcelJS from "exceljs"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { neutralizeCell } from "../text/neutralize.js"
import type { Cell, ExportError, Ledger, LedgerColumn, LedgerId, LedgerRequest } from "./ledger.js"
import { ledgers } from "./ledgers.js"

/** A cell as XLSX holds it: text guarded against formulas, numbers as numbers, blank for null. */
const xlsxCell = (value: Cell): string | number | null => (typeof value === "string" ? neutralizeCell(value) : value)

/** A sheet of a workbook: a ledger and its rows. */
export interface SheetSource<R = any> {
  readonly ledger: Ledger<R>
  readonly rows: Stream.Stream<R, ExportError, Store>
}

/** Waits until the output has room again, so a slow reader holds the writer back (memory stays flat). */
const drained = (output: Writable): Effect.Effect<void> =>
  output.writableNeedDrain ? Effect.promise(() => once(output, "drain").then(() => undefined)) : Effect.void

/**
 * Writes sheets into an XLSX workbook on `output` with exceljs's streaming writer: each row is
 * committed as it is read, the column widths and formats are set once (ids, ID numbers and phones
 * as text, money as 0.00), and the workbook is finished (`output` ended) at the end. The
 * Effect fails with the first error of a row stream; `output` is then destroyed with it.
 */
export const writeWorkbook = (sheets: ReadonlyArray<SheetSource>, output: Writable, headers: "zh" | "en" = "zh"): Effect.Effect<number, ExportError, Store> =>
  Effect.gen(function* () {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
    let written = 0
    for (const { ledger, rows } of sheets) {
      const sheet = workbook.addWorksheet(ledger.title.zh, { views: [{ state: "frozen", ySplit: 1 }] })
      sheet.columns = ledger.columns.map((c: LedgerColumn<unknown>, i) => ({
        header: c.header[headers],
        key: String(i),
        width: Math.max(10, c.header.zh.length * 2 + 4),
        ...(c.text === true ? { style: { numFmt: "@" } } : c.money === true ? { style: { numFmt: "0.00" } } : {})
      }))
      yield* Stream.runForEachChunk(rows, (chunk) =>
        Effect.suspend(() => {
          for (const row of Chunk.toReadonlyArray(chunk)) {
            sheet.addRow(ledger.columns.map((c: LedgerColumn<unknown>) => xlsxCell(c.value(row)))).commit()
            written++
          }
          return drained(output)
        })
      )
      sheet.commit()
    }
    yield* Effect.promise(() => workbook.commit())
    return written
  }).pipe(Effect.tapError((e) => Effect.sync(() => output.destroy(e as Error))))

/**
 * 导出台账（XLSX）— ledgers of an organization's subtree as one workbook, a sheet per ledger (named
 * as the import templates name them: 党员名册, 会议, 出勤, 决议, …), streamed as bytes: rows are read a
 * page at a time and committed as they come through exceljs's streaming writer, and the bytes are
 * handed on as the consumer reads them, so memory stays flat however large the ledgers. Text cells
 * are guarded against formulas as in CSV. Every ledger's request is authorized before the first byte.
 */
export const exportLedgersXlsx = (
  ctx: CommandContext,
  ids: ReadonlyArray<LedgerId>,
  request: LedgerRequest
): Stream.Stream<Uint8Array, ExportError, Store> =>
  Stream.unwrapScoped(
    Effect.gen(function* () {
      const sheets = yield* Effect.forEach(ids, (id) => Effect.map(ledgers[id].rows(ctx, request), (rows): SheetSource => ({ ledger: ledgers[id], rows })))
      const output = new PassThrough()
      yield* Effect.forkScoped(writeWorkbook(sheets, output, request.headers))
      return Stream.fromAsyncIterable(output as AsyncIterable<Uint8Array>, (e) => e as ExportError)
    })
  )

/**
 * Runs a byte stream into a Node writable (a file, an HTTP response), waiting whenever the writable
 * is full, and ends it. Fails with the stream's error (the writable is destroyed).
 */
export const pipeTo = <E, R>(bytes: Stream.Stream<Uint8Array, E, R>, output: Writable): Effect.Effect<void, E, R> =>
  Stream.runForEach(bytes, (chunk) => (output.write(chunk) ? Effect.void : drained(output))).pipe(
    Effect.zipRight(Effect.promise(() => new Promise<void>((resolve) => output.end(() => resolve())))),
    Effect.tapError((e) => Effect.sync(() => output.destroy(e instanceof Error ? e : new Error(String(e)))))
  )
