import * as Schema from "effect/Schema"

/**
 * 频次 — how often something is expected: once per week, month, quarter, half-year (Jan–Jun,
 * Jul–Dec), school semester, or calendar year.
 */
export const Cadence = Schema.Literal("weekly", "monthly", "quarterly", "halfYearly", "semester", "yearly")
export type Cadence = typeof Cadence.Type

/** How many periods of each cadence fit in a year; a larger number is a stricter cadence. */
export const cadencePerYear: Readonly<Record<Cadence, number>> = {
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  halfYearly: 2,
  semester: 2,
  yearly: 1
}

/** True when `candidate` asks for meetings at least as often as `baseline`. */
export const cadenceAtLeastAsOften = (candidate: Cadence, baseline: Cadence): boolean =>
  cadencePerYear[candidate] >= cadencePerYear[baseline]
