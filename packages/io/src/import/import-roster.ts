import { type CommandContext, chinaDate, memberService, type StoreUnavailable } from "@zhibu/core"
import type { Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import type { Table } from "../table/table.js"
import type { InputValue } from "./columns.js"
import { resolveHeaders } from "./headers.js"
import type { ImportIssue, ImportRejected } from "./issue.js"
import { rosterTemplate } from "./roster-template.js"
import { readRow } from "./row.js"
import { type ImportOptions, type ImportPlan, type ImportReport, type ImportUnit, runImport } from "./run-import.js"
import type { LocatePath, LocateRefusal } from "./service-issue.js"
import { type ImportFile, readTable } from "./source.js"

const byKey = new Map(rosterTemplate.columns.map((c) => [c.key, c]))

const placeOf = (row: number, key: string | null) => {
  const column = key === null ? undefined : byKey.get(key)
  return { table: "roster", row, column: column?.zh ?? null, field: column === undefined ? null : key }
}

const person = ["id", "name", "gender", "birthDate", "organizationId", "partyGroupId", "category", "idNumber", "phone"] as const
const applicantOnly = ["applicationDate", "materials", "note"] as const
const memberOnly = ["joinedOn", "convertedOn", "lastContactOn"] as const

const pick = (values: Readonly<Record<string, InputValue>>, keys: ReadonlyArray<string>): Record<string, InputValue> =>
  Object.fromEntries(keys.flatMap((k) => (values[k] === undefined ? [] : [[k, values[k]]])))

/** The column a refusal of a member row concerns: by the rule that refused it, or the date after today. */
const refusalColumn = (ruleId: string | undefined, values: Readonly<Record<string, InputValue>>, today: string): string | null => {
  const existing = values.joinedOn !== undefined
  if (ruleId === "member.application.minimumAge") return existing ? "joinedOn" : "birthDate"
  if (ruleId === "member.steps.order") return "applicationDate"
  if (ruleId?.startsWith("member.probation") === true) return "convertedOn"
  if (existing) return typeof values.joinedOn === "string" && values.joinedOn > today ? "joinedOn" : "convertedOn"
  return null
}

/** The issue of a row whose 发展阶段 / 状态 cells say it is not what the row enters. */
const stageIssue = (row: number, values: Readonly<Record<string, InputValue>>, existing: boolean): ImportIssue | undefined => {
  const issue = (key: string, text: ImportIssue["text"]): ImportIssue => ({ ...placeOf(row, key), code: "refused", text })
  const { stage, status } = values
  if (status !== undefined && status !== "active") {
    return issue("status", { zh: "只能导入“在册”的人员；已转出、除名等档案请通过党员服务记录", en: "only active files are imported; record exits through the member service" })
  }
  if (stage === "activist" || stage === "candidate") {
    return issue("stage", {
      zh: "导入只建立入党申请人和已有党员的档案；入党积极分子、发展对象的档案请通过党员服务逐步记录",
      en: "an import enters applicants and existing members only; record an activist's or candidate's file step by step through the member service"
    })
  }
  const expected = existing ? (values.convertedOn === undefined ? "probationary" : "full") : "applicant"
  if (stage !== undefined && stage !== expected) {
    return issue("stage", {
      zh: "发展阶段与该行不符：有入党申请日期为入党申请人，有入党时间为预备党员，另有转正时间为正式党员",
      en: "the stage does not agree with the row: an application date is an applicant, a joining date a probationary member, with a conversion date a full member"
    })
  }
  return undefined
}

/** The unit of one roster row: its service call, or the issues that keep it from being made. */
const rosterUnit = (ctx: CommandContext, row: number, values: Readonly<Record<string, InputValue>>, cellIssues: ReadonlyArray<ImportIssue>): ImportUnit => {
  const existing = values.joinedOn !== undefined
  const locatePath: LocatePath = (path) => {
    const key = path.split(/[.[]/)[0] ?? ""
    // A check on the whole input is the ID number's birth date against the birth date.
    return placeOf(row, key === "" ? "idNumber" : byKey.has(key) ? key : null)
  }
  const locateRefusal: LocateRefusal = (r) => placeOf(row, refusalColumn(r.ruleId, values, chinaDate(ctx.now)))
  const issues: Array<ImportIssue> = [...cellIssues]
  if (issues.length === 0) {
    if (existing && values.applicationDate !== undefined) {
      issues.push({
        ...placeOf(row, "applicationDate"),
        code: "invalid",
        text: { zh: "入党申请日期（申请人）与入党时间（党员）只填其一", en: "give either the application date (an applicant) or the joining date (a member), not both" }
      })
    } else if (!existing && values.applicationDate === undefined) {
      issues.push({
        ...placeOf(row, "applicationDate"),
        code: "missing",
        text: { zh: "入党申请人须填入党申请日期，党员须填入党时间", en: "an applicant needs the application date, a member the joining date" }
      })
    } else {
      const stage = stageIssue(row, values, existing)
      if (stage !== undefined) issues.push(stage)
    }
  }
  const run = existing
    ? memberService.enterExistingMember(ctx, pick(values, [...person, ...memberOnly, ...applicantOnly.filter((k) => k !== "applicationDate")]) as never)
    : memberService.registerApplicant(ctx, pick(values, [...person, ...applicantOnly, ...memberOnly]) as never)
  return { issues, run, locatePath, locateRefusal }
}

/** Duplicate ids in the file: an issue on each later row. */
const duplicateIssue = (row: number, first: number): ImportIssue => ({
  ...placeOf(row, "id"),
  code: "duplicate",
  text: { zh: `人员编号与第 ${first} 行重复`, en: `the person id repeats row ${first}` }
})

/** The import plan of a roster table. */
export const rosterPlan = (ctx: CommandContext, table: Table, source: Uint8Array): ImportPlan => {
  const { index, issues } = resolveHeaders(table, rosterTemplate)
  const seen = new Map<string, number>()
  const units = issues.length > 0 ? [] : table.rows.map((r) => {
    const read = readRow(rosterTemplate, index, r)
    const id = typeof read.values.id === "string" ? read.values.id : undefined
    const first = id === undefined ? undefined : seen.get(id)
    if (id !== undefined && first === undefined) seen.set(id, r.row)
    return rosterUnit(ctx, r.row, read.values, first === undefined ? read.issues : [...read.issues, duplicateIssue(r.row, first)])
  })
  return { what: "roster", units, fileIssues: issues, sources: [source], action: "member.register" }
}

/**
 * 导入党员名册 — reads a roster (CSV in UTF-8 or GBK, or an XLSX workbook with a sheet 党员名册 or a
 * single sheet) laid out as `docs/import-templates.md` says, validates every row through the member
 * service (`registerApplicant` or `enterExistingMember`: the same decoding, authorization and rules,
 * nothing written while validating), and writes the new files in one `importBatch`. By default a
 * file with any problem is refused whole ({@link ImportRejected} lists every issue by row and column)
 * and nothing is written; importing the same file again writes nothing.
 */
export const importRoster = (
  ctx: CommandContext,
  file: ImportFile,
  options: ImportOptions = {}
): Effect.Effect<ImportReport, ImportRejected | StoreUnavailable, Store> =>
  Effect.flatMap(readTable(file, rosterTemplate, true), (table) => runImport(ctx, rosterPlan(ctx, table!, file.bytes), options))
