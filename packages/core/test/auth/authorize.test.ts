import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { type Action, actions } from "../../src/auth/action.js"
import { type Role, Role as RoleSchema } from "../../src/auth/actor.js"
import { ancestry, authorize } from "../../src/auth/authorize.js"
import type { Organization } from "../../src/org/organization.js"
import { actor, org, schoolTree } from "../org/fixtures.js"

const allowed = (result: Either.Either<void, unknown>) => Either.isRight(result)

/** The expected matrix, written out by hand (not derived from the permissions table). */
const expected: Record<Role, ReadonlyArray<Action>> = {
  branchSecretary: [
    "organization.create",
    "organization.update",
    "organization.recordElection",
    "organization.read",
    "member.register",
    "member.recordStep",
    "member.recordStatus",
    "member.recordSanction",
    "member.recordFlagDecision",
    "member.read",
    "member.transfer",
    "member.readPersonalData",
    "member.updateContact",
    "member.erasePersonalData",
    "dues.assess",
    "dues.recordPayment",
    "dues.read",
    "study.record",
    "study.read",
    "evaluation.record",
    "evaluation.read",
    "meeting.record",
    "meeting.read",
    "report.aggregate"
  ],
  deputySecretary: [
    "organization.create",
    "organization.update",
    "organization.recordElection",
    "organization.read",
    "member.register",
    "member.recordStep",
    "member.recordStatus",
    "member.recordSanction",
    "member.recordFlagDecision",
    "member.read",
    "member.transfer",
    "member.updateContact",
    "dues.assess",
    "dues.recordPayment",
    "dues.read",
    "study.record",
    "study.read",
    "evaluation.record",
    "evaluation.read",
    "meeting.record",
    "meeting.read",
    "report.aggregate"
  ],
  committeeMember: [
    "member.register",
    "member.recordStep",
    "member.read",
    "member.updateContact",
    "organization.read",
    "dues.assess",
    "dues.recordPayment",
    "dues.read",
    "study.record",
    "study.read",
    "evaluation.read",
    "meeting.record",
    "meeting.read"
  ],
  groupLeader: ["member.read", "organization.read", "study.read", "meeting.record", "meeting.read"],
  member: [],
  higherOrganizer: [
    "organization.create",
    "organization.update",
    "organization.recordElection",
    "organization.approveExtension",
    "organization.read",
    "organization.restructure",
    "member.register",
    "member.recordStep",
    "member.recordApproval",
    "member.recordStatus",
    "member.recordSanction",
    "member.recordFlagDecision",
    "member.read",
    "member.transfer",
    "member.readPersonalData",
    "member.updateContact",
    "member.erasePersonalData",
    "dues.assess",
    "dues.recordHardship",
    "dues.recordPayment",
    "dues.read",
    "study.record",
    "study.read",
    "evaluation.record",
    "evaluation.read",
    "meeting.record",
    "meeting.read",
    "report.aggregate"
  ],
  countyViewer: ["report.aggregate"]
}

describe("authorize: the role matrix (role held at branch b1, target another person in b1)", () => {
  for (const role of RoleSchema.literals) {
    for (const action of actions) {
      const should = expected[role].includes(action)
      it(`${role} ${should ? "may" : "may not"} ${action}`, () => {
        const result = authorize(actor("p-actor", [role, "b1"]), action, { organizationId: "b1", personId: "p-other" }, schoolTree)
        expect(allowed(result)).toBe(should)
      })
    }
  }
})

describe("authorize: scope", () => {
  it("a member may read only their own file", () => {
    const a = actor("p1", ["member", "b1"])
    expect(allowed(authorize(a, "member.read", { organizationId: "b1", personId: "p1" }, schoolTree))).toBe(true)
    expect(allowed(authorize(a, "member.read", { organizationId: "b1", personId: "p2" }, schoolTree))).toBe(false)
    expect(allowed(authorize(a, "member.read", { organizationId: "b1" }, schoolTree))).toBe(false)
    expect(allowed(authorize(a, "member.recordStep", { organizationId: "b1", personId: "p1" }, schoolTree))).toBe(false)
  })

  it("a group leader reaches members placed in the group through partyGroupId", () => {
    const a = actor("p1", ["groupLeader", "g1"])
    expect(allowed(authorize(a, "member.read", { organizationId: "b1", personId: "p2", partyGroupId: "g1" }, schoolTree))).toBe(true)
    expect(allowed(authorize(a, "member.read", { organizationId: "b1", personId: "p2" }, schoolTree))).toBe(false)
    expect(allowed(authorize(a, "member.read", { organizationId: "g1" }, schoolTree))).toBe(true)
  })

  it("a role in one branch does not reach a sibling branch or the parent", () => {
    const a = actor("p1", ["branchSecretary", "b1"])
    expect(allowed(authorize(a, "member.read", { organizationId: "b2", personId: "p2" }, schoolTree))).toBe(false)
    expect(allowed(authorize(a, "organization.read", { organizationId: "school" }, schoolTree))).toBe(false)
    expect(allowed(authorize(a, "organization.read", { organizationId: "g1" }, schoolTree))).toBe(true)
  })

  it("only the higher organizer records approvals and extensions, from the committee down", () => {
    const a = actor("p1", ["higherOrganizer", "county"])
    expect(allowed(authorize(a, "member.recordApproval", { organizationId: "b2", personId: "p9" }, schoolTree))).toBe(true)
    expect(allowed(authorize(a, "organization.approveExtension", { organizationId: "b1" }, schoolTree))).toBe(true)
  })

  it("the walk stops on a cycle", () => {
    const cyclic = [org("x", "branch", "y"), org("y", "generalBranch", "x")]
    expect([...ancestry("x", cyclic)]).toEqual(["x", "y"])
    expect(allowed(authorize(actor("p1", ["branchSecretary", "z"]), "organization.read", { organizationId: "x" }, cyclic))).toBe(false)
  })

  it("Forbidden names the actor, the action, the organization and the roles that would allow it", () => {
    const result = authorize(actor("p7", ["branchSecretary", "b1"]), "member.recordApproval", { organizationId: "b1", personId: "p2" }, schoolTree)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      const e = result.left
      expect(e._tag).toBe("ZhibuForbidden")
      expect(e.allowedRoles).toEqual(["higherOrganizer"])
      expect(e.message).toContain("p7")
      expect(e.message).toContain("member.recordApproval")
      expect(e.message).toContain('"b1"')
      expect(e.message).toContain("higherOrganizer")
      expect(e.message).toContain("上级党委组织员")
    }
  })
})

/** A random tree: node i's parent is one of the nodes before it, or none (a root). */
const treeArb: fc.Arbitrary<ReadonlyArray<Organization>> = fc
  .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 12 })
  .map((parents) =>
    parents.map((p, i) => org(`o${i}`, i === 0 ? "committee" : "branch", i === 0 || p === null ? null : `o${p % i}`))
  )

/** A tree with a node and one of its ancestors (possibly itself). */
const nodeAndAncestorArb = treeArb.chain((tree) =>
  fc.nat({ max: tree.length - 1 }).chain((i) => {
    const up = [...ancestry(`o${i}`, tree)]
    return fc.constantFrom(...up).map((ancestorId) => ({ tree, nodeId: `o${i}`, ancestorId }))
  })
)

const roleArb = fc.constantFrom(...RoleSchema.literals)
const actionArb = fc.constantFrom(...actions)
const personArb = fc.constantFrom("p1", "p2")

describe("authorize: laws", () => {
  it("a role at an ancestor grants exactly what it grants at the node", () => {
    fc.assert(
      fc.property(nodeAndAncestorArb, roleArb, actionArb, personArb, ({ tree, nodeId, ancestorId }, role, action, personId) => {
        const target = { organizationId: nodeId, personId }
        const atNode = authorize(actor("p1", [role, nodeId]), action, target, tree)
        const atAncestor = authorize(actor("p1", [role, ancestorId]), action, target, tree)
        expect(allowed(atAncestor)).toBe(allowed(atNode))
      })
    )
  })

  it("no role ⇒ forbidden for every action", () => {
    fc.assert(
      fc.property(treeArb, actionArb, personArb, (tree, action, personId) => {
        const result = authorize(actor("p1"), action, { organizationId: tree[tree.length - 1]!.id, personId }, tree)
        expect(allowed(result)).toBe(false)
      })
    )
  })

  it("a county viewer never gets a member.* action", () => {
    fc.assert(
      fc.property(nodeAndAncestorArb, personArb, ({ tree, nodeId, ancestorId }, personId) => {
        const a = actor("p1", ["countyViewer", ancestorId])
        for (const action of actions.filter((x) => x.startsWith("member."))) {
          expect(allowed(authorize(a, action, { organizationId: nodeId, personId }, tree))).toBe(false)
        }
      })
    )
  })

  it("a role outside the target's ancestry grants nothing", () => {
    fc.assert(
      fc.property(treeArb, roleArb, actionArb, (tree, role, action) => {
        const last = tree[tree.length - 1]!.id
        const outside = tree.map((o) => o.id).filter((id) => !ancestry(last, tree).has(id))
        const a = actor("p1", ...outside.map((id) => [role, id] as const))
        expect(allowed(authorize(a, action, { organizationId: last, personId: "p1" }, tree))).toBe(false)
      })
    )
  })
})
