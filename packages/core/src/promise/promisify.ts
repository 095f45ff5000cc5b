import type * as Effect from "effect/Effect"
import type { CommandContext } from "../service/context.js"
import type { Store } from "../store/port.js"

/** Any service method: `(ctx, input) => Effect` needing at most the `Store`. */
// `any`: inputs, results and errors vary per method; each is inferred back in AsyncMethod.
export type AnyServiceMethod = (ctx: CommandContext, input: any) => Effect.Effect<any, any, Store>

/** A service: an object of service methods, such as `memberService`. */
export type AnyService = { readonly [name: string]: AnyServiceMethod }

/**
 * A service method as a plain async function: the same typed input and result, and a Promise that
 * rejects with the method's typed error `E` itself (or a defect). `E` is carried for the type
 * system only ({@link RejectionOf}); the property never exists at run time.
 */
export interface AsyncServiceMethod<I, A, E> {
  (ctx: CommandContext, input: I): Promise<A>
  /** Type-level only: what the Promise rejects with besides defects. Never set. */
  readonly "~rejects"?: E
}

/** The async form of one service method. */
export type AsyncMethod<M> = M extends (ctx: CommandContext, input: infer I) => Effect.Effect<infer A, infer E, infer _R>
  ? AsyncServiceMethod<I, A, E>
  : never

/** The async form of a service: every method as an {@link AsyncServiceMethod}. */
export type AsyncService<S> = { readonly [K in keyof S]: AsyncMethod<S[K]> }

/**
 * The typed errors a method rejects with, for a `catch`:
 * `catch (e) { const refusal = e as RejectionOf<typeof zhibu.member.recordStep> }`.
 * Works on a service method and on its async form.
 */
export type RejectionOf<M> = M extends AsyncServiceMethod<infer _I, infer _A, infer E>
  ? E
  : M extends (ctx: CommandContext, input: infer _I) => Effect.Effect<infer _A, infer E, infer _R>
    ? E
    : never

/** Runs an Effect that needs the `Store`, settling with its value or rejecting with its typed error. */
export type RunEffect = <A, E>(effect: Effect.Effect<A, E, Store>) => Promise<A>

/**
 * Turns a service of `(ctx, input) => Effect<A, E, Store>` methods into the same methods as
 * `(ctx, input) => Promise<A>`, each run by `run` (a `createZhibu` instance's `run`). Any object of
 * service methods works, including an application's own.
 */
export const promisifyService = <S extends AnyService>(run: RunEffect, service: S): AsyncService<S> =>
  Object.fromEntries(
    Object.entries(service).map(([name, method]) => [name, (ctx: CommandContext, input: unknown) => run(method(ctx, input))])
  ) as AsyncService<S>

/** Every service of a map (`{ member: memberService, … }`) in its async form, under the same names. */
export type AsyncServices<M> = { readonly [K in keyof M]: AsyncService<M[K]> }

/** {@link promisifyService} over a map of services. */
export const promisifyServices = <M extends { readonly [name: string]: AnyService }>(run: RunEffect, services: M): AsyncServices<M> =>
  Object.fromEntries(Object.entries(services).map(([name, service]) => [name, promisifyService(run, service)])) as AsyncServices<M>
