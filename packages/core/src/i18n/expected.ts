import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import type { Message } from "./message.js"

/**
 * 期望说明 — what a Schema expects, in zh-CN and English, for an `InvalidInput` to say. It is read
 * from the Schema alone, never from the value received, so no personal data is ever echoed.
 */

/** The annotation that says, in both languages, what a Schema expects. */
export const ExpectedId: unique symbol = Symbol.for("@zhibu/core/Expected")

/**
 * The annotation saying what a Schema expects, to spread into its annotations:
 * `Schema.annotations({ ...expected({ zh: "YYYY-MM-DD 格式的日期", en: "a date YYYY-MM-DD" }) })`.
 */
export const expected = (message: Message): { readonly [ExpectedId]: Message } => ({ [ExpectedId]: message })

const annotated = (ast: AST.AST): Message | undefined => ast.annotations[ExpectedId] as Message | undefined

const literal = (value: AST.LiteralValue): string => (typeof value === "string" ? `"${value}"` : String(value))

/** A constraint of a refinement, from its JSON Schema annotation (`minLength`, `pattern`, `type: integer`…). */
const constraint = (json: Record<string, unknown>): Message | undefined => {
  const parts: Array<Message> = []
  if (json.type === "integer") parts.push({ zh: "整数", en: "a whole number" })
  if (typeof json.minLength === "number") parts.push({ zh: `至少 ${json.minLength} 个字符`, en: `at least ${json.minLength} character(s)` })
  if (typeof json.maxLength === "number") parts.push({ zh: `至多 ${json.maxLength} 个字符`, en: `at most ${json.maxLength} character(s)` })
  if (typeof json.minItems === "number") parts.push({ zh: `至少 ${json.minItems} 项`, en: `at least ${json.minItems} item(s)` })
  if (typeof json.maxItems === "number") parts.push({ zh: `至多 ${json.maxItems} 项`, en: `at most ${json.maxItems} item(s)` })
  if (typeof json.minimum === "number") parts.push({ zh: `不小于 ${json.minimum}`, en: `at least ${json.minimum}` })
  if (typeof json.maximum === "number") parts.push({ zh: `不大于 ${json.maximum}`, en: `at most ${json.maximum}` })
  if (typeof json.exclusiveMinimum === "number") parts.push({ zh: `大于 ${json.exclusiveMinimum}`, en: `more than ${json.exclusiveMinimum}` })
  if (typeof json.exclusiveMaximum === "number") parts.push({ zh: `小于 ${json.exclusiveMaximum}`, en: `less than ${json.exclusiveMaximum}` })
  if (typeof json.pattern === "string") parts.push({ zh: `符合格式 ${json.pattern}`, en: `matching ${json.pattern}` })
  return parts.length === 0 ? undefined : { zh: parts.map((p) => p.zh).join("，"), en: parts.map((p) => p.en).join(", ") }
}

/** Describes a refinement's own condition: its annotation, its JSON Schema constraint, or its description. */
const condition = (ast: AST.Refinement): Message | undefined => {
  const json = AST.getJSONSchemaAnnotation(ast)
  const fromJson = Option.isSome(json) ? constraint(json.value as Record<string, unknown>) : undefined
  if (fromJson !== undefined) return fromJson
  const description = AST.getDescriptionAnnotation(ast)
  return Option.isSome(description) ? { zh: description.value, en: description.value } : undefined
}

const join = (parts: ReadonlyArray<Message>, zh: string, en: string): Message => ({
  zh: parts.map((p) => p.zh).join(zh),
  en: parts.map((p) => p.en).join(en)
})

/**
 * What `ast` expects, in both languages: its {@link ExpectedId} annotation if it (or a Schema it
 * refines) has one, else a description built from its structure and constraints.
 */
export const describeExpected = (ast: AST.AST): Message => {
  const own = annotated(ast)
  if (own !== undefined) return own
  switch (ast._tag) {
    case "Refinement": {
      const conditions: Array<Message> = []
      let base: AST.AST = ast
      while (base._tag === "Refinement" && annotated(base) === undefined) {
        const c = condition(base)
        if (c !== undefined) conditions.unshift(c)
        base = base.from
      }
      const described = describeExpected(base)
      if (conditions.length === 0) return described
      const all = join(conditions, "，", ", ")
      return { zh: `${described.zh}（${all.zh}）`, en: `${described.en} (${all.en})` }
    }
    case "StringKeyword":
      return { zh: "文本", en: "text" }
    case "NumberKeyword":
      return { zh: "数字", en: "a number" }
    case "BooleanKeyword":
      return { zh: "true 或 false", en: "true or false" }
    case "Literal":
      return { zh: literal(ast.literal), en: literal(ast.literal) }
    case "Union": {
      const members = ast.types.map(describeExpected)
      return ast.types.every((t) => t._tag === "Literal")
        ? { zh: `以下之一：${members.map((m) => m.zh).join("、")}`, en: `one of ${members.map((m) => m.en).join(", ")}` }
        : join(members, " 或 ", " or ")
    }
    case "TypeLiteral":
      return { zh: "对象", en: "an object" }
    case "TupleType":
      return { zh: "列表", en: "a list" }
    case "Transformation":
      return describeExpected(ast.from)
    case "Suspend":
      return describeExpected(ast.f())
    default: {
      const id = AST.getIdentifierAnnotation(ast)
      const text = Option.isSome(id) ? id.value : String(ast)
      return { zh: text, en: text }
    }
  }
}
