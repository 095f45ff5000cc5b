import type { CivilDate } from "@zhibu/core"
import { fromParts, minDate } from "@zhibu/core/rules"
import { exportLedgerCsv, exportLedgersXlsx, ledgerIds, type LedgerId } from "@zhibu/io"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Layout, Refused } from "../ui/layout.js"
import type { RequestEnv } from "./support.js"

/** The bytes of a stream, collected (a school's ledgers are small; the library streams for a county's). */
const bytesOf = <E, R>(stream: Stream.Stream<Uint8Array, E, R>) =>
  Effect.map(Stream.runCollect(stream), (chunks) => {
    const parts = Chunk.toReadonlyArray(chunks)
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let at = 0
    for (const p of parts) {
      out.set(p, at)
      at += p.length
    }
    return out
  })

export type ExportFile = { readonly bytes: Uint8Array; readonly filename: string; readonly contentType: string } | { readonly status: number; readonly body: unknown }

/**
 * 导出台账 — one ledger as CSV (`<ledger>.csv`) or every ledger as one workbook (`ledgers.xlsx`) of
 * the branch for a year up to today, from @zhibu/io: personal data masked, formula cells
 * neutralized, the request authorized before the first byte (a member is refused).
 */
export const exportFile = async (env: RequestEnv, file: string, yearQuery?: string): Promise<ExportFile> => {
  const asked = Number(yearQuery)
  const year = Number.isInteger(asked) && asked >= env.year - 5 && asked <= env.year ? asked : env.year
  const request = { organizationId: env.school.branchId, from: fromParts(year, 1, 1), to: minDate(fromParts(year, 12, 31), env.page.today as CivilDate) }
  const csv = /^([A-Za-z]+)\.csv$/.exec(file)
  const id = csv?.[1] as LedgerId | undefined
  const isXlsx = file === "ledgers.xlsx"
  if (!isXlsx && (id === undefined || !ledgerIds.includes(id))) {
    const error = { status: 404 as const, title: "未找到", text: "没有这个台账。" }
    return { status: 404, body: <Layout ctx={env.page} title="导出" section="reports"><h1>导出台账</h1><Refused error={error} /></Layout> }
  }
  const result = await env.attempt(bytesOf(isXlsx ? exportLedgersXlsx(env.ctx, ledgerIds, request) : exportLedgerCsv(env.ctx, id!, request)))
  if (!result.ok) {
    return { status: result.error.status, body: <Layout ctx={env.page} title="导出" section="reports"><h1>导出台账</h1><Refused error={result.error} /></Layout> }
  }
  return isXlsx
    ? { bytes: result.value, filename: `ledgers-${env.school.branchId}-${year}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
    : { bytes: result.value, filename: `${id}-${env.school.branchId}-${year}.csv`, contentType: "text/csv; charset=utf-8" }
}
