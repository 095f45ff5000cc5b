import * as Either from "effect/Either"
import { ancestry } from "../auth/authorize.js"
import { InvalidOrganizationTree, type TreeProblem } from "./errors.js"
import type { Organization, OrganizationKind } from "./organization.js"

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
  Either.left(new InvalidOrganizationTree({ organizationId: org.id, parentId: org.parentId, problem, zh, en }))

/**
 * Checks that `org` may sit under its `parentId` among `organizations` (the tenant's tree; `org`
 * itself may or may not be in it yet): the parent exists, is of the same tenant, is not dissolved,
 * is of an allowed kind, and is not `org` or one of its descendants.
 */
export const checkPlacement = (
  org: Placed,
  organizations: ReadonlyArray<Organization>
): Either.Either<void, InvalidOrganizationTree> => {
  if (org.parentId === null) {
    return allowedParents[org.kind].includes("root")
      ? Either.void
      : refuse(org, "parentKind", `${kindNames[org.kind]}不能作为顶层组织`, `a ${org.kind} cannot be at the root`)
  }
  const parent = organizations.find((o) => o.id === org.parentId)
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
  // The walk from the parent upward: reaching `org` itself means the move would close a cycle.
  const others = organizations.filter((o) => o.id !== org.id)
  if (ancestry(parent.id, others).has(org.id)) {
    return refuse(org, "cycle", "隶属关系形成循环", "the parent is the organization itself or lies below it")
  }
  return Either.void
}

/** Every placement problem in a tenant's tree, one per organization at most. */
export const checkTree = (organizations: ReadonlyArray<Organization>): ReadonlyArray<InvalidOrganizationTree> =>
  organizations.flatMap((org) => {
    const result = checkPlacement(org, organizations)
    return Either.isLeft(result) ? [result.left] : []
  })

/** The ids of `rootId` and every organization below it, in the tree given. */
export const subtreeIds = (rootId: string, organizations: ReadonlyArray<Organization>): ReadonlyArray<string> => {
  const below = organizations.filter((o) => o.id !== rootId && ancestry(o.id, organizations).has(rootId)).map((o) => o.id)
  return [rootId, ...below]
}
