import * as Schema from "effect/Schema"
import * as Share from "../vote/share.js"

/**
 * 表决/到会门槛 — a {@link Share.Share} of a body that must be reached, and whether exactly that share is
 * enough (`inclusive`, "以上") or it must be exceeded ("超过"). "超过半数" is `1/2`, not inclusive; how
 * to read "半数以上" is open question Q1 in rules.md (default: not inclusive).
 */
export const Threshold = Schema.Struct({ ...Share.Share.from.fields, inclusive: Schema.Boolean }).pipe(
  Schema.filter((t) => t.numerator <= t.denominator || "a threshold share cannot exceed the whole")
)
export type Threshold = typeof Threshold.Type

/** True when `count` people out of `of` reach the threshold, in exact integer arithmetic. */
export const meetsThreshold = (threshold: Threshold, count: number, of: number): boolean =>
  threshold.inclusive ? Share.reaches(threshold, count, of) : Share.exceeds(threshold, count, of)

/**
 * True when `candidate` never needs fewer people than `baseline`: a larger share, or the same share
 * without turning "more than" into "at least".
 */
export const thresholdAtLeastAsStrict = (candidate: Threshold, baseline: Threshold): boolean => {
  const c = Share.compare(candidate, baseline)
  return c > 0 || (c === 0 && (!candidate.inclusive || baseline.inclusive))
}

/**
 * Like {@link thresholdAtLeastAsStrict}, but the same share may be read either way. Used for the
 * "半数以上" attendance rules, where counting exactly half is a reading a profile may choose (Q1).
 */
export const shareAtLeastAsLarge = (candidate: Threshold, baseline: Threshold): boolean => Share.atLeastAsLarge(candidate, baseline)
