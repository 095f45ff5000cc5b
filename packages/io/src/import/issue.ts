import type { Message } from "@zhibu/core"
import * as Schema from "effect/Schema"

/**
 * 问题种类 — what is wrong, for programs:
 * - `file`: the file cannot be read (not CSV or XLSX, a broken quote, no sheet, no data rows);
 * - `header`: a required column is missing, a column is not in the template, or appears twice;
 * - `invalid` / `missing`: a cell does not decode (core's `InvalidInput`: `expected` says what it must be);
 * - `refused`: the rules refuse the row (`ruleId` names the rule when one did: an age, a date after today, a quorum);
 * - `notFound`: the row names an organization (or member) the tenant does not have, or the importer may not see;
 * - `forbidden`: the importer may not do this at that organization;
 * - `duplicate`: the id appears on an earlier row of the file;
 * - `conflict`: a different record with this id is already stored.
 */
export const ImportIssueCode = Schema.Literal("file", "header", "invalid", "missing", "refused", "notFound", "forbidden", "duplicate", "conflict")
export type ImportIssueCode = typeof ImportIssueCode.Type

const MessageSchema = Schema.Struct({ zh: Schema.String, en: Schema.String })

/**
 * 导入问题 — one problem of an imported file, where it is and what is wrong, in zh-CN and English.
 * Like core's errors it never repeats a cell's value (a cell may hold an ID number).
 */
export const ImportIssue = Schema.Struct({
  /** The table (sheet) it is in: `roster`, `meetings`, `attendance` or `resolutions`. */
  table: Schema.String,
  /** The row as a spreadsheet numbers it (the header is row 1); null for the file or its header. */
  row: Schema.NullOr(Schema.Number),
  /** The column's template header (`出生日期`); null for the whole row or file. */
  column: Schema.NullOr(Schema.String),
  /** The input field (`birthDate`), or null. */
  field: Schema.NullOr(Schema.String),
  code: ImportIssueCode,
  /** The sentence to show, without the place: {@link formatIssue} adds the row and column. */
  text: MessageSchema,
  /** What the cell must hold, for `invalid` and `missing`. */
  expected: Schema.optional(MessageSchema),
  /** The rule that refused the row, for `refused`. */
  ruleId: Schema.optional(Schema.String)
})
export type ImportIssue = typeof ImportIssue.Type

/**
 * 导入被拒绝 — the file (or files) has problems; nothing was written. `issues` lists every problem
 * found, row by row, in file order.
 */
export class ImportRejected extends Schema.TaggedError<ImportRejected>()("ZhibuImportRejected", {
  issues: Schema.Array(ImportIssue)
}) {
  override get message(): string {
    const first = this.issues[0]
    const more = this.issues.length > 1 ? `（共 ${this.issues.length} 处问题 / ${this.issues.length} problems in all）` : ""
    return first === undefined ? "导入被拒绝 — import refused" : `导入被拒绝：${formatIssue(first, "zh")}${more} — import refused: ${formatIssue(first, "en")}`
  }
}

const tableNames: Readonly<Record<string, Message>> = {
  roster: { zh: "党员名册", en: "roster" },
  meetings: { zh: "会议", en: "meetings" },
  attendance: { zh: "出勤", en: "attendance" },
  resolutions: { zh: "决议", en: "resolutions" }
}

/**
 * The issue as one line in one language, with its place:
 * `党员名册 第 3 行「身份证号」：应为 18 位居民身份证号…` / `roster row 3, column 身份证号 (idNumber): expected …`.
 */
export const formatIssue = (issue: ImportIssue, locale: "zh" | "en"): string => {
  const table = tableNames[issue.table] ?? { zh: issue.table, en: issue.table }
  if (locale === "zh") {
    const row = issue.row === null ? "" : ` 第 ${issue.row} 行`
    const column = issue.column === null ? "" : `「${issue.column}」`
    return `${table.zh}${row}${column}：${issue.text.zh}`
  }
  const row = issue.row === null ? "" : ` row ${issue.row}`
  const column = issue.column === null ? "" : `${issue.row === null ? "" : ","} column ${issue.column}${issue.field === null ? "" : ` (${issue.field})`}`
  return `${table.en}${row}${column}: ${issue.text.en}`
}
