import { addDays, type CivilDate, toEpochDay } from "../internal/core.js"
import type { Rng } from "./prng.js"

/** Exact apportionment: the generator's figures are totals, spread over branches without rounding drift. */

/**
 * `total` split into `n` parts between `min` and `max` each, in random proportions. Throws when the
 * bounds cannot hold the total.
 */
export const apportion = (rng: Rng, total: number, n: number, min: number, max: number): Array<number> => {
  if (n === 0) {
    if (total !== 0) throw new RangeError(`apportion: ${total} over no parts`)
    return []
  }
  if (total < n * min || total > n * max) throw new RangeError(`apportion: ${total} does not fit ${n} parts of ${min}–${max}`)
  const parts = new Array<number>(n).fill(min)
  let left = total - n * min
  // Random weights, then floor the shares (capped), then hand out what is left one by one.
  const weights = Array.from({ length: n }, () => 0.25 + rng.next())
  const sum = weights.reduce((a, b) => a + b, 0)
  const room = max - min
  const extra = left
  for (let i = 0; i < n; i++) {
    const share = Math.min(room, Math.floor((extra * weights[i]!) / sum))
    parts[i]! += share
    left -= share
  }
  while (left > 0) {
    const start = rng.int(0, n - 1)
    for (let k = 0; k < n && left > 0; k++) {
      const i = (start + k) % n
      if (parts[i]! < max) {
        parts[i]!++
        left--
      }
    }
  }
  return parts
}

/**
 * `total` units dealt over `capacities.length` parts with probability proportional to capacity,
 * never more than a part's capacity. Throws when the capacities cannot hold the total.
 */
export const deal = (rng: Rng, total: number, capacities: ReadonlyArray<number>): Array<number> => {
  const room = capacities.reduce((a, b) => a + b, 0)
  if (total > room) throw new RangeError(`deal: ${total} units, room for ${room}`)
  const counts = new Array<number>(capacities.length).fill(0)
  const cumulative: Array<number> = []
  let acc = 0
  for (const c of capacities) {
    acc += c
    cumulative.push(acc)
  }
  for (let dealt = 0; dealt < total; ) {
    const x = rng.next() * acc
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    if (counts[lo]! < capacities[lo]!) {
      counts[lo]!++
      dealt++
    }
  }
  return counts
}

/** A day between `from` and `to`, both inclusive. */
export const dateBetween = (rng: Rng, from: CivilDate, to: CivilDate): CivilDate => addDays(from, rng.int(0, toEpochDay(to) - toEpochDay(from)))

/** `count` days between `from` and `to`, in order. */
export const datesBetween = (rng: Rng, from: CivilDate, to: CivilDate, count: number): Array<CivilDate> =>
  Array.from({ length: count }, () => dateBetween(rng, from, to)).sort()
