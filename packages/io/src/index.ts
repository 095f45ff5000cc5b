/**
 * @zhibu/io — import and export for zhibu, so that `@zhibu/core` stays pure: member rosters and
 * meeting records imported from CSV (UTF-8 or GBK) and XLSX through the services, every ledger
 * (台账) exported to CSV and XLSX as a stream, empty import templates, and the year plan as
 * iCalendar (`ical/`).
 */
export * from "./ical/index.js"

// Import
export type { ColumnSpec, InputValue, Parsed, TableSpec } from "./import/columns.js"
export { formatIssue, ImportIssue, ImportIssueCode, ImportRejected } from "./import/issue.js"
export { importRoster } from "./import/import-roster.js"
export { importMeetings, type MeetingFiles } from "./import/import-meetings.js"
export { attendanceStatusNames, attendanceTemplate, meetingsTemplate, resolutionsTemplate } from "./import/meeting-template.js"
export { categoryNames, genderNames, rosterTemplate } from "./import/roster-template.js"
export { importBatchId, type ImportOptions, type ImportProgress, type ImportReport } from "./import/run-import.js"
export type { ImportFile } from "./import/source.js"
export { importTemplateCsv, importTemplateXlsx, type TemplateName, templateTable, templateTables, writeImportTemplate } from "./import/template-file.js"

// Export
export { exportLedgerCsv, ledgerToCsv } from "./export/csv.js"
export type { Cell, ExportError, Ledger, LedgerColumn, LedgerId, LedgerRequest } from "./export/ledger.js"
export { ledgerIds, ledgers } from "./export/ledgers.js"
export { exportLedgersXlsx, pipeTo, type SheetSource, writeWorkbook } from "./export/xlsx.js"

// Files
export { readCsv, type CsvTable } from "./csv/read-csv.js"
export { readXlsx } from "./xlsx/read-xlsx.js"
export type { Table, TableRow } from "./table/table.js"
export { type DecodedText, decodeText, type TextEncodingName } from "./text/decode-text.js"
export { neutralizeCell, restoreCell } from "./text/neutralize.js"

// The annual summary as documents
export type { AnnualSummary, SummaryDocument, SummarySection } from "./report/summary-model.js"
export { summaryDocument } from "./report/summary-model.js"
export { annualSummaryHtml, annualSummaryMarkdown, type SummaryOptions } from "./report/summary-render.js"
