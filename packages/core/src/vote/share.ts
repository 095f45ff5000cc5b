import * as Schema from "effect/Schema"

/**
 * 比例 — a share of a whole, `numerator/denominator`, between 0 and 1: the ½ of "超过半数", the 4/5 of
 * an election quorum, the ⅓ cap on 优秀, the ⅕ of a 差额 margin. Every quorum, vote, cap and margin
 * rule compares counts with a Share, in exact integer arithmetic (no floating point):
 *
 * - "超过" (more than): {@link exceeds}, least count {@link leastExceeding};
 * - "以上 / 不少于" (at least): {@link reaches}, least count {@link leastReaching};
 * - "不超过" (at most): {@link mostNotExceeding}.
 *
 * See rules.md §0.3: "超过半数" of n is `floor(n/2) + 1`. Counts are whole numbers of people.
 */
export const Share = Schema.Struct({
  numerator: Schema.Int.pipe(Schema.nonNegative()),
  denominator: Schema.Int.pipe(Schema.positive())
}).pipe(Schema.filter((s) => s.numerator <= s.denominator || "a share cannot exceed the whole"))
export type Share = typeof Share.Type

/** A share from its numerator and denominator (`share(1, 2)` is one half). */
export const share = (numerator: number, denominator: number): Share => ({ numerator, denominator })

/** One half, ½: the share of "超过半数" and "半数以上". */
export const half: Share = share(1, 2)

/** `floor(a / b)` for whole `a ≥ 0` and `b > 0`, exact for every safe integer. */
const floorDiv = (a: number, b: number): number => (a - (a % b)) / b

/** True when `count` is more than the share of `of` (`count > share × of`): "超过". */
export const exceeds = (s: Share, count: number, of: number): boolean => count * s.denominator > of * s.numerator

/** True when `count` is at least the share of `of` (`count ≥ share × of`): "以上", "不少于". */
export const reaches = (s: Share, count: number, of: number): boolean => count * s.denominator >= of * s.numerator

/** The least whole count that is more than the share of `of` (½ of 4 → 3, ½ of 5 → 3). */
export const leastExceeding = (s: Share, of: number): number => floorDiv(of * s.numerator, s.denominator) + 1

/** The least whole count that is at least the share of `of` (½ of 4 → 2, ⅔ of 7 → 5). */
export const leastReaching = (s: Share, of: number): number => floorDiv(of * s.numerator + s.denominator - 1, s.denominator)

/** The greatest whole count that is not more than the share of `of` (⅓ of 10 → 3): "不超过". */
export const mostNotExceeding = (s: Share, of: number): number => floorDiv(of * s.numerator, s.denominator)

/** Compares two shares: negative when `a` is smaller, 0 when equal, positive when larger. */
export const compare = (a: Share, b: Share): number => a.numerator * b.denominator - b.numerator * a.denominator

/** True when `candidate` is at least as large a share as `baseline` (asks for at least as many people). */
export const atLeastAsLarge = (candidate: Share, baseline: Share): boolean => compare(candidate, baseline) >= 0
