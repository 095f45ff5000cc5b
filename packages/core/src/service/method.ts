import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { CommandContext } from "./context.js"
import { decodeInput } from "./decode-input.js"
import type { InvalidInput } from "./errors.js"

/**
 * A service method: `(ctx, input) => Effect`. The input is typed for TypeScript callers (the
 * Schema's encoded form, e.g. dates as `YYYY-MM-DD` text) and still decoded at the boundary, so a
 * JavaScript caller's misspelt field is an `InvalidInput` naming it, and nothing is written.
 */
export type ServiceMethod<I, A, E, R> = (ctx: CommandContext, input: I) => Effect.Effect<A, E | InvalidInput, R>

/** Makes a {@link ServiceMethod} that decodes its input with `schema` before running `body`. */
export const serviceMethod =
  <Decoded, I, A, E, R>(
    operation: string,
    schema: Schema.Schema<Decoded, I>,
    body: (ctx: CommandContext, input: Decoded) => Effect.Effect<A, E, R>
  ): ServiceMethod<I, A, E, R> =>
  (ctx, input) =>
    Effect.flatMap(decodeInput(schema, operation)(input), (decoded) => body(ctx, decoded))
