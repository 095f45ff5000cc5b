import type { Message } from "@zhibu/core"
import { majorMatterNames, meetingKindNames } from "@zhibu/core/rules"
import { boolean, type ColumnSpec, date, integer, lines, namesOf, oneOf, type TableSpec, text, time } from "./columns.js"

/** 出勤情况 names (core's `AttendanceStatus`). */
export const attendanceStatusNames: Readonly<Record<"present" | "leave" | "absent", Message>> = {
  present: { zh: "出席", en: "present" },
  leave: { zh: "请假", en: "on leave" },
  absent: { zh: "缺席", en: "absent" }
}

const column = (c: ColumnSpec): ColumnSpec => c
const dateFormat = { zh: "日期，如 2026-03-06", en: "a date such as 2026-03-06" }
const ignored = { zh: "由导出填写，导入时不读取（由系统计算）", en: "written by the export, ignored on import (computed)" }
const meetingId = { zh: "会议编号：字母、数字和 . _ -，至多 56 个字符", en: "the meeting's id: letters, digits and . _ -, at most 56 characters" }

/** 会议模板 — one row per held meeting, recorded through `meetingService.recordMeeting`. */
export const meetingsTemplate: TableSpec = {
  id: "meetings",
  sheet: { zh: "会议", en: "meetings" },
  columns: [
    column({ key: "id", zh: "会议编号", en: "Meeting ID", required: true, format: meetingId, example: "b01-2026-03-theme", parse: text }),
    column({ key: "organizationId", zh: "党组织编号", en: "Organization ID", required: true, format: { zh: "召开会议的党支部（或党小组）的编号", en: "the branch (or party group) that held it" }, example: "b01", parse: text }),
    column({ key: "kinds", zh: "会议类型", en: "Kinds", required: true, format: { zh: `一项或多项，用顿号分隔：${Object.values(meetingKindNames).map((n) => n.zh).join("、")}`, en: "one or more kinds separated by 、 (see the list in Chinese)" }, example: "主题党日、支部党员大会", parse: namesOf(meetingKindNames, { 党员大会: "generalAssembly", 支委会: "committee", 支部委员会: "committee" }) }),
    column({ key: "date", zh: "会议日期", en: "Date", required: true, format: dateFormat, example: "2026-03-06", parse: date }),
    column({ key: "startTime", zh: "开始时间", en: "Start time", required: false, format: { zh: "时:分，如 16:00，可空", en: "HH:MM, or blank" }, example: "16:00", parse: time }),
    column({ key: "endTime", zh: "结束时间", en: "End time", required: false, format: { zh: "时:分，可空", en: "HH:MM, or blank" }, example: "17:30", parse: time }),
    column({ key: "place", zh: "地点", en: "Place", required: false, format: { zh: "至多 200 个字符，可空", en: "at most 200 characters, or blank" }, example: "党员活动室", parse: text }),
    column({ key: "chairId", zh: "主持人编号", en: "Chair ID", required: false, format: { zh: "主持人的人员编号，可空", en: "the chair's person id, or blank" }, example: "p-0001", parse: text }),
    column({ key: "delegatedBySecretary", zh: "受书记委托主持", en: "Delegated by secretary", required: false, format: { zh: "副书记或委员受书记委托主持时填“是”", en: "是 when the deputy or a committee member chaired at the secretary's request" }, example: "", parse: boolean }),
    column({ key: "lecturerId", zh: "授课人编号", en: "Lecturer ID", required: false, format: { zh: "党课授课人的人员编号（本支部党员），可空", en: "a lecture's lecturer, when a member, or blank" }, example: "", parse: text }),
    column({ key: "lecturerName", zh: "授课人姓名", en: "Lecturer name", required: false, format: { zh: "党课必填", en: "required for a party lecture" }, example: "", parse: text }),
    column({ key: "topic", zh: "主题", en: "Topic", required: false, format: { zh: "至多 500 个字符；党课必填", en: "at most 500 characters; required for a party lecture" }, example: "学习党章", parse: text }),
    column({ key: "agenda", zh: "议程", en: "Agenda", required: false, format: { zh: "每行一项（Alt+Enter 换行），可空", en: "one item per line, or blank" }, example: "", parse: lines }),
    column({ key: "minutesRef", zh: "会议记录编号", en: "Minutes reference", required: false, format: { zh: "纸质或电子记录的编号，可空", en: "the minutes' reference, or blank" }, example: "", parse: text }),
    column({ key: "bodyDue", zh: "班子应到人数", en: "Body due", required: false, format: { zh: "学校党组织会议、校长办公会议填写", en: "for a school governance meeting" }, example: "", parse: integer }),
    column({ key: "bodyPresent", zh: "班子实到人数", en: "Body present", required: false, format: { zh: "学校党组织会议、校长办公会议填写", en: "for a school governance meeting" }, example: "", parse: integer }),
    column({ key: "due", zh: "应到人数", en: "Due", required: false, exportOnly: true, format: ignored, example: "", parse: integer }),
    column({ key: "present", zh: "实到人数", en: "Present", required: false, exportOnly: true, format: ignored, example: "", parse: integer })
  ]
}

/** 出勤模板 — one row per member due at a meeting: the attendance must be exactly the roster due that day. */
export const attendanceTemplate: TableSpec = {
  id: "attendance",
  sheet: { zh: "出勤", en: "attendance" },
  columns: [
    column({ key: "meetingId", zh: "会议编号", en: "Meeting ID", required: true, format: { zh: "“会议”表中的会议编号", en: "a meeting id of the meetings table" }, example: "b01-2026-03-theme", parse: text }),
    column({ key: "memberId", zh: "人员编号", en: "Person ID", required: true, format: { zh: "应到会党员的人员编号", en: "the person id of a member due" }, example: "p-0001", parse: text }),
    column({ key: "name", zh: "姓名", en: "Name", required: false, exportOnly: true, format: ignored, example: "王晓红", parse: text }),
    column({ key: "status", zh: "出勤情况", en: "Status", required: true, format: { zh: "出席、请假 或 缺席", en: "出席 (present), 请假 (on leave) or 缺席 (absent)" }, example: "出席", parse: oneOf(attendanceStatusNames) }),
    column({ key: "leaveReason", zh: "请假原因", en: "Leave reason", required: false, format: { zh: "请假时必填，至多 200 个字符", en: "required when on leave, at most 200 characters" }, example: "", parse: text }),
    column({ key: "date", zh: "会议日期", en: "Date", required: false, exportOnly: true, format: ignored, example: "", parse: date }),
    column({ key: "voting", zh: "有表决权", en: "Voting", required: false, exportOnly: true, format: ignored, example: "", parse: boolean })
  ]
}

/** 决议模板 — one row per resolution of a meeting, with its votes. */
export const resolutionsTemplate: TableSpec = {
  id: "resolutions",
  sheet: { zh: "决议", en: "resolutions" },
  columns: [
    column({ key: "meetingId", zh: "会议编号", en: "Meeting ID", required: true, format: { zh: "“会议”表中的会议编号", en: "a meeting id of the meetings table" }, example: "b01-2026-03-theme", parse: text }),
    column({ key: "title", zh: "决议事项", en: "Title", required: true, format: { zh: "1–500 个字符", en: "1–500 characters" }, example: "接收张三为预备党员", parse: text }),
    column({ key: "yes", zh: "赞成票", en: "Yes", required: true, format: { zh: "非负整数", en: "a whole number" }, example: "10", parse: integer }),
    column({ key: "no", zh: "反对票", en: "No", required: true, format: { zh: "非负整数", en: "a whole number" }, example: "0", parse: integer }),
    column({ key: "abstain", zh: "弃权票", en: "Abstain", required: true, format: { zh: "非负整数", en: "a whole number" }, example: "0", parse: integer }),
    column({ key: "passed", zh: "是否通过", en: "Passed", required: true, format: { zh: "是 或 否", en: "是 or 否" }, example: "是", parse: boolean }),
    column({ key: "matter", zh: "三重一大类别", en: "Major matter", required: false, format: { zh: `学校议事决策填写：${Object.values(majorMatterNames).map((n) => n.zh).join("、")}`, en: "for a school decision (see the list in Chinese)" }, example: "", parse: oneOf(majorMatterNames) }),
    column({ key: "priorDiscussionId", zh: "前置讨论会议编号", en: "Prior discussion ID", required: false, format: { zh: "先行讨论该事项的学校党组织会议的编号，可空", en: "the party organization meeting that discussed it first, or blank" }, example: "", parse: text })
  ]
}
