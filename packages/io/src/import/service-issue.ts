import type { Message } from "@zhibu/core"
import type { ImportIssue } from "./issue.js"

/** Where in the files an issue of a row is: its table, row, and column (null for the whole row). */
export interface Place {
  readonly table: string
  readonly row: number
  readonly column: string | null
  readonly field: string | null
}

/** Says where a field of a service input (`birthDate`, `attendance[3].status`) is in the files. */
export type LocatePath = (path: string) => Place

/** Says which column a refusal concerns, from its rule id and what it says is missing. */
export type LocateRefusal = (refusal: { readonly ruleId?: string | undefined; readonly missing?: string | undefined; readonly text: Message }) => Place

interface Tagged {
  readonly _tag: string
}

const isTagged = (e: unknown): e is Tagged & Record<string, unknown> => typeof e === "object" && e !== null && typeof (e as Tagged)._tag === "string"

const at = (place: Place, code: ImportIssue["code"], text: Message, extra: Partial<Pick<ImportIssue, "expected" | "ruleId">> = {}): ImportIssue => ({
  table: place.table,
  row: place.row,
  column: place.column,
  field: place.field,
  code,
  text,
  ...extra
})

/** What a field expects, said for a spreadsheet: a field that may be null is a cell that may be blank. */
const inCells = (expected: Message): Message => ({
  zh: expected.zh.replace(/ 或 null$/, "，或留空"),
  en: expected.en.replace(/ or null$/, ", or blank")
})

/**
 * The issue for what a service refused on one row: `InvalidInput` at the field's column with what
 * it expects; a rule's refusal (`…Rejected`) with its rule id and text; `NotFound` and `Forbidden`
 * at the organization; `Conflict` at the id. Returns undefined for anything else (a store failure),
 * which stops the import as a failure rather than an issue.
 */
export const issueOfServiceError = (error: unknown, locatePath: LocatePath, locateRefusal: LocateRefusal): ImportIssue | undefined => {
  if (!isTagged(error)) return undefined
  switch (error._tag) {
    case "ZhibuInvalidInput": {
      const raw = error as unknown as { path: string; expected: Message; problem: "missing" | "invalid" | "unexpected" }
      const e = { ...raw, expected: inCells(raw.expected) }
      const place = locatePath(e.path)
      if (e.problem === "missing") {
        return at(place, "missing", { zh: `不能为空（应为${e.expected.zh}）`, en: `is blank: expected ${e.expected.en}` }, { expected: e.expected })
      }
      if (e.problem === "unexpected") {
        return at(place, "invalid", { zh: "此列不适用于这一行，请留空", en: "this column does not apply to this row: leave it blank" }, { expected: e.expected })
      }
      return at(place, "invalid", { zh: `应为${e.expected.zh}`, en: `expected ${e.expected.en}` }, { expected: e.expected })
    }
    case "ZhibuNotFound": {
      const e = error as unknown as { kind: string; id: string }
      const place = locatePath(e.kind === "organization" ? "organizationId" : e.kind === "member" ? "memberId" : "id")
      const what = e.kind === "organization" ? { zh: "党组织", en: "organization" } : e.kind === "member" ? { zh: "人员", en: "person" } : { zh: "记录", en: e.kind }
      return at(place, "notFound", {
        zh: `没有编号为 ${e.id} 的${what.zh}（或无权查看）`,
        en: `there is no ${what.en} with the id ${e.id} (or you may not see it)`
      })
    }
    case "ZhibuForbidden": {
      const e = error as unknown as { action: string; organizationId: string }
      return at(locatePath("organizationId"), "forbidden", {
        zh: `无权在党组织 ${e.organizationId} 执行 ${e.action}`,
        en: `you may not do ${e.action} at the organization ${e.organizationId}`
      })
    }
    case "ZhibuConflict": {
      const e = error as unknown as { kind: string; id: string }
      return at(locatePath(e.kind === "attendance" ? "attendance" : "id"), "conflict", {
        zh: `已有编号为 ${e.id} 但内容不同的记录（同一文件再次导入不会重复；修改已有记录请通过相应的服务）`,
        en: `a different record with the id ${e.id} is already stored (importing the same file again adds nothing; change a stored record through its service)`
      })
    }
    case "ZhibuInvalidRecord":
      return at(locatePath(""), "invalid", { zh: `记录无效：${String(error.reason)}`, en: `the record is invalid: ${String(error.reason)}` })
    default:
      if (error._tag.endsWith("Rejected") && typeof error.text === "object" && error.text !== null) {
        const refusal = error as unknown as { ruleId?: string; missing?: string; text: Message }
        return at(locateRefusal(refusal), "refused", refusal.text, refusal.ruleId === undefined ? {} : { ruleId: refusal.ruleId })
      }
      return undefined
  }
}
