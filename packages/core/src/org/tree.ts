import * as Either from "effect/Either"
import { InvalidOrganizationTree, type TreeProblem } from "./errors.js"
import type { Organization, OrganizationKind } from "./organization.js"
import { indexTree, type OrganizationTree, subtreeIdsIn } from "./tree-index.js"

/**
 * 隶属关系 — which kinds may sit under which: a 党小组 under a branch or joint branch (ZB2018 第十三条);
 * a branch under a committee or a general branch, or at the root of a tenant; a general branch under a
 * committee or at the root; a committee under a committee or at the root.
 */
export const allowedParents: Readonly<Record<OrganizationKind, ReadonlyArray<OrganizationKind | "root">>> = {
  partyGroup: ["branch", "jointBranch"],
  branch: ["committee", "generalBranch", "root"],
  jointBranch: ["committee", "generalBranch", "root"],
  generalBranch: ["committee", "root"],
  committee: ["committee", "root"]
}

const kindNames: Readonly<Record<OrganizationKind, string>> = {
  committee: "党委",
  generalBranch: "党总支",
  branch: "党支部",
  jointBranch: "联合党支部",
  partyGroup: "党小组"
}

type Placed = Pick<Organization, "id" | "tenantId" | "kind" | "parentId">

const refuse = (org: Placed, problem: TreeProblem, zh: string, en: string) =>
  Either.left(new InvalidOrganizationTree({ organizationId: org.id, parentId: org.parentId, problem, text: { zh, en } }))

/**
 * Checks that `org` may sit under its `parentId` among `organizations` (the tenant's tree; `org`
 * itself may or may not be in it yet): the parent exists, is of the same tenant, is not dissolved,
 * is of an allowed kind, and is not `org` or one of its descendants.
 */
export const checkPlacement = (
  org: Pick<Organization, "id" | "tenantId" | "kind" | "parentId">,
  organizations: ReadonlyArray<Organization>
): Either.Either<void, InvalidOrganizationTree> => checkPlacementIn(org, indexTree(organizations))

/** True when the walk up from `fromId` reaches `targetId` (`fromId` itself included). */
const reaches = (tree: Pick<OrganizationTree, "parentOf">, fromId: string, targetId: string): boolean => {
  const seen = new Set<string>()
  let current: string | null = fromId
  while (current !== null && !seen.has(current)) {
    if (current === targetId) return true
    seen.add(current)
    current = tree.parentOf.get(current) ?? null
  }
  return false
}

/** {@link checkPlacement} against an indexed tree: O(depth) instead of O(n). */
const checkPlacementIn = (org: Placed, tree: OrganizationTree): Either.Either<void, InvalidOrganizationTree> => {
  if (org.parentId === null) {
    return allowedParents[org.kind].includes("root")
      ? Either.void
      : refuse(org, "parentKind", `${kindNames[org.kind]}不能作为顶层组织`, `a ${org.kind} cannot be at the root`)
  }
  const parent = tree.byId.get(org.parentId)
  if (parent === undefined) {
    return refuse(org, "parentMissing", `上级组织 ${org.parentId} 不存在`, `there is no organization "${org.parentId}"`)
  }
  if (parent.tenantId !== org.tenantId) {
    return refuse(org, "tenantMismatch", "上级组织属于其他租户", `the parent belongs to tenant "${parent.tenantId}", not "${org.tenantId}"`)
  }
  if (parent.dissolvedOn !== null) {
    return refuse(org, "parentDissolved", `上级组织已于 ${parent.dissolvedOn} 撤销`, `the parent was dissolved on ${parent.dissolvedOn}`)
  }
  if (!allowedParents[org.kind].includes(parent.kind)) {
    const allowed = allowedParents[org.kind].filter((k) => k !== "root")
    return refuse(
      org,
      "parentKind",
      `${kindNames[org.kind]}只能设在${allowed.map((k) => kindNames[k as OrganizationKind]).join("或")}之下`,
      `a ${org.kind} can only sit under a ${allowed.join(" or ")}, not a ${parent.kind}`
    )
  }
  // The walk from the parent upward: reaching `org` itself means the move would close a cycle
  // (whatever lies above `org` in the current tree does not matter, so the walk stops there).
  if (reaches(tree, parent.id, org.id)) {
    return refuse(org, "cycle", "隶属关系形成循环", "the parent is the organization itself or lies below it")
  }
  return Either.void
}

/** Every placement problem in a tenant's tree, one per organization at most. */
export const checkTree = (organizations: ReadonlyArray<Organization>): ReadonlyArray<InvalidOrganizationTree> => {
  const tree = indexTree(organizations)
  return organizations.flatMap((org) => {
    const result = checkPlacementIn(org, tree)
    return Either.isLeft(result) ? [result.left] : []
  })
}

/** The ids of `rootId` and every organization below it, in the tree given (`rootId` first, the others in the order given). */
export const subtreeIds = (rootId: string, organizations: ReadonlyArray<Organization>): ReadonlyArray<string> =>
  subtreeIdsIn(indexTree(organizations), rootId)
