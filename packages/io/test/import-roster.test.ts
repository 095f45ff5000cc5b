import { readFileSync } from "node:fs"
import { memberKind, Store } from "@zhibu/core/store"
import ExcelJS from "exceljs"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import iconv from "iconv-lite"
import { describe, expect, it } from "vitest"
import { formatIssue, type ImportProgress, type ImportRejected, importRoster } from "../src/index.js"
import { ctx, idFor, run, seedOrganizations, stores } from "./fixture.js"

const utf8 = (text: string) => new TextEncoder().encode(text)
const header = "人员编号,姓名,性别,出生日期,所在党组织编号,人员类别,身份证号,联系电话,入党申请日期,入党时间,转正时间"
const good = [
  `p-101,王晓红,女,1990-03-07,b1,教师,${idFor("1990-03-07")},13812345678,,2015/7/1,2016年7月1日`,
  "p-102,李明,男,1999-11-30,b1,职工,,,2026-02-01,,"
]

const members = Effect.flatMap(Store, (s) => s.list(memberKind, "t1"))

/** Imports into a store with the organizations; returns the outcome and the member files stored afterwards. */
const importInto = (layer: (typeof stores)[number][1], bytes: Uint8Array, options = {}) =>
  run(
    layer,
    Effect.gen(function* () {
      yield* seedOrganizations
      const outcome = yield* Effect.either(importRoster(ctx, { bytes }, options))
      return { outcome, stored: yield* members }
    })
  )

const issuesOf = (outcome: Either.Either<unknown, unknown>) => {
  if (Either.isRight(outcome)) throw new Error("expected the import to be refused")
  return (outcome.left as ImportRejected).issues
}

describe.each(stores)("importRoster on %s", (_name, layer) => {
  it("imports a UTF-8 CSV file: existing members and applicants, dates as people type them", async () => {
    const { outcome, stored } = await importInto(layer, utf8([header, ...good].join("\r\n")))
    expect(Either.getOrThrow(outcome)).toMatchObject({ applied: true, rows: 2, imported: 2, recordsWritten: 2, unchanged: 0 })
    expect(stored.map((m) => [m.id, m.stage, m.joinedOn, m.convertedOn])).toEqual([
      ["p-101", "full", "2015-07-01", "2016-07-01"],
      ["p-102", "applicant", null, null]
    ])
  })

  it("reads GB18030 (GBK) bytes, as Excel in China saves CSV, the same as UTF-8 with a BOM", async () => {
    const text = [header, ...good].join("\r\n")
    const gbk = iconv.encode(text, "gb18030")
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow()
    const fromGbk = await importInto(layer, new Uint8Array(gbk))
    const fromBom = await importInto(layer, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))
    expect(fromGbk.stored.map((m) => m.name)).toEqual(["王晓红", "李明"])
    expect(fromGbk.stored).toEqual(fromBom.stored)
  })

  it("bad rows are refused with their row, column and rule, in zh and en, and nothing is imported", async () => {
    const badId = `${idFor("1985-01-01").slice(0, 17)}${idFor("1985-01-01").endsWith("0") ? "1" : "0"}`
    const rows = [
      ...good,
      `p-103,张伟,女,1985-01-01,b1,教师,${badId},,2026-01-05,,`, // row 4: the check character is wrong
      "p-104,刘芳,男,1985-01-01,b9,教师,,,2026-01-05,,", // row 5: no such branch
      "p-105,陈静,女,1990-01-01,b1,教师,,,2026-12-01,,", // row 6: applied after today (2026-06-01)
      "p-106,赵敏,女,1990-01-01,b1,老师,,,2026-01-05,,", // row 7: not a category
      "p-101,王晓红,女,1990-03-07,b1,教师,,,2026-01-05,," // row 8: the id of row 2 again
    ]
    const { outcome, stored } = await importInto(layer, utf8([header, ...rows].join("\n")))
    expect(stored).toEqual([])
    const issues = issuesOf(outcome)
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, "身份证号", "invalid"],
      [5, "所在党组织编号", "notFound"],
      [6, "入党申请日期", "refused"],
      [7, "人员类别", "invalid"],
      [8, "人员编号", "duplicate"]
    ])
    expect(issues[0]!.expected?.zh).toContain("18 位居民身份证号")
    expect(issues[2]!.ruleId).toBe("member.steps.order")
    expect(formatIssue(issues[0]!, "zh")).toMatch(/^党员名册 第 4 行「身份证号」：应为18 位居民身份证号/)
    expect(formatIssue(issues[1]!, "en")).toBe("roster row 5, column 所在党组织编号 (organizationId): there is no organization with the id b9 (or you may not see it)")
    expect(formatIssue(issues[3]!, "zh")).toContain("教师、职工、学生、退休人员、其他")
    // docs/import-templates.md quotes these messages as they are.
    const doc = readFileSync(new URL("../../../docs/import-templates.md", import.meta.url), "utf8")
    for (const issue of issues.slice(0, 4)) expect(doc).toContain(formatIssue(issue, "zh"))
    // The ID number itself is never repeated in a message.
    expect(JSON.stringify(issues)).not.toContain(badId)
  })

  it("an ID number whose birth date is not the row's birth date is refused at the ID number", async () => {
    const { outcome } = await importInto(layer, utf8([header, `p-107,张伟,女,1985-01-02,b1,教师,${idFor("1985-01-01")},,2026-01-05,,`].join("\n")))
    const issues = issuesOf(outcome)
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, "身份证号", "invalid"]])
    expect(readFileSync(new URL("../../../docs/import-templates.md", import.meta.url), "utf8")).toContain(formatIssue(issues[0]!, "zh"))
  })

  it("a wrong header refuses the file before any row: a column not in the template, a required one missing", async () => {
    const { outcome, stored } = await importInto(layer, utf8(["人员编号,名字,性别,出生日期,所在党组织编号,人员类别,入党申请日期", "p-1,王,女,1990-01-01,b1,教师,2026-01-01"].join("\n")))
    expect(stored).toEqual([])
    const issues = issuesOf(outcome)
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [null, "名字", "header"],
      [null, "姓名", "header"]
    ])
    const doc = readFileSync(new URL("../../../docs/import-templates.md", import.meta.url), "utf8")
    for (const issue of issues) expect(doc).toContain(formatIssue(issue, "zh"))
  })

  it("importing the same file twice writes nothing the second time", async () => {
    const bytes = utf8([header, ...good].join("\n"))
    const [first, second, audit] = await run(
      layer,
      Effect.gen(function* () {
        yield* seedOrganizations
        const first = yield* importRoster(ctx, { bytes })
        const second = yield* importRoster(ctx, { bytes })
        const store = yield* Store
        return [first, second, yield* store.auditLog("t1")] as const
      })
    )
    expect(first).toMatchObject({ applied: true, imported: 2 })
    expect(second).toMatchObject({ applied: false, imported: 0, unchanged: 2, recordsWritten: 0 })
    expect(second.batchId).toBe(first.batchId)
    expect(audit.filter((e) => e.kind === "member")).toHaveLength(2)
  })

  it("mode validRows writes the good rows and lists the others", async () => {
    const { outcome, stored } = await importInto(layer, utf8([header, ...good, "p-104,刘芳,男,1985-01-01,b9,教师,,,2026-01-05,,"].join("\n")), { mode: "validRows" })
    expect(Either.getOrThrow(outcome)).toMatchObject({ imported: 2, skipped: 1, issues: [{ row: 4, code: "notFound" }] })
    expect(stored.map((m) => m.id)).toEqual(["p-101", "p-102"])
  })
})

describe("importRoster", () => {
  it("reads an XLSX workbook: its 党员名册 sheet, dates as Excel dates, numbers as text", async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("党员名册")
    sheet.addRow(["人员编号", "姓名（name）", "*性别", "出生日期", "所在党组织编号", "人员类别", "入党申请日期"])
    sheet.addRow(["p-201", "王晓红", "女", new Date(Date.UTC(1990, 2, 7)), "b1", "教师", new Date(Date.UTC(2026, 0, 5))])
    sheet.addRow([])
    sheet.addRow([202, "李明", "男", "1999-11-30", "b1", "学生", "2026-02-01"])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { outcome, stored } = await importInto(stores[0]![1], bytes)
    expect(Either.getOrThrow(outcome)).toMatchObject({ rows: 2, imported: 2 })
    expect(stored.map((m) => [m.id, m.birthDate, m.steps[0]?.date])).toEqual([
      ["202", "1999-11-30", "2026-02-01"],
      ["p-201", "1990-03-07", "2026-01-05"]
    ])
  })

  it("reports progress as rows are validated and records written", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `p-${1000 + i},人员${i},女,1990-01-01,b1,教师,,,2026-01-05,,`)
    const progress: Array<ImportProgress> = []
    const { outcome } = await importInto(stores[0]![1], utf8([header, ...rows].join("\n")), { onProgress: (p: ImportProgress) => progress.push(p), progressEvery: 100 })
    expect(Either.getOrThrow(outcome)).toMatchObject({ imported: 250, recordsWritten: 250 })
    expect(progress.map((p) => [p.phase, p.rowsValidated, p.recordsWritten])).toEqual([
      ["validating", 100, 0],
      ["validating", 200, 0],
      ["validating", 250, 0],
      ["writing", 250, 0],
      ["done", 250, 250]
    ])
  })

  it("an importer without the right to register at the branch gets a forbidden issue, and nothing is written", async () => {
    const { ctxAs } = await import("./fixture.js")
    const member = ctxAs("p-001", [{ role: "member", organizationId: "b1" }])
    const result = await run(
      stores[0]![1],
      Effect.gen(function* () {
        yield* seedOrganizations
        return yield* Effect.either(importRoster(member, { bytes: utf8([header, good[1]!].join("\n")) }))
      })
    )
    expect(issuesOf(result).map((i) => [i.row, i.column, i.code])).toEqual([[2, "所在党组织编号", "forbidden"]])
  })
})
