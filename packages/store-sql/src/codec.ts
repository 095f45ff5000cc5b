import {
  type Entities,
  type EntityKind,
  entitySchemas,
  InvalidRecord,
  type Member,
  type Organization,
  StoreUnavailable
} from "@zhibu/core"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A record ready to store: the decoded value (returned to callers) and its encoded form (stored). */
export interface Encoded<K extends EntityKind = EntityKind> {
  readonly value: Entities[K]
  readonly encoded: unknown
  /** The encoded form as JSON text, as stored in `data`. */
  readonly json: string
}

/** `path: problem` lines, without the Schema's whole signature. */
const describe = (e: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(e)
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`))
    .join("; ")

/** JSON text of an encoded record, or the reason it has none (JSON would turn Infinity and NaN into null). */
const toJson = (encoded: unknown): Either.Either<string, string> => {
  let bad: string | undefined
  const json = JSON.stringify(encoded, (key, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) bad ??= `${key}: ${v} cannot be stored`
    return v
  })
  return bad === undefined ? Either.right(json) : Either.left(bad)
}

/**
 * Checks a record on its way in: it must encode with its Schema, decode again, and belong to the
 * call's tenant. Returns the canonical decoded value and the encoded form kept in `data`.
 */
export const encodeRecord = <K extends EntityKind>(
  kind: K,
  tenantId: string,
  candidate: unknown
): Either.Either<Encoded<K>, InvalidRecord> => {
  const schema = entitySchemas[kind] as Schema.Schema<Entities[K], any>
  const id = typeof candidate === "object" && candidate !== null ? String((candidate as { id?: unknown }).id) : "?"
  const refuse = (reason: string) => new InvalidRecord({ kind, id, reason })
  const encoded = Schema.encodeUnknownEither(schema)(candidate)
  if (Either.isLeft(encoded)) return Either.left(refuse(describe(encoded.left)))
  const value = Schema.decodeUnknownEither(schema)(encoded.right)
  if (Either.isLeft(value)) return Either.left(refuse(describe(value.left)))
  const owner = (value.right as { tenantId: string }).tenantId
  if (owner !== tenantId) return Either.left(refuse(`it belongs to tenant "${owner}", not "${tenantId}"`))
  const json = toJson(encoded.right)
  if (Either.isLeft(json)) return Either.left(refuse(json.left))
  return Either.right({ value: value.right, encoded: encoded.right, json: json.right })
}

/** Reads a stored `data` column back; a row that no longer decodes is a storage failure, not a caller error. */
export const decodeRow = <K extends EntityKind>(
  kind: K,
  data: string
): Either.Either<Encoded<K>, StoreUnavailable> => {
  const schema = entitySchemas[kind] as Schema.Schema<Entities[K], any>
  let encoded: unknown
  try {
    encoded = JSON.parse(data)
  } catch (e) {
    return Either.left(new StoreUnavailable({ reason: `a stored ${kind} is not valid JSON`, cause: e }))
  }
  return Schema.decodeUnknownEither(schema)(encoded).pipe(
    Either.map((value) => ({ value, encoded, json: data })),
    Either.mapLeft(
      (e) =>
        new StoreUnavailable({
          reason: `a stored ${kind} no longer matches its Schema: ${describe(e)}`,
          cause: e
        })
    )
  )
}

/** PostgreSQL text cannot hold U+0000; projections are for filters and reports, `data` keeps the exact text. */
const projectText = (s: string): string => s.replaceAll("\u0000", "")

/** The columns each kind projects out of its record, beside `tenant_id`, `id`, `version` and `data`. */
export const projections = {
  organization: (o: Organization) => ({ kind: o.kind, parent_id: o.parentId, name: projectText(o.name) }),
  member: (m: Member) => ({
    organization_id: m.organizationId,
    stage: m.stage,
    status: m.status,
    name: projectText(m.name),
    birth_date: m.birthDate
  })
} satisfies { readonly [K in EntityKind]: (record: Entities[K]) => Record<string, string | null> }

/** The table of each kind. */
export const tables = {
  organization: "zhibu_organization",
  member: "zhibu_member"
} as const satisfies Record<EntityKind, string>
