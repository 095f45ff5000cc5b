import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import type { OrganizationKind } from "../../src/org/organization.js"
import { checkPlacement, checkTree, subtreeIds } from "../../src/org/tree.js"
import { org, schoolTree } from "./fixtures.js"

const problem = (kind: OrganizationKind, parentId: string | null, tree = schoolTree, tenantId = "t1") => {
  const result = checkPlacement({ id: "new" as never, tenantId: tenantId as never, kind, parentId: parentId as never }, tree)
  return Either.isLeft(result) ? result.left.problem : "ok"
}

describe("checkPlacement", () => {
  it("a party group sits under a branch or joint branch only", () => {
    expect(problem("partyGroup", "b1")).toBe("ok")
    expect(problem("partyGroup", "school")).toBe("parentKind")
    expect(problem("partyGroup", "g1")).toBe("parentKind")
    expect(problem("partyGroup", null)).toBe("parentKind")
    expect(problem("partyGroup", "jb", [...schoolTree, org("jb", "jointBranch", "school")])).toBe("ok")
  })

  it("a branch sits under a committee or a general branch, or at the root", () => {
    expect(problem("branch", "school")).toBe("ok")
    expect(problem("branch", null)).toBe("ok")
    expect(problem("branch", "gb", [...schoolTree, org("gb", "generalBranch", "school")])).toBe("ok")
    expect(problem("branch", "b1")).toBe("parentKind")
    expect(problem("jointBranch", "b1")).toBe("parentKind")
  })

  it("a general branch sits under a committee or at the root; a committee under a committee", () => {
    expect(problem("generalBranch", "school")).toBe("ok")
    expect(problem("generalBranch", "b1")).toBe("parentKind")
    expect(problem("committee", "county")).toBe("ok")
    expect(problem("committee", "b1")).toBe("parentKind")
  })

  it("the parent must exist, be of the same tenant, and not be dissolved", () => {
    expect(problem("branch", "nowhere")).toBe("parentMissing")
    expect(problem("branch", "school", schoolTree, "t2")).toBe("tenantMismatch")
    expect(problem("branch", "old", [org("old", "committee", null, { dissolvedOn: "2024-01-01" })])).toBe("parentDissolved")
  })

  it("moving an organization under itself or its descendant is a cycle", () => {
    const county = schoolTree.find((o) => o.id === "county")!
    const moved = { ...county, parentId: "school" as never }
    const result = checkPlacement(moved, schoolTree)
    expect(Either.isLeft(result) && result.left.problem).toBe("cycle")
    const self = { ...county, parentId: "county" as never }
    expect(Either.isLeft(checkPlacement(self, schoolTree))).toBe(true)
  })

  it("the error message names the organization, the parent and the problem in both languages", () => {
    const result = checkPlacement({ id: "g9" as never, tenantId: "t1" as never, kind: "partyGroup", parentId: "school" as never }, schoolTree)
    if (Either.isRight(result)) throw new Error("expected a refusal")
    expect(result.left.message).toContain("g9")
    expect(result.left.message).toContain("school")
    expect(result.left.message).toContain("党小组")
  })
})

describe("checkTree and subtreeIds", () => {
  it("a valid tree has no problems; a branch under a branch is reported", () => {
    expect(checkTree(schoolTree)).toEqual([])
    const bad = [...schoolTree, org("b3", "branch", "b1")]
    expect(checkTree(bad).map((e) => e.organizationId)).toEqual(["b3"])
  })

  it("the subtree of the school committee holds both branches and the group", () => {
    expect([...subtreeIds("school", schoolTree)].sort()).toEqual(["b1", "b2", "g1", "school"])
    expect(subtreeIds("b2", schoolTree)).toEqual(["b2"])
  })
})
