/**
 * 过半数 arithmetic. "超过半数" (more than half) of n is `floor(n / 2) + 1`; see rules.md §0.3.
 * All counts are whole numbers of people.
 */

/** The least count that is more than half of `n`. */
export const moreThanHalf = (n: number): number => Math.floor(n / 2) + 1

/** True when `count` is more than half of `of` (`count > of / 2`). */
export const exceedsHalf = (count: number, of: number): boolean => 2 * count > of

/** True when `count` is more than `numerator/denominator` of `of`, in exact integer arithmetic. */
export const exceedsFraction = (count: number, of: number, numerator: number, denominator: number): boolean =>
  count * denominator > of * numerator

/** True when `count` is at least `numerator/denominator` of `of`, in exact integer arithmetic. */
export const reachesFraction = (count: number, of: number, numerator: number, denominator: number): boolean =>
  count * denominator >= of * numerator

/** The least whole count that is more than `numerator/denominator` of `of`. */
export const leastExceeding = (of: number, numerator: number, denominator: number): number =>
  Math.floor((of * numerator) / denominator) + 1

/** The least whole count that is at least `numerator/denominator` of `of`. */
export const leastReaching = (of: number, numerator: number, denominator: number): number =>
  Math.ceil((of * numerator) / denominator)
