import type { Message } from "@zhibu/core"

/** A cell's value as an input field takes it. */
export type InputValue = string | number | boolean | ReadonlyArray<string>

/** A cell read: its value (undefined when blank, so the field is left out), or what it should have been. */
export type Parsed = { readonly ok: true; readonly value: InputValue | undefined } | { readonly ok: false; readonly expected: Message }

/** One column of an import template. */
export interface ColumnSpec {
  /** The input field it fills (`birthDate`), or for export-only columns the value it shows. */
  readonly key: string
  /** 中文表头 — the header a template and an export write. */
  readonly zh: string
  /** The English header, also accepted on import. */
  readonly en: string
  /** The header must be in the file (a cell may still be blank where the input allows it). */
  readonly required: boolean
  /** Written by exports for people to read; accepted and ignored on import. */
  readonly exportOnly?: boolean
  /** What a cell holds, for the template document. */
  readonly format: Message
  readonly example: string
  /** Reads a cell's text: its value for the input field, or what it should have been. */
  readonly parse: (text: string) => Parsed
}

/** One table (a CSV file, or a sheet of a workbook) of an import template. */
export interface TableSpec {
  readonly id: string
  /** The sheet name (zh) a template writes, and the English one, both accepted. */
  readonly sheet: Message
  readonly columns: ReadonlyArray<ColumnSpec>
}

const ok = (value: InputValue | undefined): Parsed => ({ ok: true, value })

/** Free text, as it is. */
export const text = (s: string): Parsed => ok(s === "" ? undefined : s)

const pad2 = (s: string) => s.padStart(2, "0")

/**
 * A civil date as people type it — `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日` — as
 * `YYYY-MM-DD`; anything else is passed on for the Schema to refuse, naming the format.
 */
export const date = (s: string): Parsed => {
  if (s === "") return ok(undefined)
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s)
  return ok(m === null ? s : `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`)
}

/** A clock time `H:MM` or `HH:MM` (also with a full-width colon) as `HH:MM`. */
export const time = (s: string): Parsed => {
  if (s === "") return ok(undefined)
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(s)
  return ok(m === null ? s : `${pad2(m[1]!)}:${m[2]}`)
}

/** A whole number; anything else is passed on for the Schema to refuse. */
export const integer = (s: string): Parsed => (s === "" ? ok(undefined) : ok(/^[+-]?\d+$/.test(s) ? Number(s) : s))

const yes = new Set(["是", "y", "yes", "true", "1", "√", "通过"])
const no = new Set(["否", "n", "no", "false", "0", "×", "未通过"])

/** 是/否 (also yes/no, true/false, 1/0). */
export const boolean = (s: string): Parsed => {
  if (s === "") return ok(undefined)
  const v = s.toLowerCase()
  if (yes.has(v)) return ok(true)
  if (no.has(v)) return ok(false)
  return { ok: false, expected: { zh: "“是”或“否”", en: "yes or no (是 or 否)" } }
}

/** A list in one cell, one item per line (Alt+Enter in Excel). */
export const lines = (s: string): Parsed => ok(s === "" ? undefined : s.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== ""))

/**
 * One of a fixed set, by its Chinese name, English name or id (`女`, `female`); anything else is
 * refused naming the Chinese choices.
 */
export const oneOf =
  (names: Readonly<Record<string, Message>>, aliases: Readonly<Record<string, string>> = {}) =>
  (s: string): Parsed => {
    if (s === "") return ok(undefined)
    const v = s.toLowerCase()
    for (const [id, name] of Object.entries(names)) {
      if (v === id.toLowerCase() || s === name.zh || v === name.en.toLowerCase()) return ok(id)
    }
    const alias = aliases[s]
    if (alias !== undefined) return ok(alias)
    const choices = Object.values(names)
    return {
      ok: false,
      expected: { zh: `以下之一：${choices.map((c) => c.zh).join("、")}`, en: `one of ${choices.map((c) => c.en).join(", ")}` }
    }
  }

/** A list of names of a set (`主题党日、党员大会`), split on 、 ， , ; ； or lines; names not in the set are passed on as ids. */
export const namesOf =
  (names: Readonly<Record<string, Message>>, aliases: Readonly<Record<string, string>> = {}) =>
  (s: string): Parsed => {
    if (s === "") return ok(undefined)
    const items = s.split(/[、,，;；\r\n]+/).map((x) => x.trim()).filter((x) => x !== "")
    return ok(
      items.map((item) => {
        const v = item.toLowerCase()
        const found = Object.entries(names).find(([id, name]) => v === id.toLowerCase() || item === name.zh || v === name.en.toLowerCase())
        return found?.[0] ?? aliases[item] ?? item
      })
    )
  }

/** A header as written: without spaces and `*` marks, and without an English part in brackets (`姓名（name）`). */
const normalizeHeader = (header: string): string =>
  header
    .replace(/[\s*＊]/g, "")
    .replace(/[（(][^）)]*[）)]$/, "")
    .toLowerCase()

/** True when a file's header names the column: its Chinese or English header or its field, with or without marks. */
export const headerMatches = (header: string, column: ColumnSpec): boolean => {
  const h = normalizeHeader(header)
  return h !== "" && (h === column.zh.toLowerCase() || h === column.en.replace(/\s/g, "").toLowerCase() || h === column.key.toLowerCase())
}
