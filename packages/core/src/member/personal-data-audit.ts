import type { Locale } from "../i18n/message.js"
import type { AuditEntry } from "../store/port.js"
import { maskPersonalFields } from "./personal-data.js"

/**
 * An audit entry with the personal fields (ID number, phone) of its `before` and `after` masked:
 * the form to show or log. The store keeps the full entry; only `member.history` with
 * `personalData: "full"` returns it unmasked (audited).
 */
export const maskAuditEntry = (entry: AuditEntry): AuditEntry => {
  const before = maskPersonalFields(entry.before)
  const after = maskPersonalFields(entry.after)
  return before === entry.before && after === entry.after ? entry : { ...entry, before, after }
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** `2026-11-20 10:00` in China time. */
const chinaMinute = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ")

const asObject = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** A field's value in a line: scalars as they are, lists and objects by their size only. */
const show = (value: unknown, locale: Locale): string => {
  if (value === undefined) return locale === "zh" ? "（无）" : "(none)"
  if (value === null) return "null"
  if (Array.isArray(value)) return locale === "zh" ? `[${value.length} 项]` : `[${value.length} item(s)]`
  if (typeof value === "object") return "{…}"
  return String(value)
}

/** The top-level fields whose value differs between two encoded records (`version` aside), in order of appearance. */
const changedFields = (before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ReadonlyArray<string> =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== "version" && JSON.stringify(before[k]) !== JSON.stringify(after[k])
  )

/**
 * 审计日志可读形式 — one line for an audit entry, in zh or en, with the personal fields masked
 * ({@link maskAuditEntry}): the sequence number, the time (China), the actor, the action, the record,
 * and what changed, each changed field with its value before and after (lists and objects by size):
 *
 * `#3 2026-11-20 10:00 organizer-1 member.updateContact member p-001 第 2 版：phone 138****5678 → 139****0000`
 */
export const formatAuditEntry = (entry: AuditEntry, locale: Locale = "zh"): string => {
  const { before, after } = maskAuditEntry(entry)
  const head = `#${entry.seq} ${chinaMinute(entry.at)} ${entry.actorId} ${entry.action} ${entry.kind} ${entry.recordId}`
  const version = locale === "zh" ? `第 ${entry.version} 版` : `version ${entry.version}`
  if (before === null || before === undefined) return `${head} ${version}${locale === "zh" ? "：新建" : ": created"}`
  const b = asObject(before)
  const a = asObject(after)
  const changes = changedFields(b, a).map((k) => `${k} ${show(b[k], locale)} → ${show(a[k], locale)}`)
  const what = changes.length === 0 ? (locale === "zh" ? "无字段变更" : "no field changed") : changes.join(locale === "zh" ? "；" : "; ")
  return `${head} ${version}${locale === "zh" ? "：" : ": "}${what}`
}
