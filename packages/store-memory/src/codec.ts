import { type Entity, type EntityKind, entitySchemas, InvalidRecord } from "@zhibu/core"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A record as the memory store keeps it: the Schema's encoded form, never shared with a caller. */
export type Stored = { readonly version: number; readonly id: string } & Readonly<Record<string, unknown>>

const schemaOf = (kind: EntityKind): Schema.Schema<Entity, unknown> =>
  entitySchemas[kind] as unknown as Schema.Schema<Entity, unknown>

/** One line per problem, `path: message`, instead of a dump of the whole Schema. */
const reasonOf = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => `${issue.path.length === 0 ? "record" : issue.path.map(String).join(".")}: ${issue.message}`)
    .join("; ")

const idOf = (record: unknown): string => {
  const id = typeof record === "object" && record !== null ? (record as { id?: unknown }).id : undefined
  return typeof id === "string" ? id : String(id)
}

/**
 * Checks a record handed to the store and returns its encoded form at `version`. The record must
 * be a valid `kind` value (the port takes decoded records): it is encoded, and the encoded form
 * must decode again, so whatever is stored can be read back. It must also belong to `tenantId`.
 */
export const toStored = (
  kind: EntityKind,
  tenantId: string,
  record: unknown,
  version: number
): Either.Either<Stored, InvalidRecord> => {
  const id = idOf(record)
  const refuse = (reason: string) => Either.left(new InvalidRecord({ kind, id, reason }))
  if (typeof record !== "object" || record === null) return refuse("not an object")
  const schema = schemaOf(kind)
  const encoded = Schema.encodeUnknownEither(schema)({ ...record, version })
  if (Either.isLeft(encoded)) return refuse(reasonOf(encoded.left))
  const decoded = Schema.decodeUnknownEither(schema)(encoded.right)
  if (Either.isLeft(decoded)) return refuse(reasonOf(decoded.left))
  if (decoded.right.tenantId !== tenantId) {
    return refuse(`its tenantId "${decoded.right.tenantId}" is not the call's tenant "${tenantId}"`)
  }
  return Either.right(structuredClone(encoded.right) as Stored)
}

/** A fresh decoded copy of a stored record: callers can never reach the stored object. */
export const fromStored = (kind: EntityKind, stored: Stored): Entity =>
  Schema.decodeUnknownSync(schemaOf(kind))(structuredClone(stored))
