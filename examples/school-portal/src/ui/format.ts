import { type Finding, formatRefusal, type Refusal, type Severity } from "@zhibu/core"
import { meetingKindNames } from "@zhibu/core/rules"

/** 元 from fen, with two decimals: 1234 → "12.34". */
export const yuan = (fen: number): string => (fen / 100).toFixed(2)

/** 学时 from tenths: 15 → "1.5". */
export const hours = (tenths: number): string => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1))

/** 2026-03-05 → 3月5日 (with the year when it differs from `year`). */
export const shortDate = (date: string, year?: number): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return year === undefined || year === y ? `${m}月${d}日` : `${y}年${m}月${d}日`
}

export const kindName = (kind: string): string => (kind in meetingKindNames ? meetingKindNames[kind as keyof typeof meetingKindNames].zh : kind)

export const severityNames: Readonly<Record<Severity, string>> = {
  violation: "违反规定",
  warning: "提醒注意",
  reminder: "到期提示",
  flag: "待组织判断"
}

/** The Chinese half of a zhibu error's message ("中文 — English"). */
export const zhOf = (message: string): string => message.split(" — ")[0] ?? message

/** A finding's Chinese text (it already cites its rule and source). */
export const findingText = (f: Finding): string => f.message.zh

/**
 * What the page shows for an error a service returned: the status, a heading, the sentence (with
 * the rule and its source for a refusal), and for refusals and invalid input the details a form
 * needs (the rule id, the allowed dates, the field).
 */
export interface ShownError {
  readonly status: 400 | 403 | 404 | 409 | 422 | 500 | 503
  readonly title: string
  readonly text: string
  readonly ruleId?: string
  readonly allowedFrom?: string
  readonly allowedUntil?: string
  /** The input path of an InvalidInput (`record.date`, `attendance[2].leaveReason`). */
  readonly path?: string
}

const isRefusal = (e: object): e is Refusal & { readonly _tag: string } => "text" in e && typeof (e as { text: unknown }).text === "object"

export const showError = (error: unknown): ShownError => {
  const e = (typeof error === "object" && error !== null ? error : {}) as { _tag?: string; message?: string }
  switch (e._tag) {
    case "ZhibuForbidden":
      return { status: 403, title: "无权操作", text: zhOf(e.message ?? "") }
    case "ZhibuNotFound":
      return { status: 404, title: "未找到", text: "记录不存在，或当前身份无权查看。" }
    case "ZhibuConflict":
      return { status: 409, title: "记录已被修改", text: "这条记录刚被其他人修改过，请刷新页面后重新填写。" }
    case "ZhibuInvalidInput": {
      const i = error as { text: { zh: string }; path: string }
      return { status: 400, title: "填写有误", text: i.text.zh, path: i.path }
    }
    case "ZhibuStoreUnavailable":
      return { status: 503, title: "数据库暂不可用", text: zhOf(e.message ?? "请稍后再试。") }
  }
  if (isRefusal(e)) {
    return {
      status: 422,
      title: "规则不允许",
      text: formatRefusal(e, "zh"),
      ...(e.ruleId === undefined ? {} : { ruleId: e.ruleId }),
      ...(e.allowedFrom === undefined ? {} : { allowedFrom: e.allowedFrom }),
      ...(e.allowedUntil === undefined ? {} : { allowedUntil: e.allowedUntil })
    }
  }
  return { status: 500, title: "出错了", text: error instanceof Error ? zhOf(error.message) : String(error) }
}

/** An instant as China's wall clock: 2026-12-01 14:05. */
export const chinaTime = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")
