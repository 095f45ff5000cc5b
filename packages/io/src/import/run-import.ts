import { createHash } from "node:crypto"
import type { CommandContext, StoreUnavailable } from "@zhibu/core"
import { type CreateWrite, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { ImportRejected, type ImportIssue } from "./issue.js"
import { issueOfServiceError, type LocatePath, type LocateRefusal } from "./service-issue.js"
import { makeStagingStore } from "./staging-store.js"

/** 导入进度 — what a long import has done so far, reported to `onProgress`. */
export interface ImportProgress {
  readonly phase: "validating" | "writing" | "done"
  readonly rowsValidated: number
  readonly rowsTotal: number
  readonly recordsWritten: number
  readonly recordsTotal: number
}

/** How to import. */
export interface ImportOptions {
  /**
   * `allOrNothing` (the default): any problem refuses the whole file with every issue, and nothing
   * is written. `validRows`: rows with problems are left out (and listed in the report), the rest
   * are written.
   */
  readonly mode?: "allOrNothing" | "validRows"
  /** Called as rows are validated (every `progressEvery` rows) and as records are written. */
  readonly onProgress?: (progress: ImportProgress) => void
  /** Rows validated between two progress reports; 100 by default. */
  readonly progressEvery?: number
  /**
   * The most records written per `importBatch`. By default all of them in one batch: the file is
   * written atomically. A smaller batch bounds a transaction on a very large file; the batches are
   * then written one after another (each atomic, each idempotent by a content-derived id), so a
   * failure part-way leaves whole batches, and running the import again completes it.
   */
  readonly batchSize?: number
}

/** 导入结果 — what an import did. */
export interface ImportReport {
  /** The id of the import (derived from the tenant and the files' bytes): the `importBatch` id. */
  readonly batchId: string
  /** False when nothing was written: every record was already stored exactly so (the file was imported before). */
  readonly applied: boolean
  /** Data rows read (of the main table: people, or meetings). */
  readonly rows: number
  /** Rows whose records this import wrote. */
  readonly imported: number
  /** Rows whose records were already stored exactly so. */
  readonly unchanged: number
  /** Rows left out for their issues (mode `validRows` only). */
  readonly skipped: number
  /** Records written (a meeting writes itself and one attendance record per member due). */
  readonly recordsWritten: number
  /** The issues of the rows left out (mode `validRows`); empty otherwise. */
  readonly issues: ReadonlyArray<ImportIssue>
}

/** One unit of an import: a person, or a meeting with its attendance and resolutions. */
export interface ImportUnit {
  /** Problems found reading its cells; when there are any, the service is not run. */
  readonly issues: ReadonlyArray<ImportIssue>
  /** The service call that validates it (run against a staging store: its writes are captured). */
  readonly run: Effect.Effect<unknown, unknown, Store>
  readonly locatePath: LocatePath
  readonly locateRefusal: LocateRefusal
}

/** What an import reads: the units, the action its audit entries name, and the bytes that identify it. */
export interface ImportPlan {
  /** `roster` or `meetings`: part of the batch id. */
  readonly what: string
  readonly units: ReadonlyArray<ImportUnit>
  /** Problems of the whole file (headers): with any, no unit is run. */
  readonly fileIssues: ReadonlyArray<ImportIssue>
  /** The files' bytes, in order: the batch id is their hash with the tenant. */
  readonly sources: ReadonlyArray<Uint8Array>
  /** The audit action of the writes, when no unit names one (`member.register`, `meeting.record`). */
  readonly action: string
}

const sha256 = (parts: ReadonlyArray<string | Uint8Array>): string => {
  const hash = createHash("sha256")
  for (const p of parts) {
    hash.update(typeof p === "string" ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))
    hash.update("\u0000")
  }
  return hash.digest("hex")
}

/** The batch id of an import: its kind and the hash of the tenant, the mode and the files' bytes. */
export const importBatchId = (tenantId: string, what: string, mode: string, sources: ReadonlyArray<Uint8Array>): string =>
  `io.${what}:${sha256([tenantId, what, mode, ...sources.map((s) => sha256([s]))]).slice(0, 48)}`

/** Splits the units' writes into batches of at most `size` records, never splitting a unit. */
const chunk = (units: ReadonlyArray<ReadonlyArray<CreateWrite>>, size: number): Array<Array<CreateWrite>> => {
  const batches: Array<Array<CreateWrite>> = []
  let current: Array<CreateWrite> = []
  for (const writes of units) {
    if (current.length > 0 && current.length + writes.length > size) {
      batches.push(current)
      current = []
    }
    current.push(...writes)
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/**
 * 导入引擎 — validates every unit through its service against a staging store (nothing is written
 * while validating), then, unless `allOrNothing` found a problem, writes every new record with
 * `importBatch`: one batch by default, so the file is written atomically, and importing the same
 * file again writes nothing (the batch id comes from the bytes, and records already stored exactly
 * so are not written again).
 */
export const runImport = (
  ctx: CommandContext,
  plan: ImportPlan,
  options: ImportOptions = {}
): Effect.Effect<ImportReport, ImportRejected | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const mode = options.mode ?? "allOrNothing"
    const every = Math.max(1, options.progressEvery ?? 100)
    const report = options.onProgress ?? (() => {})
    const batchId = importBatchId(ctx.tenantId, plan.what, mode, plan.sources)
    const rowsTotal = plan.units.length
    if (plan.fileIssues.length > 0) return yield* new ImportRejected({ issues: plan.fileIssues })

    const real = yield* Store
    const staging = makeStagingStore(real)
    const issues: Array<ImportIssue> = []
    const accepted: Array<ReadonlyArray<CreateWrite>> = []
    let unchanged = 0
    let skipped = 0
    let action = plan.action
    for (const [i, unit] of plan.units.entries()) {
      if (unit.issues.length > 0) {
        issues.push(...unit.issues)
        skipped++
      } else {
        const result = yield* Effect.either(Effect.provideService(unit.run, Store, staging.store))
        const staged = staging.take()
        if (Either.isLeft(result)) {
          staging.discard(staged)
          const issue = issueOfServiceError(result.left, unit.locatePath, unit.locateRefusal)
          if (issue === undefined) return yield* Effect.fail(result.left as StoreUnavailable)
          issues.push(issue)
          skipped++
        } else if (staged.writes.length === 0) {
          unchanged++
        } else {
          accepted.push(staged.writes)
          action = staged.action ?? action
        }
      }
      if ((i + 1) % every === 0 || i + 1 === rowsTotal) {
        report({ phase: "validating", rowsValidated: i + 1, rowsTotal, recordsWritten: 0, recordsTotal: 0 })
      }
    }
    issues.sort(inFileOrder)
    if (issues.length > 0 && mode === "allOrNothing") return yield* new ImportRejected({ issues })

    const recordsTotal = accepted.reduce((n, w) => n + w.length, 0)
    const batches = options.batchSize === undefined ? (recordsTotal === 0 ? [] : [accepted.flat()]) : chunk(accepted, Math.max(1, options.batchSize))
    const audit = { actorId: ctx.actor.personId, at: ctx.now, action }
    let recordsWritten = 0
    let applied = false
    for (const batch of batches) {
      report({ phase: "writing", rowsValidated: rowsTotal, rowsTotal, recordsWritten, recordsTotal })
      const id = batches.length === 1 ? batchId : `${batchId}:${sha256(batch.map((w) => `${w.kind.name}/${(w.record as { id: string }).id}`)).slice(0, 16)}`
      const result = yield* real.importBatch(ctx.tenantId, id, batch, audit).pipe(
        // A record stored by someone else since validation: the batch wrote nothing; say which.
        Effect.catchTags({
          ZhibuConflict: (e) => new ImportRejected({ issues: [conflictIssue(plan.what, e.kind, e.id)] }),
          ZhibuNotFound: (e) => new ImportRejected({ issues: [conflictIssue(plan.what, e.kind, e.id)] }),
          ZhibuInvalidRecord: (e) =>
            new ImportRejected({
              issues: [{ table: plan.what, row: null, column: null, field: null, code: "invalid", text: { zh: `记录无效：${e.reason}`, en: `a record is invalid: ${e.reason}` } }]
            })
        })
      )
      applied = applied || result.applied
      if (result.applied) recordsWritten += batch.length
    }
    report({ phase: "done", rowsValidated: rowsTotal, rowsTotal, recordsWritten, recordsTotal })
    return {
      batchId,
      applied,
      rows: rowsTotal,
      imported: accepted.length,
      unchanged,
      skipped,
      recordsWritten,
      issues: mode === "validRows" ? issues : []
    } satisfies ImportReport
  })

const tableOrder = ["roster", "meetings", "attendance", "resolutions"]

/** Issues by table (as the template orders them), then by row. */
const inFileOrder = (a: ImportIssue, b: ImportIssue): number =>
  tableOrder.indexOf(a.table) - tableOrder.indexOf(b.table) || (a.row ?? 0) - (b.row ?? 0)

const conflictIssue = (table: string, kind: string, id: string): ImportIssue => ({
  table,
  row: null,
  column: null,
  field: null,
  code: "conflict",
  text: {
    zh: `写入时发现 ${kind} 记录 ${id} 已被他人写入或修改，未导入任何记录；请重新导入`,
    en: `while writing, the ${kind} record ${id} had been written or changed by someone else; nothing was imported: import again`
  }
})
