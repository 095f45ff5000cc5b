import * as Cause from "effect/Cause"
import type * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"

/**
 * What a failed Effect rejects with in the Promise API: the typed error itself when the Effect
 * failed (a refusal such as `NotFound` or `StepRejected`, so `_tag`, `instanceof` and `ruleId`
 * work), the defect itself when it died (a bug, or a misuse such as an invalid `Date`), and an
 * `InterruptedException` when it was interrupted. Of several parallel failures, the first.
 */
export const rejectionOf = <E>(cause: Cause.Cause<E>): unknown => Cause.squash(cause)

/**
 * Runs an Effect with a runner of exits (a `ManagedRuntime`'s `runPromiseExit`), and settles the
 * Promise with its value, or rejects with {@link rejectionOf} its cause: never a `FiberFailure`.
 */
export const settle = async <A, E, R>(
  runExit: (effect: Effect.Effect<A, E, R>) => Promise<Exit.Exit<A, E | unknown>>,
  effect: Effect.Effect<A, E, R>
): Promise<A> => {
  const exit = await runExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  throw rejectionOf(exit.cause)
}
