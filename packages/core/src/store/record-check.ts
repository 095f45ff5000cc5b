import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { InvalidRecord } from "./errors.js"
import type { AnyRecordKind, StoredRecord } from "./record-kind.js"

/** A record that passed {@link checkRecord}: the canonical decoded value and the encoded form to store. */
export interface CheckedRecord {
  readonly value: StoredRecord
  readonly encoded: Readonly<Record<string, unknown>>
}

/** One `path: problem` line per issue, without the Schema's whole signature. */
export const describeParseError = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => `${issue.path.length === 0 ? "record" : issue.path.map(String).join(".")}: ${issue.message}`)
    .join("; ")

/** The id a candidate record claims, as text (for messages; it is checked with the rest). */
export const claimedId = (candidate: unknown): string => {
  const id = typeof candidate === "object" && candidate !== null ? (candidate as { id?: unknown }).id : undefined
  return typeof id === "string" ? id : String(id)
}

/**
 * The check every adapter applies to a record on its way in, written once here: it must encode with
 * its kind's Schema at `version`, the encoded form must decode again (so whatever is stored can be
 * read back), and it must belong to `tenantId`. Fields the Schema does not know are dropped.
 */
export const checkRecord = (
  kind: AnyRecordKind,
  tenantId: string,
  candidate: unknown,
  version: number
): Either.Either<CheckedRecord, InvalidRecord> => {
  const refuse = (reason: string) => Either.left(new InvalidRecord({ kind: kind.name, id: claimedId(candidate), reason }))
  if (typeof candidate !== "object" || candidate === null) return refuse("not an object")
  const schema = kind.schema as Schema.Schema<StoredRecord, Record<string, unknown>>
  const encoded = Schema.encodeUnknownEither(schema)({ ...candidate, version })
  if (Either.isLeft(encoded)) return refuse(describeParseError(encoded.left))
  const value = Schema.decodeUnknownEither(schema)(encoded.right)
  if (Either.isLeft(value)) return refuse(describeParseError(value.left))
  if (value.right.tenantId !== tenantId) {
    return refuse(`its tenantId "${value.right.tenantId}" is not the call's tenant "${tenantId}"`)
  }
  return Either.right({ value: value.right, encoded: encoded.right })
}

/** Decodes a stored (encoded) record; the reason when it no longer matches its Schema. */
export const decodeStored = (kind: AnyRecordKind, encoded: unknown): Either.Either<StoredRecord, string> =>
  Either.mapLeft(
    Schema.decodeUnknownEither(kind.schema as Schema.Schema<StoredRecord, unknown>)(encoded),
    (e) => `a stored ${kind.name} no longer matches its Schema: ${describeParseError(e)}`
  )
