import type { Organization } from "./organization.js"

/**
 * 组织树索引 — a tenant's organizations indexed once, in O(n), so that walks up and down the tree
 * cost only the organizations they visit. Built by {@link indexTree}; the list it was built from
 * must not change while the index is used.
 *
 * The answers are those of the plain definitions over the list, including lists that are not
 * trees: a parent id that names no organization ends a walk up, a cycle ends it too, and when two
 * organizations share an id, a lookup by id finds the first (as `Array.find`) while the walk up
 * follows the last (as a `Map` built from the list).
 */
export interface OrganizationTree {
  readonly organizations: ReadonlyArray<Organization>
  /** The first organization with each id. */
  readonly byId: ReadonlyMap<string, Organization>
  /** The parent id of each id, from the last organization with that id. */
  readonly parentOf: ReadonlyMap<string, string | null>
  /** The organizations whose `parentId` is the key, in the order of the list. */
  readonly childrenOf: ReadonlyMap<string, ReadonlyArray<Organization>>
}

const none: ReadonlyArray<Organization> = []

/** Indexes `organizations` in one pass. */
export const indexTree = (organizations: ReadonlyArray<Organization>): OrganizationTree => {
  const byId = new Map<string, Organization>()
  const parentOf = new Map<string, string | null>()
  const childrenOf = new Map<string, Array<Organization>>()
  for (const o of organizations) {
    if (!byId.has(o.id)) byId.set(o.id, o)
    parentOf.set(o.id, o.parentId)
    if (o.parentId !== null) {
      const siblings = childrenOf.get(o.parentId)
      if (siblings === undefined) childrenOf.set(o.parentId, [o])
      else siblings.push(o)
    }
  }
  return { organizations, byId, parentOf, childrenOf }
}

/** The organizations listed with `parentId` equal to `id`, in the order of the list. */
export const childrenIn = (tree: OrganizationTree, id: string): ReadonlyArray<Organization> => tree.childrenOf.get(id) ?? none

/**
 * The ids of `organizationId` and of every organization above it, nearest first (see `ancestry` in
 * `auth/authorize.ts`, which this answers in O(depth)): an id not found ends the walk (it is still
 * included); a cycle ends it too.
 */
export const ancestryIn = (tree: Pick<OrganizationTree, "parentOf">, organizationId: string): ReadonlySet<string> => {
  const seen = new Set<string>()
  let current: string | null = organizationId
  while (current !== null && !seen.has(current)) {
    seen.add(current)
    current = tree.parentOf.get(current) ?? null
  }
  return seen
}

/**
 * The ids below `rootId` (not `rootId` itself): those whose {@link ancestryIn} holds `rootId`, found
 * by walking down from it, so in time proportional to the subtree.
 */
export const descendantIdsIn = (tree: OrganizationTree, rootId: string): ReadonlySet<string> => {
  const found = new Set<string>()
  const pending = [rootId]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const child of childrenIn(tree, next)) {
      // Only the listing the walk up follows counts (it differs only when ids repeat).
      if (child.id === rootId || found.has(child.id) || tree.parentOf.get(child.id) !== next) continue
      found.add(child.id)
      pending.push(child.id)
    }
  }
  return found
}

/** The ids of `rootId` and every organization below it, `rootId` first, the others in the order of the list. */
export const subtreeIdsIn = (tree: OrganizationTree, rootId: string): ReadonlyArray<string> => {
  const below = descendantIdsIn(tree, rootId)
  const out = [rootId]
  if (below.size === 0) return out
  for (const o of tree.organizations) if (below.has(o.id)) out.push(o.id)
  return out
}

/** An organization reached by {@link depthFirstIn}, with its depth below the root (0). */
export interface Placed {
  readonly organization: Organization
  readonly depth: number
}

/**
 * `root` and the organizations below it, depth-first in pre-order, siblings in the order of the
 * list, each listing under its own `parentId`. `revisit: "never"` visits each id once; `"offPath"`
 * skips only an id already on the path from the root (so a repeated id is visited once per
 * listing, as a plain recursive walk would). Iterative: a deep tree does not exhaust the stack.
 */
export const depthFirstIn = (
  tree: OrganizationTree,
  root: Organization,
  revisit: "never" | "offPath"
): ReadonlyArray<Placed> => {
  const out: Array<Placed> = []
  const blocked = new Set<string>([root.id])
  // Each frame is an organization whose children are being visited and the index of the next child.
  const frames: Array<{ readonly organization: Organization; readonly depth: number; next: number }> = []
  out.push({ organization: root, depth: 0 })
  frames.push({ organization: root, depth: 0, next: 0 })
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!
    const children = childrenIn(tree, frame.organization.id)
    let child: Organization | undefined
    while (frame.next < children.length) {
      const candidate = children[frame.next++]!
      if (!blocked.has(candidate.id)) {
        child = candidate
        break
      }
    }
    if (child === undefined) {
      frames.pop()
      // Leaving an organization frees its id for the other branches of the walk.
      if (revisit === "offPath" && frames.length > 0) blocked.delete(frame.organization.id)
      continue
    }
    blocked.add(child.id)
    out.push({ organization: child, depth: frame.depth + 1 })
    frames.push({ organization: child, depth: frame.depth + 1, next: 0 })
  }
  return out
}
