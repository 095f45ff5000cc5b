/**
 * 小数保护 — small-cell suppression with complementary suppression, for tables of counts in which
 * some cells are the sums of others (a county's figure is the sum of its schools', a total the sum
 * of its categories). Pure, and independent of what the cells count.
 */

/** `total = parts[0] + parts[1] + …`, by cell id. */
export interface SumEquation {
  readonly total: string
  readonly parts: ReadonlyArray<string>
}

/**
 * A published cell:
 * - `exact`: the count;
 * - `small`: a count below the threshold (0 included), shown as `text` ("<5");
 * - `withheld`: a count of at least the threshold, withheld so that no small count can be recovered
 *   from a total minus its parts (complementary suppression), shown as `text` ("×").
 */
export type PublishedCell =
  | { readonly kind: "exact"; readonly value: number }
  | { readonly kind: "small"; readonly text: string }
  | { readonly kind: "withheld"; readonly text: string }

/** What a reader of the published table knows of a cell: an inclusive range (`hi` may be Infinity). */
export interface Bounds {
  readonly lo: number
  readonly hi: number
}

/** The range a published cell tells its reader, before any arithmetic. */
export const boundsOf = (cell: PublishedCell, threshold: number): Bounds => {
  switch (cell.kind) {
    case "exact":
      return { lo: cell.value, hi: cell.value }
    case "small":
      return { lo: 0, hi: threshold - 1 }
    case "withheld":
      return { lo: threshold, hi: Number.POSITIVE_INFINITY }
  }
}

/**
 * What a reader can work out from the published cells by "totals minus parts", repeated until
 * nothing changes: each equation narrows its total to the sum of its parts' ranges and each part to
 * the total's range minus the others'. Cells in no equation keep their own range.
 */
export const inferBounds = (
  published: ReadonlyMap<string, PublishedCell>,
  equations: ReadonlyArray<SumEquation>,
  threshold: number
): Map<string, Bounds> => {
  const lo = new Map<string, number>()
  const hi = new Map<string, number>()
  for (const [id, cell] of published) {
    const b = boundsOf(cell, threshold)
    lo.set(id, b.lo)
    hi.set(id, b.hi)
  }
  const get = (m: Map<string, number>, id: string) => m.get(id) ?? (m === lo ? 0 : Number.POSITIVE_INFINITY)
  let changed = true
  while (changed) {
    changed = false
    const tighten = (id: string, l: number, h: number) => {
      if (l > get(lo, id)) {
        lo.set(id, l)
        changed = true
      }
      if (h < get(hi, id)) {
        hi.set(id, h)
        changed = true
      }
    }
    for (const { total, parts } of equations) {
      let sumLo = 0
      let sumHi = 0
      for (const p of parts) {
        sumLo += get(lo, p)
        sumHi += get(hi, p)
      }
      tighten(total, sumLo, sumHi)
      const tLo = get(lo, total)
      const tHi = get(hi, total)
      for (const p of parts) {
        const othersLo = sumLo - get(lo, p)
        const othersHi = sumHi - get(hi, p)
        // Infinity − Infinity is NaN: a part is bounded by the total only when the others are bounded.
        tighten(p, Number.isFinite(othersHi) ? Math.max(0, tLo - othersHi) : 0, tHi - othersLo)
      }
    }
  }
  const out = new Map<string, Bounds>()
  for (const id of new Set([...lo.keys(), ...hi.keys()])) out.set(id, { lo: get(lo, id), hi: get(hi, id) })
  return out
}

/** The small cells whose count {@link inferBounds} pins to one value. */
const disclosed = (
  published: ReadonlyMap<string, PublishedCell>,
  equations: ReadonlyArray<SumEquation>,
  threshold: number
): ReadonlyArray<string> => {
  const bounds = inferBounds(published, equations, threshold)
  return [...published]
    .filter(([id, cell]) => cell.kind === "small" && bounds.get(id)!.lo === bounds.get(id)!.hi)
    .map(([id]) => id)
    .sort()
}

/** Throws unless the equations form a hierarchy: each cell the total of at most one sum and a part of at most one. */
const requireHierarchy = (equations: ReadonlyArray<SumEquation>): void => {
  const totals = new Set<string>()
  const parts = new Set<string>()
  for (const e of equations) {
    if (totals.has(e.total)) throw new TypeError(`suppressTable: ${e.total} is the total of two sums`)
    totals.add(e.total)
    for (const p of e.parts) {
      if (parts.has(p) || p === e.total) throw new TypeError(`suppressTable: ${p} is a part of two sums`)
      parts.add(p)
    }
  }
}

/** The cells to withhold next to protect `cell`: an unsuppressed cell of one of its equations, parts before totals, smallest first. */
const complementFor = (
  cell: string,
  published: ReadonlyMap<string, PublishedCell>,
  values: ReadonlyMap<string, number>,
  byCell: ReadonlyMap<string, ReadonlyArray<SumEquation>>
): string | undefined => {
  const open = (id: string) => published.get(id)?.kind === "exact"
  const seen = new Set<string>([cell])
  let ring = [cell]
  while (ring.length > 0) {
    const candidates: Array<{ id: string; total: boolean }> = []
    const next: Array<string> = []
    for (const c of ring) {
      for (const eq of byCell.get(c) ?? []) {
        for (const id of [eq.total, ...eq.parts]) {
          if (open(id)) candidates.push({ id, total: id === eq.total })
          if (!seen.has(id)) {
            seen.add(id)
            next.push(id)
          }
        }
      }
    }
    const best = candidates.sort(
      (a, b) => Number(a.total) - Number(b.total) || values.get(a.id)! - values.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )[0]
    if (best !== undefined) return best.id
    ring = next
  }
  return undefined
}

/**
 * Publishes a roll-up of counts: every count below `threshold` (0 included) is `small`, and enough
 * other cells are `withheld` that no small count can be stated exactly from the published cells by
 * totals minus parts, repeated through the table ({@link inferBounds}). The equations must form a
 * hierarchy — each cell the total of at most one sum and a part of at most one, as a roll-up of one
 * measure up an organization tree is — and for a hierarchy that reasoning is complete: whatever a
 * reader combines, a small count keeps at least two possible values. (A two-way table, e.g. a total
 * over categories that are themselves rolled up, is not a hierarchy: publish one measure per table
 * and leave the sums across measures to the reader.) Complements are parts before totals, the
 * smallest first, so the totals a county reads are kept whenever that is safe. Deterministic.
 */
export const suppressTable = (
  values: ReadonlyMap<string, number>,
  equations: ReadonlyArray<SumEquation>,
  threshold: number
): Map<string, PublishedCell> => {
  requireHierarchy(equations)
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError(`suppressTable: the threshold must be an integer of at least 3, got ${threshold}`)
  const small: PublishedCell = { kind: "small", text: `<${threshold}` }
  const withheld: PublishedCell = { kind: "withheld", text: "×" }
  const published = new Map<string, PublishedCell>()
  for (const [id, v] of values) published.set(id, v < threshold ? small : { kind: "exact", value: v })
  const byCell = new Map<string, Array<SumEquation>>()
  for (const eq of equations) {
    for (const id of [eq.total, ...eq.parts]) {
      const list = byCell.get(id)
      if (list === undefined) byCell.set(id, [eq])
      else list.push(eq)
    }
  }
  // First the cheap rule — no equation with exactly one unknown cell — then the full check, until safe.
  let pass = true
  while (pass) {
    pass = false
    for (const eq of equations) {
      const cells = [eq.total, ...eq.parts]
      const unknown = cells.filter((id) => published.get(id)?.kind !== "exact")
      if (unknown.length !== 1 || published.get(unknown[0]!)?.kind !== "small") continue
      const c = complementFor(unknown[0]!, published, values, byCell)
      if (c !== undefined) {
        published.set(c, withheld)
        pass = true
      }
    }
  }
  for (;;) {
    const exposed = disclosed(published, equations, threshold)
    if (exposed.length === 0) return published
    let progressed = false
    for (const id of exposed) {
      const c = complementFor(id, published, values, byCell)
      if (c === undefined) continue
      published.set(c, withheld)
      progressed = true
      break
    }
    // Nothing left to withhold: every cell is unknown, which in a hierarchy pins no small count (threshold ≥ 3).
    if (!progressed) return published
  }
}
