import type { Organization, OrganizationKind } from "../org/organization.js"
import { depthFirstIn, indexTree } from "../org/tree-index.js"

/**
 * 指标 — report figures as nested records of counts (and sums in fen or tenths): every leaf is a
 * number that adds up across organizations, so one roll-up and one suppression serve every report.
 */
export type Figures = { readonly [key: string]: number | Figures }

/** The deep sum of two figures of one shape (keys present in only one are kept). */
export const addNestedFigures = <F extends Figures>(a: F, b: F): F => {
  const out: Record<string, number | Figures> = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const mine = out[k]
    if (typeof v === "number") out[k] = (typeof mine === "number" ? mine : 0) + v
    else out[k] = addNestedFigures((typeof mine === "object" ? mine : {}) as Figures, v)
  }
  return out as F
}

/** Every leaf by its path (`members.active.full`), in key order. */
export const flattenFigures = (figures: Figures, prefix = ""): Map<string, number> => {
  const out = new Map<string, number>()
  for (const [k, v] of Object.entries(figures)) {
    const path = prefix === "" ? k : `${prefix}.${k}`
    if (typeof v === "number") out.set(path, v)
    else for (const [p, n] of flattenFigures(v, path)) out.set(p, n)
  }
  return out
}

/** One organization of a rolled-up report: its own figures and those of its whole subtree. */
export interface RolledUpRow<F extends Figures> {
  readonly organizationId: string
  readonly name: string
  readonly kind: OrganizationKind
  readonly parentId: string | null
  /** 0 for the report's organization, 1 for those directly below it, and so on. */
  readonly depth: number
  /** What is recorded under the organization itself (a 党小组's members are filed under its branch). */
  readonly own: F
  /** `own` plus the `subtree` of every child: a county's equals the sum of its schools' (and its own). */
  readonly subtree: F
}

/**
 * 逐级汇总 — rolls each organization's own figures up the tree below `root` (the organizations as
 * given, e.g. the tree of a past date): each row's `subtree` is its `own` plus its children's
 * `subtree`, so every total is exactly the sum of its parts. Figures of organizations outside the
 * subtree are ignored. Rows are depth-first, siblings in the order given.
 */
export const rollUpFigures = <F extends Figures>(
  root: Organization,
  organizations: ReadonlyArray<Organization>,
  own: ReadonlyMap<string, F>,
  zero: () => F
): ReadonlyArray<RolledUpRow<F>> => {
  const placed = depthFirstIn(indexTree(organizations.some((o) => o.id === root.id) ? organizations : [root, ...organizations]), root, "never")
  // Every row's figures are copies of its own, summed in place: a province's 27,000 rows would
  // otherwise copy every nested record once per addition.
  const ownRows = new Map<string, F>()
  const subtree = new Map<string, F>()
  const zeroFigures = zero()
  for (const { organization } of placed) {
    const figures = cloneFigures(zeroFigures) as Record<string, number | Figures>
    const recorded = own.get(organization.id)
    if (recorded !== undefined) addInto(figures, recorded)
    ownRows.set(organization.id, figures as F)
    subtree.set(organization.id, cloneFigures(figures) as F)
  }
  // Depth-first lists a parent before its children: walking backwards adds each subtree into its parent's.
  for (let i = placed.length - 1; i > 0; i--) {
    const o = placed[i]!.organization
    const parent = o.parentId === null ? undefined : subtree.get(o.parentId)
    if (parent !== undefined) addInto(parent as Record<string, number | Figures>, subtree.get(o.id)!)
  }
  return placed.map(({ organization: o, depth }) => ({
    organizationId: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    depth,
    own: ownRows.get(o.id)!,
    subtree: subtree.get(o.id)!
  }))
}

/** A deep copy of figures. */
const cloneFigures = (figures: Figures): Figures => {
  const out: Record<string, number | Figures> = {}
  for (const k in figures) {
    const v = figures[k]!
    out[k] = typeof v === "number" ? v : cloneFigures(v)
  }
  return out
}

/** Adds `b` into `a` in place, as {@link addNestedFigures} would (keys only in `b` are appended); `a` must be a private copy. */
const addInto = (a: Record<string, number | Figures>, b: Figures): void => {
  for (const k in b) {
    const v = b[k]!
    const mine = a[k]
    if (typeof v === "number") a[k] = (typeof mine === "number" ? mine : 0) + v
    else if (typeof mine === "object") addInto(mine as Record<string, number | Figures>, v)
    else a[k] = cloneFigures(v)
  }
}

/** A mutable tally of figures per organization, added to leaf by leaf. */
export class FigureTally<F extends Figures> {
  private readonly byOrganization = new Map<string, Record<string, unknown>>()
  /** `zero` gives a fresh object at each call (the tally adds into it). */
  constructor(private readonly zero: () => F) {}

  /** Adds `amount` at `path` (`["members", "active", "full"]`) of `organizationId`'s figures. */
  add(organizationId: string, path: ReadonlyArray<string>, amount = 1): void {
    let node = this.figuresOf(organizationId)
    const last = path.length - 1
    for (let i = 0; i < last; i++) node = childOf(node, path[i]!)
    const leaf = path[last]!
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + amount
  }

  /**
   * Adds `amount` at `first.second.third` (or `first.second`, or `first`) of `organizationId`'s
   * figures: {@link add} without a path array, for the loops that add per member and per obligation.
   */
  addAt(organizationId: string, amount: number, first: string, second?: string, third?: string): void {
    let node = this.figuresOf(organizationId)
    let leaf = first
    if (second !== undefined) {
      node = childOf(node, first)
      leaf = second
      if (third !== undefined) {
        node = childOf(node, second)
        leaf = third
      }
    }
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + amount
  }

  /**
   * The record at `first` (or `first.second`) of `organizationId`'s figures, made empty when absent:
   * for a caller that adds several leaves of one record by name (`t.met = (t.met ?? 0) + n`).
   */
  recordAt(organizationId: string, first: string, second?: string): Record<string, number> {
    const node = childOf(this.figuresOf(organizationId), first)
    return (second === undefined ? node : childOf(node, second)) as Record<string, number>
  }

  private figuresOf(organizationId: string): Record<string, unknown> {
    let node = this.byOrganization.get(organizationId)
    if (node === undefined) {
      node = this.zero() as Record<string, unknown>
      this.byOrganization.set(organizationId, node)
    }
    return node
  }

  /** The figures per organization. */
  result(): ReadonlyMap<string, F> {
    return this.byOrganization as unknown as ReadonlyMap<string, F>
  }
}

/** The record at `key` of `node`, made empty when absent (or a number). */
const childOf = (node: Record<string, unknown>, key: string): Record<string, unknown> => {
  let next = node[key]
  if (typeof next !== "object" || next === null) {
    next = {}
    node[key] = next
  }
  return next as Record<string, unknown>
}
