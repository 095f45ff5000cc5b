/**
 * A small seeded pseudo-random generator for test data. Not for anything secret.
 *
 * mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state, a period of 2^32, good enough
 * statistics for picking names and dates, and — unlike `Math.random` — the same sequence for the
 * same seed on every machine and Node version, because it uses only 32-bit integer operations.
 */
const mulberry32 = (state: number): (() => number) => {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** FNV-1a over the UTF-16 code units of `text`: turns a seed and a stream name into a 32-bit state. */
const hash32 = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A seeded source of random choices. Every method advances the sequence. */
export interface Rng {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max], both inclusive. */
  readonly int: (min: number, max: number) => number
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty array. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** `count` distinct indices of `0 … size - 1`, in increasing order. */
  readonly sample: (size: number, count: number) => ReadonlyArray<number>
}

const fromSource = (next: () => number): Rng => {
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick: no items")
      return items[int(0, items.length - 1)]!
    },
    sample: (size, count) => {
      if (count > size) throw new RangeError(`sample: ${count} of ${size}`)
      // Floyd's algorithm: `count` draws, no array of `size`.
      const chosen = new Set<number>()
      for (let j = size - count; j < size; j++) {
        const t = int(0, j)
        chosen.add(chosen.has(t) ? j : t)
      }
      return [...chosen].sort((a, b) => a - b)
    }
  }
}

/**
 * The random stream named `parts` under `seed`. Every concern of the generator draws from its own
 * stream (`rngFor(seed, "members", branchIndex)`), so adding a concern, or generating one branch
 * alone, never changes what the others draw.
 */
export const rngFor = (seed: number | string, ...parts: ReadonlyArray<string | number>): Rng =>
  fromSource(mulberry32(hash32([String(seed), ...parts.map(String)].join("\u0000"))))
