import type { Message } from "@zhibu/core"
import { memberStageNames, memberStatusNames } from "@zhibu/core/rules"
import { type ColumnSpec, date, lines, oneOf, type TableSpec, text } from "./columns.js"

/** 性别 names. */
export const genderNames: Readonly<Record<"female" | "male", Message>> = {
  female: { zh: "女", en: "female" },
  male: { zh: "男", en: "male" }
}

/** 人员类别 names (core's `MemberCategory`). */
export const categoryNames: Readonly<Record<"teacher" | "staff" | "student" | "retired" | "other", Message>> = {
  teacher: { zh: "教师", en: "teacher" },
  staff: { zh: "职工", en: "staff" },
  student: { zh: "学生", en: "student" },
  retired: { zh: "退休人员", en: "retired" },
  other: { zh: "其他", en: "other" }
}

const column = (c: ColumnSpec): ColumnSpec => c
const dateFormat = { zh: "日期，如 2026-03-01（也可写 2026/3/1 或 2026年3月1日）", en: "a date such as 2026-03-01 (2026/3/1 and 2026年3月1日 also read)" }

/**
 * 党员名册模板 — one row per person. A row with 入党时间 enters a member who joined before records
 * began (`memberService.enterExistingMember`: 预备党员, or 正式党员 with 转正时间); a row with
 * 入党申请日期 registers an applicant (`memberService.registerApplicant`). 发展阶段 and 状态 are
 * written by the roster export; on import they must agree with the row (or be blank).
 */
export const rosterTemplate: TableSpec = {
  id: "roster",
  sheet: { zh: "党员名册", en: "roster" },
  columns: [
    column({ key: "id", zh: "人员编号", en: "Person ID", required: true, format: { zh: "本单位内唯一的编号：字母、数字和 . _ : -，至多 64 个字符", en: "an id unique in the tenant: letters, digits and . _ : -, at most 64 characters" }, example: "p-0001", parse: text }),
    column({ key: "name", zh: "姓名", en: "Name", required: true, format: { zh: "姓名，1–100 个字符", en: "the name, 1–100 characters" }, example: "王晓红", parse: text }),
    column({ key: "gender", zh: "性别", en: "Gender", required: true, format: { zh: "男 或 女", en: "男 (male) or 女 (female)" }, example: "女", parse: oneOf(genderNames) }),
    column({ key: "birthDate", zh: "出生日期", en: "Birth date", required: true, format: dateFormat, example: "1990-03-07", parse: date }),
    column({ key: "organizationId", zh: "所在党组织编号", en: "Organization ID", required: true, format: { zh: "已建立的党支部（或党总支、党委）的编号", en: "the id of an existing branch (or general branch, committee)" }, example: "b01", parse: text }),
    column({ key: "partyGroupId", zh: "党小组编号", en: "Party group ID", required: false, format: { zh: "所在党小组的编号，可空", en: "the party group's id, or blank" }, example: "", parse: text }),
    column({ key: "category", zh: "人员类别", en: "Category", required: true, format: { zh: "教师、职工、学生、退休人员 或 其他", en: "教师 (teacher), 职工 (staff), 学生 (student), 退休人员 (retired) or 其他 (other)" }, example: "教师", parse: oneOf(categoryNames, { 教职工: "staff", 离退休人员: "retired", 退休: "retired" }) }),
    column({ key: "idNumber", zh: "身份证号", en: "ID number", required: false, format: { zh: "18 位居民身份证号，可空；其中的出生日期须与“出生日期”一致。请将此列设为文本格式", en: "an 18-character resident ID number, or blank; its birth date must be the row's birth date. Format the column as text" }, example: "", parse: text }),
    column({ key: "phone", zh: "联系电话", en: "Phone", required: false, format: { zh: "手机号或带区号的固定电话，可空。请将此列设为文本格式", en: "a mobile or landline number with its area code, or blank. Format the column as text" }, example: "", parse: text }),
    column({ key: "applicationDate", zh: "入党申请日期", en: "Application date", required: false, format: { zh: `入党申请人填写：${dateFormat.zh}`, en: `for an applicant: ${dateFormat.en}` }, example: "2026-03-01", parse: date }),
    column({ key: "joinedOn", zh: "入党时间", en: "Joined on", required: false, format: { zh: `已是党员的填写（支部大会接收之日）：${dateFormat.zh}`, en: `for a member: the admission meeting's date, ${dateFormat.en}` }, example: "", parse: date }),
    column({ key: "convertedOn", zh: "转正时间", en: "Converted on", required: false, format: { zh: "正式党员填写；预备党员留空", en: "for a full member; blank for a probationary member" }, example: "", parse: date }),
    column({ key: "lastContactOn", zh: "最近联系日期", en: "Last contact on", required: false, format: { zh: "党员填写，可空", en: "for a member, or blank" }, example: "", parse: date }),
    column({ key: "materials", zh: "申请材料", en: "Materials", required: false, format: { zh: "入党申请人填写，每行一项（Alt+Enter 换行），可空", en: "for an applicant: one item per line, or blank" }, example: "入党申请书", parse: lines }),
    column({ key: "note", zh: "备注", en: "Note", required: false, format: { zh: "入党申请人的备注，可空", en: "an applicant's note, or blank" }, example: "", parse: text }),
    column({ key: "stage", zh: "发展阶段", en: "Stage", required: false, exportOnly: true, format: { zh: "由导出填写：入党申请人、预备党员 或 正式党员；导入时须与该行一致或留空", en: "written by the export; on import it must agree with the row, or be blank" }, example: "入党申请人", parse: oneOf(memberStageNames) }),
    column({ key: "status", zh: "状态", en: "Status", required: false, exportOnly: true, format: { zh: "由导出填写；只能导入“在册”的人员", en: "written by the export; only active (在册) files are imported" }, example: "在册", parse: oneOf(memberStatusNames) })
  ]
}
