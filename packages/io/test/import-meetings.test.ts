import { readFileSync } from "node:fs"
import { attendanceKind, meetingKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { formatIssue, type ImportRejected, importMeetings } from "../src/index.js"
import { ctx, run, seedMembers, seedOrganizations, stores } from "./fixture.js"

const csv = (...lines: ReadonlyArray<string>) => ({ bytes: new TextEncoder().encode(lines.join("\r\n")) })
const meetingsHeader = "会议编号,党组织编号,会议类型,会议日期,主持人编号,主题"
const attendanceHeader = "会议编号,人员编号,出勤情况,请假原因"
const roster = ["p-001", "p-002", "p-003", "p-004", "p-005"]
const attendanceOf = (meetingId: string, statuses: ReadonlyArray<string> = roster.map(() => "出席")) =>
  roster.map((id, i) => `${meetingId},${id},${statuses[i]},${statuses[i] === "请假" ? "病假" : ""}`)

const importInto = (layer: (typeof stores)[number][1], files: Parameters<typeof importMeetings>[1]) =>
  run(
    layer,
    Effect.gen(function* () {
      yield* seedOrganizations
      yield* seedMembers
      const outcome = yield* Effect.either(importMeetings(ctx, files))
      const store = yield* Store
      return { outcome, meetings: yield* store.list(meetingKind, "t1"), attendance: yield* store.list(attendanceKind, "t1") }
    })
  )

const issuesOf = (outcome: Either.Either<unknown, unknown>) => {
  if (Either.isRight(outcome)) throw new Error("expected the import to be refused")
  return (outcome.left as ImportRejected).issues
}

describe.each(stores)("importMeetings on %s", (_name, layer) => {
  it("records each meeting with one attendance record per member due, in one batch", async () => {
    const { outcome, meetings, attendance } = await importInto(layer, {
      meetings: csv(meetingsHeader, "m1,b1,主题党日、党员大会,2026/5/8,p-001,学习党章", "m2,b1,支委会,2026-05-20,p-001,"),
      attendance: csv(attendanceHeader, ...attendanceOf("m1", ["出席", "出席", "出席", "请假", "缺席"]), "m2,p-001,出席,", "m2,p-002,出席,", "m2,p-003,出席,")
    })
    expect(Either.getOrThrow(outcome)).toMatchObject({ applied: true, rows: 2, imported: 2, recordsWritten: 10 })
    expect(meetings.map((m) => [m.id, m.kinds, m.date, m.counts.due, m.counts.present])).toEqual([
      ["m1", ["themeDay", "generalAssembly"], "2026-05-08", 5, 3],
      ["m2", ["committee"], "2026-05-20", 3, 3]
    ])
    expect(attendance.filter((a) => a.meetingId === "m1").map((a) => a.status)).toEqual(["present", "present", "present", "leave", "absent"])
  })

  it("refuses meetings the rules refuse — after today, attendance not the roster, no leave reason, an unknown branch — and writes none", async () => {
    const { outcome, meetings, attendance } = await importInto(layer, {
      meetings: csv(
        meetingsHeader,
        "m1,b1,主题党日,2026-05-08,p-001,", // fine
        "m2,b1,主题党日,2026-07-01,p-001,", // row 3: after today (2026-06-01)
        "m3,b1,主题党日,2026-05-09,p-001,", // row 4: p-005 missing from the attendance
        "m4,b9,主题党日,2026-05-10,p-001,", // row 5: no such branch
        "m5,b1,主题党日,2026-05-11,p-001," // row 6: leave without a reason
      ),
      attendance: csv(
        attendanceHeader,
        ...attendanceOf("m1"),
        ...attendanceOf("m2"),
        ...attendanceOf("m3").slice(0, 4),
        ...attendanceOf("m4"),
        "m5,p-001,请假,",
        ...attendanceOf("m5").slice(1),
        "m9,p-001,出席," // names no meeting of the file
      )
    })
    expect(meetings).toEqual([])
    expect(attendance).toEqual([])
    const issues = issuesOf(outcome)
    expect(issues.map((i) => [i.table, i.row, i.column, i.code])).toEqual([
      ["meetings", 3, "会议日期", "refused"],
      ["meetings", 4, null, "refused"],
      ["meetings", 5, "党组织编号", "notFound"],
      ["attendance", 21, "请假原因", "refused"],
      ["attendance", 26, "会议编号", "notFound"]
    ])
    expect(issues[1]!.text.zh).toContain("陈静")
    const doc = readFileSync(new URL("../../../docs/import-templates.md", import.meta.url), "utf8")
    for (const issue of issues.slice(0, 2)) expect(doc).toContain(formatIssue(issue, "zh"))
  })

  it("a workbook's 会议 and 出勤 sheets are read together; importing it again adds nothing", async () => {
    const ExcelJS = (await import("exceljs")).default
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet("会议").addRows([meetingsHeader.split(","), ["m1", "b1", "主题党日", "2026-05-08", "p-001", "学习"]])
    workbook.addWorksheet("出勤").addRows([attendanceHeader.split(","), ...attendanceOf("m1").map((l) => l.split(","))])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const reports = await run(
      layer,
      Effect.gen(function* () {
        yield* seedOrganizations
        yield* seedMembers
        return [yield* importMeetings(ctx, { meetings: { bytes } }), yield* importMeetings(ctx, { meetings: { bytes } })]
      })
    )
    expect(reports.map((r) => [r.applied, r.imported, r.unchanged, r.recordsWritten])).toEqual([
      [true, 1, 0, 6],
      [false, 0, 1, 0]
    ])
  })
})
