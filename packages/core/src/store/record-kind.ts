import type * as Schema from "effect/Schema"

/**
 * What a projected field holds, which decides how adapters store, filter and group it:
 * - `key`: an id or enum value (the shape of `tenant/ids.ts`); filtered by equality or a list;
 * - `date`: a civil date `YYYY-MM-DD`; filtered by equality, a list or a range of such dates (a
 *   value or bound of another shape matches nothing);
 * - `int`: a safe integer (a count, hours in tenths, money in fen); filtered like a date (a value
 *   that is no safe integer matches nothing; range bounds are rounded inwards), and summed;
 * - `text`: free text for people reading the tables; never filtered or grouped.
 */
export type FieldType = "key" | "date" | "int" | "text"

/** The JavaScript value of a field of a type. */
export type FieldValueOf<T extends FieldType> = T extends "int" ? number : string

/** One projected field: how to read it off a decoded record, and how it is stored. */
export interface Field<A, T extends FieldType = FieldType, N extends boolean = boolean> {
  readonly type: T
  /** True when the field may be null (a record without that value). */
  readonly nullable: N
  /** Reads the field's value off a decoded record. */
  readonly get: (record: A) => FieldValueOf<T> | (N extends true ? null : never)
  /** For `text`: the most characters kept in the projection (the record's `data` keeps all). */
  readonly maxLength?: number
}

/** Field constructors for record-kind descriptors, e.g. `field.key((m: Member) => m.organizationId)`. */
export const field = {
  /** An id or enum value. */
  key: <A>(get: (record: A) => string): Field<A, "key", false> => ({ type: "key", nullable: false, get }),
  /** An id or enum value, or null. */
  keyOrNull: <A>(get: (record: A) => string | null): Field<A, "key", true> => ({ type: "key", nullable: true, get }),
  /** A civil date `YYYY-MM-DD`. */
  date: <A>(get: (record: A) => string): Field<A, "date", false> => ({ type: "date", nullable: false, get }),
  /** A civil date `YYYY-MM-DD`, or null. */
  dateOrNull: <A>(get: (record: A) => string | null): Field<A, "date", true> => ({ type: "date", nullable: true, get }),
  /** A safe integer, which aggregates can sum. */
  int: <A>(get: (record: A) => number): Field<A, "int", false> => ({ type: "int", nullable: false, get }),
  /** Free text, kept to `maxLength` characters in the projection (default 255). */
  text: <A>(get: (record: A) => string, maxLength = 255): Field<A, "text", false> => ({
    type: "text",
    nullable: false,
    get,
    maxLength
  })
} as const

/** Every stored record has these: the store sets `version` (1 on create, +1 per update). */
export interface StoredRecord {
  readonly tenantId: string
  readonly id: string
  readonly version: number
}

/** The projected fields of a record kind, by field name. */
export type Fields<A> = { readonly [name: string]: Field<A, FieldType, boolean> }

/**
 * 记录种类 — one kind of stored record, described as data: its Schema (the type and the check on
 * every write and read), the table that holds it, the fields adapters project beside the record to
 * filter, group and sum by, and the field that names its organization. The memory store, the SQL
 * store and the conformance suite handle every kind through its descriptor alone: adding a kind is
 * a descriptor and a migration (`createRecordTable` in `@zhibu/store-sql`).
 */
export interface RecordKind<Name extends string = string, A extends StoredRecord = any, F extends Fields<A> = any> {
  readonly name: Name
  /** The SQL table, e.g. `zhibu_member`. */
  readonly table: string
  readonly schema: Schema.Schema<A, any>
  readonly fields: F
  /** The field naming the organization a record belongs to (for subtree reads and authorization), if any. */
  readonly organizationField: (keyof F & string) | null
  /** Field lists the SQL adapter indexes, each after `tenant_id` (and followed by `id`). */
  readonly indexes: ReadonlyArray<ReadonlyArray<keyof F & string>>
}

/** Any record kind: what adapters and generic code take. */
export type AnyRecordKind = RecordKind<string, any, any>

/** The record type of a kind. */
export type RecordOf<K> = K extends RecordKind<string, infer A, any> ? A : never

/** The projected fields of a kind (its `fields` descriptor), by field name. */
export type FieldsOf<K> = K extends RecordKind<string, any, infer F> ? F : never

/** The names of a kind's fields that can be filtered and grouped by (every type but `text`). */
export type FilterableField<K> = {
  [P in keyof FieldsOf<K> & string]: FieldsOf<K>[P] extends Field<any, "text", any> ? never : P
}[keyof FieldsOf<K> & string]

/** The names of a kind's `int` fields, which aggregates can sum. */
export type SummableField<K> = {
  [P in keyof FieldsOf<K> & string]: FieldsOf<K>[P] extends Field<any, "int", any> ? P : never
}[keyof FieldsOf<K> & string]

/** The value of a field of a kind, with `null` when the field is nullable. */
export type FieldValue<K, P extends keyof FieldsOf<K>> = FieldsOf<K>[P] extends Field<any, infer T, infer N>
  ? FieldValueOf<T> | (N extends true ? null : never)
  : never

/** The SQL column of a field: its name in snake_case (`organizationId` → `organization_id`). */
export const columnOf = (fieldName: string): string => fieldName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Declares a record kind; see {@link RecordKind}. */
export const defineRecordKind = <Name extends string, A extends StoredRecord, F extends Fields<A>>(kind: {
  readonly name: Name
  readonly table: string
  readonly schema: Schema.Schema<A, any>
  readonly fields: F
  readonly organizationField?: keyof F & string
  readonly indexes?: ReadonlyArray<ReadonlyArray<keyof F & string>>
}): RecordKind<Name, A, F> => ({
  name: kind.name,
  table: kind.table,
  schema: kind.schema,
  fields: kind.fields,
  organizationField: kind.organizationField ?? null,
  indexes: kind.indexes ?? []
})

/** The projected field values of a decoded record, by field name. */
export const projectRecord = (kind: AnyRecordKind, record: StoredRecord): Record<string, string | number | null> => {
  const out: Record<string, string | number | null> = {}
  for (const [name, f] of Object.entries(kind.fields as Fields<StoredRecord>)) {
    const value = f.get(record)
    out[name] = f.type === "text" && typeof value === "string" ? projectText(value, f.maxLength ?? 255) : value
  }
  return out
}

/**
 * Text as projected: without U+0000 (PostgreSQL text cannot hold it) and cut to `maxLength` code
 * points; the record's `data` keeps the exact text.
 */
export const projectText = (s: string, maxLength: number): string => {
  const clean = s.replaceAll("\u0000", "")
  const points = [...clean]
  return points.length <= maxLength ? clean : points.slice(0, maxLength).join("")
}
