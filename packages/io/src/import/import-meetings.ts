import { type CommandContext, chinaDate, meetingService, type StoreUnavailable } from "@zhibu/core"
import type { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { Table } from "../table/table.js"
import type { InputValue, TableSpec } from "./columns.js"
import { resolveHeaders } from "./headers.js"
import type { ImportIssue, ImportRejected } from "./issue.js"
import { attendanceTemplate, meetingsTemplate, resolutionsTemplate } from "./meeting-template.js"
import { type ReadRow, readRow } from "./row.js"
import { type ImportOptions, type ImportPlan, type ImportReport, type ImportUnit, runImport } from "./run-import.js"
import type { LocatePath, LocateRefusal, Place } from "./service-issue.js"
import { type ImportFile, readTable } from "./source.js"
import { looksLikeXlsx } from "../xlsx/read-xlsx.js"

const isXlsx = (file: ImportFile): boolean => file.format === "xlsx" || (file.format === undefined && looksLikeXlsx(file.bytes))

type Values = Readonly<Record<string, InputValue>>

const placeIn = (spec: TableSpec, row: number, key: string | null): Place => {
  const column = key === null ? undefined : spec.columns.find((c) => c.key === key)
  return { table: spec.id, row, column: column?.zh ?? null, field: column === undefined ? null : key }
}

const referenceIssue = (spec: TableSpec, row: ReadRow): ImportIssue => ({
  ...placeIn(spec, row.row, "meetingId"),
  code: "notFound",
  text: { zh: "会议编号不在“会议”表中", en: "the meeting id is not in the meetings table" }
})

const str = (v: InputValue | undefined): string | undefined => (typeof v === "string" ? v : undefined)

const pick = (values: Values, keys: ReadonlyArray<string>): Record<string, InputValue> =>
  Object.fromEntries(keys.flatMap((k) => (values[k] === undefined ? [] : [[k, values[k]]])))

/** The service input of a meeting row with its attendance and resolution rows. */
const meetingInput = (meeting: Values, attendance: ReadonlyArray<ReadRow>, resolutions: ReadonlyArray<ReadRow>) => {
  const lecturer =
    meeting.lecturerId === undefined && meeting.lecturerName === undefined
      ? {}
      : {
          lecturer: {
            ...(meeting.lecturerId === undefined ? {} : { personId: meeting.lecturerId }),
            ...(meeting.lecturerName === undefined ? {} : { name: meeting.lecturerName })
          }
        }
  const body =
    meeting.bodyDue === undefined && meeting.bodyPresent === undefined ? {} : { bodyCounts: { due: meeting.bodyDue, present: meeting.bodyPresent } }
  return {
    ...pick(meeting, ["id", "organizationId", "kinds", "date", "startTime", "endTime", "place", "chairId", "delegatedBySecretary", "topic", "agenda", "minutesRef"]),
    ...lecturer,
    ...body,
    attendance: attendance.map((a) => pick(a.values, ["memberId", "status", "leaveReason"])),
    resolutions: resolutions.map((r) => ({
      ...pick(r.values, ["title", "passed", "matter", "priorDiscussionId"]),
      votes: pick(r.values, ["yes", "no", "abstain"])
    }))
  }
}

/** The unit of one meeting: the service call with its rows, and where each field of its input is in the files. */
const meetingUnit = (ctx: CommandContext, meeting: ReadRow, attendance: ReadonlyArray<ReadRow>, resolutions: ReadonlyArray<ReadRow>, extra: ReadonlyArray<ImportIssue>): ImportUnit => {
  const row = meeting.row
  const locatePath: LocatePath = (path) => {
    const nested = /^(attendance|resolutions)\[(\d+)\]\.?(?:votes\.)?([A-Za-z]*)/.exec(path)
    if (nested !== null) {
      const [, table, i, key] = nested
      const rows = table === "attendance" ? attendance : resolutions
      const spec = table === "attendance" ? attendanceTemplate : resolutionsTemplate
      const at = rows[Number(i)]
      return at === undefined ? placeIn(meetingsTemplate, row, null) : placeIn(spec, at.row, key === "" ? null : key!)
    }
    if (path.startsWith("lecturer")) return placeIn(meetingsTemplate, row, path === "lecturer.personId" ? "lecturerId" : "lecturerName")
    if (path.startsWith("bodyCounts")) return placeIn(meetingsTemplate, row, path === "bodyCounts.present" ? "bodyPresent" : "bodyDue")
    if (path === "memberId") return placeIn(attendanceTemplate, attendance[0]?.row ?? row, "memberId")
    const key = path.split(/[.[]/)[0] ?? ""
    return placeIn(meetingsTemplate, row, meetingsTemplate.columns.some((c) => c.key === key) ? key : null)
  }
  const locateRefusal: LocateRefusal = (r) => {
    const missing = r.missing ?? ""
    if (missing.startsWith("leaveReason ")) {
      const member = missing.slice("leaveReason ".length)
      const at = attendance.find((a) => a.values.memberId === member)
      if (at !== undefined) return placeIn(attendanceTemplate, at.row, "leaveReason")
    }
    if (missing === "lecturer") return placeIn(meetingsTemplate, row, "lecturerName")
    if (missing === "topic") return placeIn(meetingsTemplate, row, "topic")
    if (missing === "bodyCounts") return placeIn(meetingsTemplate, row, "bodyDue")
    if (r.ruleId === "meeting.convener") return placeIn(meetingsTemplate, row, "chairId")
    const date = str(meeting.values.date)
    if (r.ruleId === undefined && date !== undefined && date > chinaDate(ctx.now)) return placeIn(meetingsTemplate, row, "date")
    return placeIn(meetingsTemplate, row, null)
  }
  const issues = [...meeting.issues, ...attendance.flatMap((a) => a.issues), ...resolutions.flatMap((r) => r.issues), ...extra]
  return { issues, run: meetingService.recordMeeting(ctx, meetingInput(meeting.values, attendance, resolutions) as never), locatePath, locateRefusal }
}

/** The rows of a secondary table read and grouped by meeting id; rows naming no meeting of the file are issues. */
const groupRows = (table: Table | undefined, spec: TableSpec, meetingIds: ReadonlySet<string>) => {
  if (table === undefined) return { byMeeting: new Map<string, Array<ReadRow>>(), issues: [] as Array<ImportIssue>, fileIssues: [] as ReadonlyArray<ImportIssue> }
  const { index, issues: fileIssues } = resolveHeaders(table, spec)
  const byMeeting = new Map<string, Array<ReadRow>>()
  const issues: Array<ImportIssue> = []
  if (fileIssues.length > 0) return { byMeeting, issues, fileIssues }
  for (const r of table.rows) {
    const read = readRow(spec, index, r)
    const id = str(read.values.meetingId)
    if (id === undefined || !meetingIds.has(id)) issues.push(...read.issues, referenceIssue(spec, read))
    else byMeeting.set(id, [...(byMeeting.get(id) ?? []), read])
  }
  return { byMeeting, issues, fileIssues }
}

/** The tables of a meetings import. */
export interface MeetingTables {
  readonly meetings: Table
  readonly attendance?: Table | undefined
  readonly resolutions?: Table | undefined
}

/** The import plan of meeting tables: one unit per meeting row, with its attendance and resolution rows. */
export const meetingsPlan = (ctx: CommandContext, tables: MeetingTables, sources: ReadonlyArray<Uint8Array>): ImportPlan => {
  const head = resolveHeaders(tables.meetings, meetingsTemplate)
  const reads = head.issues.length > 0 ? [] : tables.meetings.rows.map((r) => readRow(meetingsTemplate, head.index, r))
  const ids = new Set(reads.flatMap((r) => (str(r.values.id) === undefined ? [] : [str(r.values.id)!])))
  const attendance = groupRows(tables.attendance, attendanceTemplate, ids)
  const resolutions = groupRows(tables.resolutions, resolutionsTemplate, ids)
  const fileIssues = [...head.issues, ...attendance.fileIssues, ...resolutions.fileIssues]
  const seen = new Map<string, number>()
  const units = reads.map((read): ImportUnit => {
    const id = str(read.values.id)
    const first = id === undefined ? undefined : seen.get(id)
    if (id !== undefined && first === undefined) seen.set(id, read.row)
    const extra: Array<ImportIssue> =
      first === undefined
        ? []
        : [{ ...placeIn(meetingsTemplate, read.row, "id"), code: "duplicate", text: { zh: `会议编号与第 ${first} 行重复`, en: `the meeting id repeats row ${first}` } }]
    const own = id === undefined || first !== undefined ? { a: [], r: [] } : { a: attendance.byMeeting.get(id) ?? [], r: resolutions.byMeeting.get(id) ?? [] }
    return meetingUnit(ctx, read, own.a, own.r, extra)
  })
  // Rows that name no meeting of the file: reported with the first unit, so that they count as problems.
  const orphans = [...attendance.issues, ...resolutions.issues]
  const withOrphans =
    orphans.length === 0 || units.length === 0 ? units : [{ ...units[0]!, issues: [...units[0]!.issues, ...orphans] }, ...units.slice(1)]
  return { what: "meetings", units: withOrphans, fileIssues: units.length === 0 && orphans.length > 0 ? [...fileIssues, ...orphans] : fileIssues, sources, action: "meeting.record" }
}

/** The files of a meetings import: a workbook with sheets 会议, 出勤 and 决议, or one CSV file per table. */
export interface MeetingFiles {
  /** The meetings: a CSV file, or a workbook (its 出勤 and 决议 sheets are read too unless files are given below). */
  readonly meetings: ImportFile
  /** 出勤 — the attendance, one row per member due at each meeting. */
  readonly attendance?: ImportFile
  /** 决议 — the resolutions and their votes. */
  readonly resolutions?: ImportFile
}

/**
 * 导入会议记录 — reads held meetings with their attendance and resolutions (a workbook with sheets
 * 会议, 出勤, 决议, or a CSV file for each), validates each meeting through
 * `meetingService.recordMeeting` (the roster due that day, quorum, chair and thresholds, dates not
 * after today; nothing written while validating), and writes every new meeting with its attendance
 * records in one `importBatch`. All or nothing by default; importing the same files again writes
 * nothing. The roster must be imported (or entered) first: attendance is checked against it.
 */
export const importMeetings = (
  ctx: CommandContext,
  files: MeetingFiles,
  options: ImportOptions = {}
): Effect.Effect<ImportReport, ImportRejected | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const meetings = (yield* readTable(files.meetings, meetingsTemplate, true))!
    // A table comes from its own file when given, else from the meetings workbook's sheet (a CSV file holds one table).
    const secondary = (file: ImportFile | undefined, spec: TableSpec) =>
      file !== undefined ? readTable(file, spec, true) : isXlsx(files.meetings) ? readTable(files.meetings, spec, false, false) : Effect.succeed(undefined)
    const attendance = yield* secondary(files.attendance, attendanceTemplate)
    const resolutions = yield* secondary(files.resolutions, resolutionsTemplate)
    const sources = [files.meetings, files.attendance, files.resolutions].flatMap((f) => (f === undefined ? [] : [f.bytes]))
    const plan = meetingsPlan(ctx, { meetings, attendance, resolutions }, sources)
    return yield* runImport(ctx, plan, options)
  })

