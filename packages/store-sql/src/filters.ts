import { type AnyRecordKind, columnOf, type NormalizedCondition, normalizeFilter } from "@zhibu/core/store"
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely"
import type { Dialect } from "./dialect.js"

/**
 * Lists longer than this travel as one JSON parameter instead of one parameter per value, so a
 * filter naming every organization of a province (tens of thousands) is still one statement within
 * every driver's limit on bound parameters (SQLite 32,766, PostgreSQL 65,535).
 */
export const INLINE_LIST_LIMIT = 200

/**
 * On PostgreSQL, lists at least this long travel as one array parameter (`= any($1::text[])`) instead
 * of a JSON one: the planner estimates how many rows an array matches, but takes a JSON list for 100
 * values. Paging through a province's members (a list of its 27,000 organizations) then walks the
 * primary key in id order, page after page, instead of fetching and sorting every matching member for
 * every page (a province's annual summary read its files in 53 s instead of a few). Shorter lists keep
 * the JSON form, whose plan (the organizations' index, then a sort) suits a county's few thousand rows.
 */
export const ARRAY_LIST_FROM = 2_000

/** Text of a normalized list (its JSON, or a PostgreSQL array literal), made once per list: a stream sends the same list with every page. */
const listTexts = new WeakMap<ReadonlyArray<string | number>, { json?: string; array?: string }>()
const listText = (values: ReadonlyArray<string | number>, form: "json" | "array"): string => {
  let texts = listTexts.get(values)
  if (texts === undefined) {
    texts = {}
    listTexts.set(values, texts)
  }
  // The array literal quotes each string as the pg driver does (backslash and double quote escaped).
  texts[form] ??=
    form === "json" ? JSON.stringify(values) : `{${values.map((v) => (typeof v === "number" ? String(v) : `"${v.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`
  return texts[form]
}

/** `column in (values of a JSON array)`, in each dialect's words; the result keeps the column's collation. */
const inJsonList = (dialect: Dialect, column: string, type: NormalizedCondition["type"], values: ReadonlyArray<string | number>) => {
  const ref = sql.ref(column)
  const numeric = type === "int"
  switch (dialect) {
    case "sqlite":
      return sql<SqlBool>`${ref} in (select value from json_each(${listText(values, "json")}))`
    case "postgres": {
      if (values.length >= ARRAY_LIST_FROM) {
        const array = listText(values, "array")
        return numeric ? sql<SqlBool>`${ref} = any(cast(${array} as bigint[]))` : sql<SqlBool>`${ref} = any(cast(${array} as text[]))`
      }
      const json = listText(values, "json")
      return numeric
        ? sql<SqlBool>`${ref} in (select cast(value as bigint) from jsonb_array_elements_text(cast(${json} as jsonb)))`
        : sql<SqlBool>`${ref} in (select value collate "C" from jsonb_array_elements_text(cast(${json} as jsonb)))`
    }
    case "mysql": {
      const json = listText(values, "json")
      return numeric
        ? sql<SqlBool>`${ref} in (select j.v from json_table(${json}, '$[*]' columns (v bigint path '$')) as j)`
        : sql<SqlBool>`${ref} in (select j.v collate utf8mb4_bin from json_table(${json}, '$[*]' columns (v varchar(255) character set utf8mb4 path '$')) as j)`
    }
  }
}

/** One condition as a `where` expression. */
const toExpression = (dialect: Dialect, eb: ExpressionBuilder<any, any>, c: NormalizedCondition): Expression<SqlBool> => {
  const column = columnOf(c.field)
  switch (c.op) {
    case "eq":
      return eb(column, "=", c.value)
    case "isNull":
      return eb(column, "is", null)
    case "in":
      return c.values.length > INLINE_LIST_LIMIT ? inJsonList(dialect, column, c.type, c.values) : eb(column, "in", [...c.values])
    case "range": {
      const parts: Array<Expression<SqlBool>> = []
      if (c.gte !== undefined) parts.push(eb(column, ">=", c.gte))
      if (c.lte !== undefined) parts.push(eb(column, "<=", c.lte))
      // A null value is in no range, not even one open at both ends (`{}`).
      return parts.length === 0 ? eb(column, "is not", null) : eb.and(parts)
    }
  }
}

/**
 * A kind's filter as a `where` callback, or null when no stored record can match (see
 * `normalizeFilter`, which both adapters share, so they agree on every edge).
 */
export const whereFilter = (dialect: Dialect, kind: AnyRecordKind, filter: Readonly<Record<string, unknown>> | undefined) => {
  const conditions = normalizeFilter(kind, filter)
  if (conditions === null) return null
  return (eb: ExpressionBuilder<any, any>) => eb.and(conditions.map((c) => toExpression(dialect, eb, c)))
}
