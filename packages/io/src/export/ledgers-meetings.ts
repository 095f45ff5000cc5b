import type { AttendanceRecord, Meeting, Resolution } from "@zhibu/core"
import { majorMatterNames, meetingKindNames } from "@zhibu/core/rules"
import { attendanceKind, meetingKind, streamRecords } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { attendanceStatusNames } from "../import/meeting-template.js"
import { type Cell, defineLedger } from "./ledger.js"
import { dateRange, exportScope, memberNames } from "./scope.js"

const kindName = (id: string): string => (meetingKindNames as Readonly<Record<string, { zh: string }>>)[id]?.zh ?? id
const yesNo = (b: boolean): string => (b ? "是" : "否")
const lines = (items: ReadonlyArray<string>): Cell => (items.length === 0 ? null : items.join("\n"))

/** The meetings of the subtree's branches in the date range, streamed from the store by id. */
const meetingsOf = (ctx: Parameters<typeof exportScope>[0], request: Parameters<typeof exportScope>[1]) =>
  Effect.map(exportScope(ctx, request, "meeting.read"), (scope) => {
    const date = dateRange(request)
    return streamRecords(meetingKind, ctx.tenantId, { organizationId: [...scope.ids], ...(date === undefined ? {} : { date }) })
  })

/** 会议记录台账 — each held meeting in the meetings template's columns (so the file imports back), with its counts. */
export const meetingsLedger = defineLedger<Meeting>({
  id: "meetings",
  title: { zh: "会议", en: "meetings" },
  rows: meetingsOf,
  columns: [
    { header: { zh: "会议编号", en: "Meeting ID" }, value: (m) => m.id, text: true },
    { header: { zh: "党组织编号", en: "Organization ID" }, value: (m) => m.organizationId, text: true },
    { header: { zh: "会议类型", en: "Kinds" }, value: (m) => m.kinds.map(kindName).join("、") },
    { header: { zh: "会议日期", en: "Date" }, value: (m) => m.date },
    { header: { zh: "开始时间", en: "Start time" }, value: (m) => m.startTime ?? null },
    { header: { zh: "结束时间", en: "End time" }, value: (m) => m.endTime ?? null },
    { header: { zh: "地点", en: "Place" }, value: (m) => m.place ?? null },
    { header: { zh: "主持人编号", en: "Chair ID" }, value: (m) => m.chairId, text: true },
    { header: { zh: "授课人编号", en: "Lecturer ID" }, value: (m) => m.lecturer?.personId ?? null, text: true },
    { header: { zh: "授课人姓名", en: "Lecturer name" }, value: (m) => m.lecturer?.name ?? null },
    { header: { zh: "主题", en: "Topic" }, value: (m) => m.topic ?? null },
    { header: { zh: "议程", en: "Agenda" }, value: (m) => lines(m.agenda) },
    { header: { zh: "会议记录编号", en: "Minutes reference" }, value: (m) => m.minutesRef ?? null },
    { header: { zh: "班子应到人数", en: "Body due" }, value: (m) => m.bodyCounts?.due ?? null },
    { header: { zh: "班子实到人数", en: "Body present" }, value: (m) => m.bodyCounts?.present ?? null },
    { header: { zh: "应到人数", en: "Due" }, value: (m) => m.counts.due },
    { header: { zh: "实到人数", en: "Present" }, value: (m) => m.counts.present }
  ]
})

interface AttendanceRow {
  readonly record: AttendanceRecord
  readonly name: string | null
}

/** 出勤台账 — one row per member due at each meeting, with the member's name. */
export const attendanceLedger = defineLedger<AttendanceRow>({
  id: "attendance",
  title: { zh: "出勤", en: "attendance" },
  rows: (ctx, request) =>
    Effect.gen(function* () {
      const scope = yield* exportScope(ctx, request, "meeting.read")
      const names = yield* memberNames(ctx, scope)
      const date = dateRange(request)
      return streamRecords(attendanceKind, ctx.tenantId, { organizationId: [...scope.ids], ...(date === undefined ? {} : { date }) }).pipe(
        Stream.map((record) => ({ record, name: names.get(record.memberId) ?? null }))
      )
    }),
  columns: [
    { header: { zh: "会议编号", en: "Meeting ID" }, value: (r) => r.record.meetingId, text: true },
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.record.memberId, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.name },
    { header: { zh: "出勤情况", en: "Status" }, value: (r) => attendanceStatusNames[r.record.status].zh },
    { header: { zh: "请假原因", en: "Leave reason" }, value: (r) => r.record.leaveReason ?? null },
    { header: { zh: "会议日期", en: "Date" }, value: (r) => r.record.date },
    { header: { zh: "有表决权", en: "Voting" }, value: (r) => yesNo(r.record.voting) }
  ]
})

interface ResolutionRow {
  readonly meetingId: string
  readonly resolution: Resolution
}

/** 决议台账 — each resolution of the meetings, with its votes. */
export const resolutionsLedger = defineLedger<ResolutionRow>({
  id: "resolutions",
  title: { zh: "决议", en: "resolutions" },
  rows: (ctx, request) =>
    Effect.map(meetingsOf(ctx, request), Stream.flatMap((m) => Stream.fromIterable(m.resolutions.map((resolution) => ({ meetingId: m.id, resolution }))))),
  columns: [
    { header: { zh: "会议编号", en: "Meeting ID" }, value: (r) => r.meetingId, text: true },
    { header: { zh: "决议事项", en: "Title" }, value: (r) => r.resolution.title },
    { header: { zh: "赞成票", en: "Yes" }, value: (r) => r.resolution.votes.yes },
    { header: { zh: "反对票", en: "No" }, value: (r) => r.resolution.votes.no },
    { header: { zh: "弃权票", en: "Abstain" }, value: (r) => r.resolution.votes.abstain },
    { header: { zh: "是否通过", en: "Passed" }, value: (r) => yesNo(r.resolution.passed) },
    { header: { zh: "三重一大类别", en: "Major matter" }, value: (r) => (r.resolution.matter === undefined ? null : majorMatterNames[r.resolution.matter].zh) },
    { header: { zh: "前置讨论会议编号", en: "Prior discussion ID" }, value: (r) => r.resolution.priorDiscussionId ?? null, text: true }
  ]
})
