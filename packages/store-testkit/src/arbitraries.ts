import type { Member, Organization } from "@zhibu/core"
import type { AnyRecordKind, RecordOf } from "@zhibu/core/store"
import { arbitraryOf, idArbitrary, memberArbitrary as anyMember, organizationArbitrary as anyOrganization } from "@zhibu/testing"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as fc from "fast-check"
import { type Draft, withoutVersion } from "./fixtures.js"

/**
 * The Schema arbitraries are `@zhibu/testing`'s (fast-check 4, from the Schemas); what the contracts
 * add is drafts without a version (the store sets it), ids per kind, and names of any Unicode.
 */
export { arbitraryOf }

/** Record ids as the Schema allows them: 1–64 of letters, digits, `.`, `_`, `:`, `-`, mixed case. */
export const recordIdArbitrary: fc.Arbitrary<string> = idArbitrary

/** Any organization of `tenantId`, drawn from its Schema. */
export const organizationArbitrary = (tenantId: string): fc.Arbitrary<Draft<Organization>> =>
  anyOrganization({ tenantId }).map((o) => withoutVersion(o))

/** Any member of `tenantId`, drawn from its Schema. */
export const memberArbitrary = (tenantId: string): fc.Arbitrary<Draft<Member>> =>
  anyMember({ tenantId }).map((m) => withoutVersion(m))

/** Any record of a kind, drawn from the kind's Schema alone, without its version (the store sets it). */
export const recordArbitrary = <K extends AnyRecordKind>(kind: K): fc.Arbitrary<Draft<RecordOf<K>>> =>
  arbitraryOf(kind.schema).map((r) => withoutVersion(r as RecordOf<K>))

/**
 * Ids as a kind's Schema allows them (kinds differ: a meeting id is shorter than a member id), read
 * off the Schema's `id` property; any key when the Schema has none to read.
 */
export const idArbitraryOf = (kind: AnyRecordKind): fc.Arbitrary<string> => {
  const id = SchemaAST.getPropertySignatures(kind.schema.ast).find((p) => p.name === "id")
  return id === undefined ? recordIdArbitrary : (arbitraryOf(Schema.make(id.type)) as fc.Arbitrary<string>)
}

const isControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f)

/**
 * Any Unicode scalar value a name may hold: every code point but the surrogates U+D800–U+DFFF and
 * the control characters, which names refuse (`DisplayText` in core).
 */
const scalarValue = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((c) => (c < 0xd800 ? c : c + 0x800))
  .map((c) => (isControl(c) ? c + 0x3000 : c))

/** Code points weighted towards CJK: the BMP blocks (〇, ㄅ, 汉字) and planes 2 and 3 (𠀀 … 𱍐). */
const codePoint = fc.oneof(
  scalarValue,
  fc.integer({ min: 0x3000, max: 0x9fff }),
  fc.integer({ min: 0x20000, max: 0x3134f })
)

/**
 * A name of any Unicode scalar values (every plane, astral CJK included), at most `maxLength`
 * UTF-16 code units long as the Schemas count: at most `maxLength / 2` code points. Built from code
 * points because `fc.string({ unit: "binary" })` spends seconds on its first use.
 */
export const unicodeNameArbitrary = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(codePoint, { minLength: 1, maxLength: Math.floor(maxLength / 2) }).map((cs) => String.fromCodePoint(...cs))
