import * as Arbitrary from "effect/Arbitrary"
import type * as FastCheck3 from "effect/FastCheck"
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"

/**
 * A fast-check 4 generator from any Schema: effect's `Arbitrary.make`, built with the fast-check
 * your tests use. (`Arbitrary.make` alone builds it with the fast-check 3 that effect bundles, whose
 * arbitraries fast-check 4's runner does not take; `makeLazy` lets us hand it fast-check 4.)
 */
export const arbitraryOf = <A, I, R>(schema: Schema.Schema<A, I, R>): fc.Arbitrary<A> =>
  Arbitrary.makeLazy(schema)(fc as unknown as typeof FastCheck3) as unknown as fc.Arbitrary<A>
