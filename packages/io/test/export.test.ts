import { Store, type StoreShape } from "@zhibu/core/store"
import ExcelJS from "exceljs"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { exportLedgerCsv, exportLedgersXlsx, ledgerIds, neutralizeCell, restoreCell } from "../src/index.js"
import { collect, ctx, ctxAs, organizations, run, seedMeetings, seedMembers, seedOrganizations, stores } from "./fixture.js"

const seeded = <A, E>(program: Effect.Effect<A, E, Store>) =>
  run(
    stores[0]![1],
    Effect.gen(function* () {
      yield* seedOrganizations
      yield* seedMembers
      yield* seedMeetings
      return yield* program
    })
  )

const csvRows = (bytes: Uint8Array): Array<Array<string>> => parse(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true })

const xlsxSheets = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  const sheets: Record<string, Array<Array<unknown>>> = {}
  workbook.eachSheet((sheet) => {
    const rows: Array<Array<unknown>> = []
    sheet.eachRow((row) => rows.push((row.values as Array<unknown>).slice(1)))
    sheets[sheet.name] = rows
  })
  return sheets
}

describe("formula injection", () => {
  it("a text cell beginning with = + - @ (or a tab or CR) gets a leading quote; others are unchanged; import restores it", () => {
    for (const s of ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutralizeCell(s)).toBe(`'${s}`)
      expect(restoreCell(neutralizeCell(s))).toBe(s)
    }
    for (const s of ["学习党章", "2026-05-08", "p-001", "'quoted", "", "a=b"]) expect(neutralizeCell(s)).toBe(s)
  })

  it("the CSV and the XLSX export guard a topic that is a formula", async () => {
    const [csv, xlsx] = await seeded(
      Effect.all([collect(exportLedgerCsv(ctx, "meetings", { organizationId: "b1" })), collect(exportLedgersXlsx(ctx, ["meetings"], { organizationId: "b1" }))])
    )
    const text = new TextDecoder().decode(csv)
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")学习党章"`)
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m)
    const sheet = (await xlsxSheets(xlsx)).会议!
    const topic = sheet[0]!.indexOf("主题")
    const row = sheet.find((r) => r[0] === "b1-2026-05-theme")!
    expect(row[topic]).toBe(`'=HYPERLINK("http://evil")学习党章`)
    // No cell of the workbook is a formula.
    expect(sheet.flat().some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false)
  })
})

describe("ledger exports", () => {
  it("CSV starts with a UTF-8 byte-order mark and the template's Chinese headers; English on request", async () => {
    const [zh, en] = await seeded(
      Effect.all([collect(exportLedgerCsv(ctx, "attendance", { organizationId: "c1" })), collect(exportLedgerCsv(ctx, "attendance", { organizationId: "c1", headers: "en" }))])
    )
    expect([...zh.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csvRows(zh)[0]).toEqual(["会议编号", "人员编号", "姓名", "出勤情况", "请假原因", "会议日期", "有表决权"])
    expect(csvRows(en)[0]).toEqual(["Meeting ID", "Person ID", "Name", "Status", "Leave reason", "Date", "Voting"])
    expect(csvRows(zh)).toHaveLength(11)
  })

  it("personal data is masked by default, in CSV and XLSX; full values only when asked (and audited)", async () => {
    const [csv, xlsx, full, audit] = await seeded(
      Effect.gen(function* () {
        const csv = yield* collect(exportLedgerCsv(ctx, "roster", { organizationId: "c1" }))
        const xlsx = yield* collect(exportLedgersXlsx(ctx, ["roster"], { organizationId: "c1" }))
        const full = yield* collect(exportLedgerCsv(ctx, "roster", { organizationId: "c1", personalData: "full" }))
        const store = yield* Store
        return [csv, xlsx, full, yield* store.auditLog("t1")] as const
      })
    )
    const rows = csvRows(csv)
    const id = rows[0]!.indexOf("身份证号")
    const phone = rows[0]!.indexOf("联系电话")
    expect(rows[1]![id]).toMatch(/^11\*{14}\d\d$/)
    expect(rows[1]![phone]).toBe("138****5670")
    const sheet = (await xlsxSheets(xlsx)).党员名册!
    expect(sheet[1]![id]).toMatch(/^11\*{14}\d\d$/)
    expect(csvRows(full)[1]![id]).toMatch(/^110105\d{11}[\dX]$/)
    expect(audit.filter((e) => e.action === "member.readPersonalData")).toHaveLength(5)
  })

  it("every ledger exports to CSV and all of them to one XLSX workbook, a sheet each", async () => {
    const [csvs, xlsx] = await seeded(
      Effect.all([
        Effect.forEach(ledgerIds, (id) => collect(exportLedgerCsv(ctx, id, { organizationId: "c1", from: "2026-01-01", to: "2026-12-31" }))),
        collect(exportLedgersXlsx(ctx, ledgerIds, { organizationId: "c1" }))
      ])
    )
    expect(csvs.map((b) => csvRows(b).length)).toEqual([7, 2, 3, 11, 2, 1, 1, 1, 1, 1])
    const sheets = await xlsxSheets(xlsx)
    expect(Object.keys(sheets)).toEqual(["党员名册", "发展党员", "会议", "出勤", "决议", "党费", "党费交纳", "学时", "民主评议", "整改台账"])
    expect(sheets.发展党员).toHaveLength(2)
    expect(sheets.出勤).toHaveLength(11)
  })

  it("an organization the actor cannot see is NotFound, one it may not read is Forbidden, before any byte", async () => {
    const stranger = ctxAs("x-1", [{ role: "branchSecretary", organizationId: "elsewhere" }])
    const member = ctxAs("p-003", [{ role: "member", organizationId: "b1" }])
    const [unseen, forbidden] = await seeded(
      Effect.all([Effect.either(collect(exportLedgerCsv(stranger, "meetings", { organizationId: "b1" }))), Effect.either(collect(exportLedgerCsv(member, "meetings", { organizationId: "b1" })))])
    )
    expect(Either.isLeft(unseen) && unseen.left._tag).toBe("ZhibuNotFound")
    expect(Either.isLeft(forbidden) && forbidden.left._tag).toBe("ZhibuForbidden")
  })
})

/**
 * A store that makes attendance records as they are asked for, a page at a time, and keeps none:
 * what stays in memory during an export is the exporter's own.
 */
const generatedStore = (total: number, onList: (page: number) => void): StoreShape => {
  let pages = 0
  const record = (i: number) => ({
    tenantId: "t1",
    id: `a${String(i).padStart(8, "0")}`,
    version: 1,
    meetingId: `m${Math.floor(i / 30)}`,
    memberId: `p-${i % 30}`,
    organizationId: "b1",
    branchId: "b1",
    date: "2026-05-08",
    status: i % 7 === 0 ? "leave" : "present",
    ...(i % 7 === 0 ? { leaveReason: "外出培训，另行补学" } : {}),
    voting: true
  })
  const list: StoreShape["list"] = (kind, _tenant, _filter, options) =>
    Effect.sync(() => {
      if (kind.name === "organization") return organizations as never
      if (kind.name !== "attendance") return []
      onList(pages++)
      const start = options?.afterId === undefined ? 0 : Number(options.afterId.slice(1)) + 1
      const end = Math.min(total, start + (options?.limit ?? total))
      return Array.from({ length: Math.max(0, end - start) }, (_, k) => record(start + k)) as never
    })
  const none = () => Effect.die("not used")
  return { list, get: none, aggregate: none, write: none, importBatch: none, auditLog: none } as unknown as StoreShape
}

describe("large exports stream", () => {
  const measure = async (total: number, format: "csv" | "xlsx") => {
    let bytes = 0
    const seenAtList: Array<number> = []
    const store = generatedStore(total, () => {
      seenAtList.push(bytes)
    })
    const stream = format === "csv" ? exportLedgerCsv(ctx, "attendance", { organizationId: "c1" }) : exportLedgersXlsx(ctx, ["attendance"], { organizationId: "c1" })
    await Effect.runPromise(
      Stream.runForEach(stream, (chunk) => Effect.sync(() => (bytes += chunk.length))).pipe(Effect.provideService(Store, store))
    )
    return { bytes, seenAtList }
  }

  it("CSV: 300,000 attendance rows are written page by page, each page out before the next is read", async () => {
    const { bytes, seenAtList } = await measure(300_000, "csv")
    expect(bytes).toBeGreaterThan(300_000 * 35)
    expect(seenAtList).toHaveLength(601)
    // Before each page after the first is read, the previous page's bytes have reached the consumer.
    for (let i = 1; i < seenAtList.length; i++) expect(seenAtList[i]!).toBeGreaterThan(seenAtList[i - 1]!)
    // Memory itself is a benchmark figure (docs/benchmarks.md), not a test: a heap reading depends on
    // when the collector runs, which a busy machine changes. The order above is what proves streaming.
  })

  it("XLSX: 100,000 rows through exceljs's streaming writer, page by page", async () => {
    const { bytes, seenAtList } = await measure(100_000, "xlsx")
    expect(bytes).toBeGreaterThan(500_000)
    expect(seenAtList).toHaveLength(201)
    for (let i = 1; i < seenAtList.length; i++) expect(seenAtList[i]!).toBeGreaterThanOrEqual(seenAtList[i - 1]!)
  })
})
