import * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/**
 * 快速校验 — a Schema compiled once into a plain predicate that accepts exactly the values already in
 * the Schema's one canonical form, or `null` when the Schema is not of the shape it handles.
 *
 * The guard answers what `Schema.is(schema, { exact: true, onExcessProperty: "error" })` answers —
 * except that a number must also be finite —
 * the same refinements (every `filter`, brand, pattern and length) run on the same values, and a
 * property the Schema does not know is a refusal — without building the result objects and `Either`s
 * effect's parser builds for every node. Adapters use it as a fast acceptance only: a value it
 * refuses goes through the full encode and decode, which decide and say why.
 *
 * It compiles a Schema only when decoding and encoding change nothing in a value that is already of
 * the Schema's type: structs, arrays and tuples, unions, literals, the primitive keywords and
 * refinements, and the property-signature transformations of `optional` / `optionalWith` (an absent
 * key stays absent, a present value stays itself). A Schema with any other transformation or a
 * declaration (a class, `Date`, `Option`…), an index signature, a decoding fallback or parse options
 * of its own has no guard.
 */
export type RecordGuard = (value: unknown) => boolean

const OPTIONS: AST.ParseOptions = { exact: true, onExcessProperty: "error" }

class Unsupported extends Error {}

/** The predicate of one type-side AST node. */
const compile = (ast: AST.AST, seen: Map<AST.AST, { fn?: RecordGuard }>): RecordGuard => {
  if (Option.isSome(AST.getDecodingFallbackAnnotation(ast)) || Option.isSome(AST.getParseOptionsAnnotation(ast))) throw new Unsupported()
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      // Finite only, stricter than the Schema: a record holding Infinity or NaN takes the full check,
      // and the adapters may serialize what the guard accepts without looking for them.
      return (u) => typeof u === "number" && Number.isFinite(u)
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UndefinedKeyword":
      return (u) => u === undefined
    case "UnknownKeyword":
    case "AnyKeyword":
      return () => true
    case "NeverKeyword":
      return () => false
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Enums": {
      const values = ast.enums.map(([, v]) => v)
      return (u) => values.some((v) => v === u)
    }
    case "Refinement": {
      const from = compile(ast.from, seen)
      const filter = ast.filter
      return (u) => from(u) && Option.isNone(filter(u, OPTIONS, ast))
    }
    case "Union": {
      const members = ast.types.map((t) => compile(t, seen))
      return (u) => {
        for (const m of members) if (m(u)) return true
        return false
      }
    }
    case "TupleType": {
      if (ast.rest.length > 1 || ast.elements.some((e) => e.isOptional)) throw new Unsupported()
      const elements = ast.elements.map((e) => compile(e.type, seen))
      const rest = ast.rest.length === 0 ? undefined : compile(ast.rest[0]!.type, seen)
      const fixed = elements.length
      return (u) => {
        if (!Array.isArray(u) || u.length < fixed || (rest === undefined && u.length > fixed)) return false
        for (let i = 0; i < fixed; i++) if (!elements[i]!(u[i])) return false
        if (rest !== undefined) for (let i = fixed; i < u.length; i++) if (!rest(u[i])) return false
        return true
      }
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length > 0) throw new Unsupported()
      if (ast.propertySignatures.length === 0) return (u) => u !== null && u !== undefined
      const props = ast.propertySignatures.map((ps) => {
        if (typeof ps.name !== "string") throw new Unsupported()
        return { name: ps.name, optional: ps.isOptional, check: compile(ps.type, seen) }
      })
      const count = props.length
      return (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return false
        let present = 0
        for (let i = 0; i < count; i++) {
          const p = props[i]!
          if (!Object.hasOwn(u, p.name)) {
            if (p.optional) continue
            return false
          }
          present++
          if (!p.check((u as Record<string, unknown>)[p.name])) return false
        }
        // No key besides the known ones: non-enumerable and symbol keys count, as effect's parser reads
        // them (`Reflect.ownKeys`, which is far slower than these two).
        return Object.getOwnPropertyNames(u).length === present && Object.getOwnPropertySymbols(u).length === 0
      }
    }
    case "Suspend": {
      // Recursive Schemas: compile the target once, on first use.
      const slot = seen.get(ast) ?? {}
      seen.set(ast, slot)
      return (u) => {
        slot.fn ??= compile(ast.f(), seen)
        return slot.fn(u)
      }
    }
    default:
      throw new Unsupported()
  }
}

/**
 * True when decoding and encoding leave a value of the Schema's type as it is: no transformation
 * but the key-preserving property signatures of `optional`/`optionalWith`, no declaration.
 */
const changesNothing = (ast: AST.AST, seen: Set<AST.AST>): boolean => {
  if (seen.has(ast)) return true
  seen.add(ast)
  switch (ast._tag) {
    case "Declaration":
      return false
    case "Transformation": {
      const t = ast.transformation
      if (t._tag !== "TypeLiteralTransformation") return false
      // Only renaming-free property transformations, between structs whose other parts change nothing.
      if (t.propertySignatureTransformations.some((p) => p.from !== p.to)) return false
      return changesNothing(ast.from, seen) && changesNothing(ast.to, seen)
    }
    case "Refinement":
      return changesNothing(ast.from, seen)
    case "Union":
      return ast.types.every((t) => changesNothing(t, seen))
    case "TupleType":
      return ast.elements.every((e) => changesNothing(e.type, seen)) && ast.rest.every((r) => changesNothing(r.type, seen))
    case "TypeLiteral":
      return ast.propertySignatures.every((p) => changesNothing(p.type, seen)) && ast.indexSignatures.every((i) => changesNothing(i.type, seen))
    case "Suspend":
      return changesNothing(ast.f(), seen)
    default:
      return true
  }
}

const guards = new WeakMap<AST.AST, RecordGuard | null>()

/** The guard of `schema` (compiled once per Schema), or null when it has none; see {@link RecordGuard}. */
export const recordGuard = (schema: Schema.Schema.Any): RecordGuard | null => {
  const known = guards.get(schema.ast)
  if (known !== undefined) return known
  let guard: RecordGuard | null = null
  try {
    if (changesNothing(schema.ast, new Set())) guard = compile(AST.typeAST(schema.ast), new Map())
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e
  }
  guards.set(schema.ast, guard)
  return guard
}
