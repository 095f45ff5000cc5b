import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { describeExpected } from "../i18n/expected.js"
import type { Message } from "../i18n/message.js"
import { type InvalidInput, invalidInput } from "./errors.js"

/** Where a decoding failed: the path of the field, and what is wrong with it. */
interface Located {
  readonly path: ReadonlyArray<PropertyKey>
  readonly problem: "missing" | "invalid" | "unexpected"
  readonly expected: Message
}

const isStructure = (ast: AST.AST): boolean => ast._tag === "TypeLiteral" || ast._tag === "TupleType"

/** A struct or list, possibly behind filters and defaults (`Schema.Struct(…).pipe(Schema.filter(…))`). */
const isObjectLike = (ast: AST.AST): boolean =>
  ast._tag === "Refinement" ? isObjectLike(ast.from) : ast._tag === "Transformation" ? isObjectLike(ast.to) : isStructure(ast)

/**
 * The first failing field of a parse issue, with the Schema of the whole field (so `expected`
 * names every condition of the field, not only the one that failed). A check on a whole object
 * (a Schema filter over a struct) is described by its own message, which our Schemas write
 * without the values received.
 */
const locate = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): Located => {
  switch (issue._tag) {
    case "Pointer":
      return locate(issue.issue, [...path, ...(Array.isArray(issue.path) ? issue.path : [issue.path])])
    case "Missing":
      return { path, problem: "missing", expected: describeExpected(issue.ast as unknown as AST.AST) }
    case "Unexpected":
      return { path, problem: "unexpected", expected: { zh: "无此字段", en: "no such field" } }
    case "Composite": {
      const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues]
      const inner = issues[0]
      const into = isStructure(issue.ast) || (issue.ast._tag === "Union" && issues.length === 1)
      return into && inner !== undefined ? locate(inner, path) : { path, problem: "invalid", expected: describeExpected(issue.ast) }
    }
    case "Refinement":
      if (isObjectLike(issue.ast.from)) {
        return issue.kind === "From" ? locate(issue.issue, path) : { path, problem: "invalid", expected: ownMessage(issue.issue, issue.ast) }
      }
      return { path, problem: "invalid", expected: describeExpected(issue.ast) }
    case "Transformation":
      return issue.kind === "Transformation" ? { path, problem: "invalid", expected: describeExpected(issue.ast) } : locate(issue.issue, path)
    default:
      return { path, problem: "invalid", expected: describeExpected(issue.ast) }
  }
}

/** The message a filter over a whole object gave (ours are written in words, without values). */
const ownMessage = (issue: ParseResult.ParseIssue, ast: AST.AST): Message => {
  const message = issue._tag === "Type" ? issue.message : undefined
  return message !== undefined ? { zh: message, en: message } : describeExpected(ast)
}

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? String(key) : `${text}.${String(key)}`), "")

/**
 * The {@link InvalidInput} for a parse error: the first failing field and what it expects, in both
 * languages; `prefix` is prepended to the path (`actor` when decoding the actor alone).
 */
export const invalidInputOf = (operation: string, error: ParseResult.ParseError, prefix: ReadonlyArray<PropertyKey> = []): InvalidInput => {
  const located = locate(error.issue, prefix)
  return invalidInput(operation, pathText(located.path), located.expected, located.problem)
}

/** Decodes a service's input with its Schema; failure is an {@link InvalidInput} naming the operation and the field. */
export const decodeInput =
  <A, I>(schema: Schema.Schema<A, I>, operation: string) =>
  (input: unknown): Effect.Effect<A, InvalidInput> =>
    // A field the Schema does not know is refused: a misspelt optional field must not pass silently.
    Schema.decodeUnknown(schema, { onExcessProperty: "error" })(input).pipe(Effect.mapError((e) => invalidInputOf(operation, e)))

/** {@link decodeInput} without Effect, for synchronous boundaries such as `makeCommandContext`. */
export const decodeInputEither = <A, I>(schema: Schema.Schema<A, I>, operation: string, input: unknown, prefix: ReadonlyArray<PropertyKey> = []): Either.Either<A, InvalidInput> =>
  Either.mapLeft(Schema.decodeUnknownEither(schema)(input), (e) => invalidInputOf(operation, e, prefix))
