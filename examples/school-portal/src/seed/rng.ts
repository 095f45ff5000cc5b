/**
 * A tiny deterministic generator for the demo's own choices (who is on leave at a meeting, which
 * month a member pays late): the same seed and key give the same numbers on every run.
 */
export const rng = (seed: number | string, key: string): (() => number) => {
  let h = 2166136261
  for (const ch of `${seed}:${key}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  let state = h >>> 0
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <A>(next: () => number, items: ReadonlyArray<A>): A => items[Math.floor(next() * items.length)]!
