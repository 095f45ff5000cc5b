import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from "node:fs"
import { join } from "node:path"
import { exportLedgerCsv, exportLedgersXlsx, type LedgerId, ledgerIds, type LedgerRequest } from "@zhibu/io"
import { once } from "node:events"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { dateOption, ExitCode, t, UsageError } from "../options.js"
import type { Session } from "../session.js"

export interface ExportOptions {
  readonly format: "csv" | "xlsx"
  /** The workbook (xlsx) or the folder of CSV files; `-` writes one CSV ledger to standard output. */
  readonly out?: string
  readonly from?: string
  readonly to?: string
  readonly headers: "zh" | "en"
  /** ID numbers and phones in full (needs `member.readPersonalData`; each disclosure is audited). */
  readonly fullPersonalData: boolean
}

/** Writes bytes to standard output as they come, waiting when it is full (standard output is never ended). */
const toStdout = <E, R>(bytes: Stream.Stream<Uint8Array, E, R>) =>
  Stream.runForEach(bytes, (chunk) => (process.stdout.write(chunk) ? Effect.void : Effect.promise(() => once(process.stdout, "drain").then(() => undefined))))

/**
 * Writes bytes to a file through a `.part` file renamed at the end. The file is opened at the first
 * byte, so a refused export (the request is authorized before the first byte) creates no file, and a
 * failed one leaves no partial file behind. Waits whenever the file is full (memory stays flat).
 */
const toFile = <E, R>(bytes: Stream.Stream<Uint8Array, E, R>, path: string): Effect.Effect<void, E | Error, R> => {
  const part = `${path}.part`
  let output: WriteStream | undefined
  let failure: Error | undefined
  const open = (): WriteStream => {
    if (output === undefined) {
      output = createWriteStream(part)
      output.on("error", (e) => {
        failure ??= e
      })
    }
    return output
  }
  const written = Stream.runForEach(bytes, (chunk) => {
    const o = open()
    return o.write(chunk) ? Effect.void : Effect.promise(() => once(o, "drain").then(() => undefined, () => undefined))
  })
  const close = Effect.async<void, Error>((resume) => {
    open().end((e?: Error | null) => resume(e ?? failure ? Effect.fail(e ?? failure!) : Effect.void))
  })
  return written.pipe(
    Effect.zipRight(close),
    Effect.tap(() => Effect.sync(() => renameSync(part, path))),
    Effect.tapError(() =>
      Effect.sync(() => {
        output?.destroy()
        rmSync(part, { force: true })
      })
    )
  )
}

/** The ledgers asked for, or every one. */
export const ledgersOf = (names: ReadonlyArray<string>): ReadonlyArray<LedgerId> => {
  for (const n of names) {
    if (!(ledgerIds as ReadonlyArray<string>).includes(n)) throw new UsageError(`没有台账 ${n}，可选：${ledgerIds.join("、")} — no ledger "${n}": choose from ${ledgerIds.join(", ")}`)
  }
  return names.length === 0 ? ledgerIds : (names as ReadonlyArray<LedgerId>)
}

/**
 * `zhibu export` — the ledgers (台账) of the subtree through @zhibu/io: one XLSX workbook with a sheet
 * per ledger, or a CSV file per ledger (UTF-8 with BOM, so Excel opens it); streamed, personal data
 * masked unless `--full-personal-data`, formula cells neutralized.
 */
export const exportCommand = (names: ReadonlyArray<string>, options: ExportOptions) => (session: Session) =>
  Effect.gen(function* () {
    const ids = ledgersOf(names)
    const request: LedgerRequest = {
      organizationId: session.organization.id,
      headers: options.headers,
      personalData: options.fullPersonalData ? "full" : "masked",
      ...(options.from === undefined ? {} : { from: dateOption(options.from, "--from") }),
      ...(options.to === undefined ? {} : { to: dateOption(options.to, "--to") })
    }
    const written: Array<string> = []
    if (options.format === "xlsx") {
      if (options.out === "-") throw new UsageError("XLSX 不能写到标准输出，请用 --out 指定文件 — an XLSX workbook cannot go to standard output: give --out FILE.xlsx")
      const path = options.out ?? `zhibu-ledgers-${session.organization.id}.xlsx`
      yield* toFile(exportLedgersXlsx(session.ctx, ids, request), path)
      written.push(path)
    } else if (options.out === "-") {
      if (ids.length !== 1) throw new UsageError("写到标准输出时只能导出一个台账 — standard output takes one ledger: name it")
      yield* toStdout(exportLedgerCsv(session.ctx, ids[0]!, request))
      return ExitCode.ok
    } else {
      const folder = options.out ?? `zhibu-ledgers-${session.organization.id}`
      mkdirSync(folder, { recursive: true })
      for (const id of ids) {
        const path = join(folder, `${id}.csv`)
        yield* toFile(exportLedgerCsv(session.ctx, id, request), path)
        written.push(path)
      }
    }
    process.stderr.write(t(session.lang, `已导出 ${ids.length} 个台账：\n`, `exported ${ids.length} ledger(s):\n`))
    for (const path of written) process.stdout.write(`${path}\n`)
    return ExitCode.ok
  })
