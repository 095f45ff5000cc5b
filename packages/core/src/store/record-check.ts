import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { InvalidRecord } from "./errors.js"
import type { AnyRecordKind, StoredRecord } from "./record-kind.js"
import { type RecordGuard, recordGuard } from "./record-guard.js"

/**
 * A record that passed {@link checkRecord}: the canonical decoded value and the encoded form to store.
 * They are one and the same object when the record was accepted in its canonical form (see
 * {@link checkRecord}); every number in such a record is finite.
 */
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

interface Codecs {
  readonly encode: (u: unknown) => Either.Either<Record<string, unknown>, ParseResult.ParseError>
  readonly decode: (u: unknown) => Either.Either<StoredRecord, ParseResult.ParseError>
  readonly guard: RecordGuard | null
}

const codecs = new WeakMap<Schema.Schema.Any, Codecs>()

/** A kind's encoder, decoder and guard, built once per Schema (building them per record was a third of a read). */
const codecsOf = (kind: AnyRecordKind): Codecs => {
  const schema = kind.schema as Schema.Schema<StoredRecord, Record<string, unknown>>
  let c = codecs.get(schema)
  if (c === undefined) {
    c = { encode: Schema.encodeUnknownEither(schema), decode: Schema.decodeUnknownEither(schema), guard: recordGuard(schema) }
    codecs.set(schema, c)
  }
  return c
}

/**
 * The check every adapter applies to a record on its way in, written once here: it must encode with
 * its kind's Schema at `version`, the encoded form must decode again (so whatever is stored can be
 * read back), and it must belong to `tenantId`. Fields the Schema does not know are dropped.
 *
 * A record already in its kind's one canonical form — what its compiled guard (`recordGuard`) accepts:
 * of the Schema's type, every refinement met, no field the Schema does not know, a Schema that changes
 * nothing in encoding or decoding — is its own encoding and its own decoding, so one check stands for
 * the encode and the decode. Anything else (an unknown field to drop, a `null` to normalize, a
 * malformed value) takes the full encode and decode, which decide and say why.
 */
export const checkRecord = (
  kind: AnyRecordKind,
  tenantId: string,
  candidate: unknown,
  version: number
): Either.Either<CheckedRecord, InvalidRecord> => {
  const refuse = (reason: string) => Either.left(new InvalidRecord({ kind: kind.name, id: claimedId(candidate), reason }))
  if (typeof candidate !== "object" || candidate === null) return refuse("not an object")
  const { encode, decode, guard } = codecsOf(kind)
  const record = { ...candidate, version }
  if (guard?.(record) === true) {
    const value = record as unknown as StoredRecord
    if (value.tenantId !== tenantId) return refuse(`its tenantId "${value.tenantId}" is not the call's tenant "${tenantId}"`)
    return Either.right({ value, encoded: record })
  }
  const encoded = encode(record)
  if (Either.isLeft(encoded)) return refuse(describeParseError(encoded.left))
  const value = decode(encoded.right)
  if (Either.isLeft(value)) return refuse(describeParseError(value.left))
  if (value.right.tenantId !== tenantId) {
    return refuse(`its tenantId "${value.right.tenantId}" is not the call's tenant "${tenantId}"`)
  }
  return Either.right({ value: value.right, encoded: encoded.right })
}

/**
 * Decodes a stored (encoded) record; the reason when it no longer matches its Schema. A stored form
 * the kind's guard accepts is already the decoded record (see {@link checkRecord}) and is returned as
 * it is: the caller passes a copy of its own (parsed JSON, a clone), never the stored object.
 */
export const decodeStored = (kind: AnyRecordKind, encoded: unknown): Either.Either<StoredRecord, string> => {
  const { decode, guard } = codecsOf(kind)
  if (guard?.(encoded) === true) return Either.right(encoded as StoredRecord)
  return Either.mapLeft(decode(encoded), (e) => `a stored ${kind.name} no longer matches its Schema: ${describeParseError(e)}`)
}
