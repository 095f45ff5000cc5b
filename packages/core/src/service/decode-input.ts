import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { InvalidInput } from "./errors.js"

/** Decodes a service's input with its Schema; failure is an {@link InvalidInput} naming the operation. */
export const decodeInput =
  <A, I>(schema: Schema.Schema<A, I>, operation: string) =>
  (input: unknown): Effect.Effect<A, InvalidInput> =>
    Schema.decodeUnknown(schema)(input).pipe(
      Effect.mapError((e) => new InvalidInput({ operation, reason: ParseResult.TreeFormatter.formatErrorSync(e) }))
    )
