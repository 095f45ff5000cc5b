import type { CivilDate, CommandContext, Conflict, Forbidden, InvalidInput, InvalidRecord, Message, NotFound, StoreUnavailable } from "@zhibu/core"
import type { Store } from "@zhibu/core/store"
import type * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"

/** A cell as a ledger writes it: text, a number, or blank. */
export type Cell = string | number | null

/** One column of a ledger. */
export interface LedgerColumn<R> {
  readonly header: Message
  /** The column's cell for one row. */
  readonly value: (row: R) => Cell
  /** Money in yuan, written with two decimals. */
  readonly money?: boolean
  /** Text a spreadsheet must not turn into a number (ids, ID numbers, phones): XLSX formats the column as text. */
  readonly text?: boolean
}

/** 台账 names. */
export type LedgerId =
  | "roster"
  | "recruitment"
  | "meetings"
  | "attendance"
  | "resolutions"
  | "dues"
  | "duesPayments"
  | "study"
  | "evaluations"
  | "rectification"

/** What to export: whose ledger, which dates. */
export interface LedgerRequest {
  /** The organization whose subtree is exported (a branch, a school's committee, a county). */
  readonly organizationId: string
  /** The first date of records to include (meeting date, month, payment, credit, issue raised…); open when absent. */
  readonly from?: CivilDate | string
  /** The last date, inclusive; open when absent. */
  readonly to?: CivilDate | string
  /**
   * Personal fields (ID number, phone) in the roster: `masked` by default; `full` needs
   * `member.readPersonalData` and is recorded in each file's audit log.
   */
  readonly personalData?: "masked" | "full"
  /** The header language: Chinese (the import templates' headers) by default. */
  readonly headers?: "zh" | "en"
}

/** Errors an export can meet: the organization unknown or not visible, not allowed, or the store. */
export type ExportError = NotFound | Forbidden | StoreUnavailable | Conflict | InvalidRecord | InvalidInput

/** 台账 — one ledger: its sheet name, columns, and the rows of an organization's subtree, streamed. */
export interface Ledger<R = any> {
  readonly id: LedgerId
  /** The sheet name (zh) and the English title. */
  readonly title: Message
  readonly columns: ReadonlyArray<LedgerColumn<R>>
  /** Authorizes the request (failing before any row), then streams the rows. */
  readonly rows: (ctx: CommandContext, request: LedgerRequest) => Effect.Effect<Stream.Stream<R, ExportError, Store>, ExportError, Store>
}

/** Declares a ledger with its row type. */
export const defineLedger = <R>(ledger: Ledger<R>): Ledger<R> => ledger
