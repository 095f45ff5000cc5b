import {
  type AnyRecordKind,
  type CheckedRecord,
  columnOf,
  decodeStored,
  type Field,
  projectText,
  recordJson,
  type StoredRecord,
  StoreUnavailable
} from "@zhibu/core/store"
import * as Either from "effect/Either"

/** A record as the SQL adapter writes it: the encoded record as JSON text (`data`) and its projected columns. */
export interface SqlRow {
  readonly json: string
  /** Projected columns by column name; null for a record read only to replay writes. */
  readonly columns: Readonly<Record<string, string | number | null>> | null
}

interface Projection {
  readonly column: string
  readonly field: Field<StoredRecord>
}

const projections = new WeakMap<AnyRecordKind, ReadonlyArray<Projection>>()

/** A kind's projected fields with their column names, worked out once per kind. */
const projectionsOf = (kind: AnyRecordKind): ReadonlyArray<Projection> => {
  let known = projections.get(kind)
  if (known === undefined) {
    known = Object.entries(kind.fields as Record<string, Field<StoredRecord>>).map(([name, field]) => ({ column: columnOf(name), field }))
    projections.set(kind, known)
  }
  return known
}

/** The projected fields of a record, by column name (the values `projectRecord` gives). */
export const projectedColumns = (kind: AnyRecordKind, value: StoredRecord): Record<string, string | number | null> => {
  const out: Record<string, string | number | null> = {}
  for (const { column, field } of projectionsOf(kind)) {
    const v = field.get(value)
    out[column] = field.type === "text" && typeof v === "string" ? projectText(v, field.maxLength ?? 255) : v
  }
  return out
}

/** How a checked record is stored: its JSON (`recordJson`) and its columns; refused when JSON cannot hold it. */
export const toSqlRow = (kind: AnyRecordKind, checked: CheckedRecord): Either.Either<SqlRow, string> =>
  Either.map(recordJson(checked), (json) => ({ json, columns: projectedColumns(kind, checked.value) }))

/** Reads a stored `data` column back; a row that no longer decodes is a storage failure, not a caller error. */
export const decodeRow = (kind: AnyRecordKind, data: string): Either.Either<StoredRecord, StoreUnavailable> => {
  let encoded: unknown
  try {
    encoded = JSON.parse(data)
  } catch (e) {
    return Either.left(new StoreUnavailable({ reason: `a stored ${kind.name} is not valid JSON`, cause: e }))
  }
  return Either.mapLeft(decodeStored(kind, encoded), (reason) => new StoreUnavailable({ reason }))
}

/** Reads a page of stored rows back in one pass (one Effect for the page, not one per row); the first row that no longer decodes fails it. */
export const decodeRows = (kind: AnyRecordKind, rows: ReadonlyArray<{ readonly data: unknown }>): Either.Either<ReadonlyArray<StoredRecord>, StoreUnavailable> => {
  const out: Array<StoredRecord> = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const decoded = decodeRow(kind, rows[i]!.data as string)
    if (Either.isLeft(decoded)) return Either.left(decoded.left)
    out[i] = decoded.right
  }
  return Either.right(out)
}
