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
  const subtree = new Map<string, F>(placed.map(({ organization }) => [organization.id, addNestedFigures(zero(), own.get(organization.id) ?? zero())]))
  // Depth-first lists a parent before its children: walking backwards adds each subtree into its parent's.
  for (let i = placed.length - 1; i > 0; i--) {
    const o = placed[i]!.organization
    const parent = o.parentId === null ? undefined : subtree.get(o.parentId)
    if (parent !== undefined) subtree.set(o.parentId!, addNestedFigures(parent, subtree.get(o.id)!))
  }
  return placed.map(({ organization: o, depth }) => ({
    organizationId: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    depth,
    own: addNestedFigures(zero(), own.get(o.id) ?? zero()),
    subtree: subtree.get(o.id)!
  }))
}

/** A mutable tally of figures per organization, added to leaf by leaf. */
export class FigureTally<F extends Figures> {
  private readonly byOrganization = new Map<string, Record<string, unknown>>()
  constructor(private readonly zero: () => F) {}

  /** Adds `amount` at `path` (`["members", "active", "full"]`) of `organizationId`'s figures. */
  add(organizationId: string, path: ReadonlyArray<string>, amount = 1): void {
    let node = this.byOrganization.get(organizationId)
    if (node === undefined) {
      node = structuredClone(this.zero()) as Record<string, unknown>
      this.byOrganization.set(organizationId, node)
    }
    for (const key of path.slice(0, -1)) {
      let next = node[key]
      if (typeof next !== "object" || next === null) {
        next = {}
        node[key] = next
      }
      node = next as Record<string, unknown>
    }
    const leaf = path.at(-1)!
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + amount
  }

  /** The figures per organization. */
  result(): ReadonlyMap<string, F> {
    return this.byOrganization as unknown as ReadonlyMap<string, F>
  }
}
