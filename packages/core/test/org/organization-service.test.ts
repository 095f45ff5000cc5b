import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { organizationService } from "../../src/org/organization-service.js"
import type { CreateOrganizationInput } from "../../src/org/organization-service-inputs.js"
import type { Store } from "../../src/store/port.js"
import { expectAnswerAlike } from "../support/visibility.js"
import { TENANT } from "./fixtures.js"
import { commandAudit, committeeMember, ctxFor, getOrganization, organizer, secretary, seed, viewer } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

const group = {
  id: "g2",
  kind: "partyGroup",
  name: "第二党小组",
  parentId: "b1",
  units: ["school-1"],
  basis: "grade",
  foundedOn: "2026-02-01"
} satisfies CreateOrganizationInput

/** Input as a JavaScript caller may send it: not checked by TypeScript, decoded by the service. */
const unchecked = (input: object) => input as CreateOrganizationInput

describe("organizationService.create", () => {
  it.effect("a branch secretary creates a party group in the branch; the write is audited with the actor", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const created = yield* organizationService.create(ctxFor(secretary), group)
        expect(created).toMatchObject({ id: "g2", version: 1, tenantId: TENANT, term: null, canApproveAdmissions: false })
        const audit = yield* commandAudit
        expect(audit.map((e) => [e.actorId, e.action, e.recordId, e.version])).toEqual([["m1", "organization.create", "g2", 1]])
      })
    )
  )

  it.effect("a committee member is Forbidden and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.create(ctxFor(committeeMember), group))
        expect(error._tag).toBe("ZhibuForbidden")
        expect(yield* commandAudit).toEqual([])
        expect((yield* Effect.flip(getOrganization("g2")))._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("an unknown parent is NotFound, and so is a parent the actor cannot see, alike; nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const unknown = yield* Effect.flip(organizationService.create(ctxFor(organizer), { ...group, parentId: "b9" }))
        expect(unknown).toMatchObject({ _tag: "ZhibuNotFound", kind: "organization", id: "b9" })
        // b1's secretary holds no role in b2 or above it: b2 is as unknown to them as b9.
        const invisible = yield* Effect.flip(organizationService.create(ctxFor(secretary), { ...group, parentId: "b2" }))
        const missing = yield* Effect.flip(organizationService.create(ctxFor(secretary), { ...group, parentId: "b9" }))
        expectAnswerAlike(invisible, "b2", missing, "b9")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("a branch under a branch breaks the tree rules and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.create(ctxFor(organizer), { ...group, id: "b9", kind: "branch" }))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidOrganizationTree", problem: "parentKind" })
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("bad input is InvalidInput: an unknown kind, approval rights on a branch, a founding date after today", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const ctx = ctxFor(organizer)
        expect((yield* Effect.flip(organizationService.create(ctx, unchecked({ ...group, kind: "cell" }))))._tag).toBe("ZhibuInvalidInput")
        expect((yield* Effect.flip(organizationService.create(ctx, { ...group, kind: "branch", parentId: "school", canApproveAdmissions: true })))._tag).toBe(
          "ZhibuInvalidInput"
        )
        expect((yield* Effect.flip(organizationService.create(ctx, { ...group, foundedOn: "2026-03-02" })))._tag).toBe("ZhibuInvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("an id that exists is a Conflict", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.create(ctxFor(organizer), { ...group, id: "g1" }))
        expect(error._tag).toBe("ZhibuConflict")
      })
    )
  )
})

describe("organizationService.updateLeadership", () => {
  const leadership = { secretaryId: "m1", deputySecretaryIds: ["m2"], committeeMemberIds: ["m1", "m2", "m3"] }

  it.effect("sets the leadership, bumps the version and audits the actor; the change joins the leadership history in the same write", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const updated = yield* organizationService.updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership })
        expect(updated.version).toBe(2)
        expect(updated.leadership).toEqual(leadership)
        const audit = yield* commandAudit
        expect(audit.map((e) => [e.actorId, e.action, e.kind, e.recordId])).toEqual([
          ["m1", "organization.update", "organization", "b1"],
          ["m1", "organization.update", "leadershipRecord", "b1:v2"]
        ])
      })
    )
  )

  it.effect("a stale version is a Conflict and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        yield* organizationService.updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership })
        const error = yield* Effect.flip(
          organizationService.updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership: { ...leadership, deputySecretaryIds: [] } })
        )
        expect(error).toMatchObject({ _tag: "ZhibuConflict", expectedVersion: 1, actualVersion: 2 })
        expect((yield* commandAudit).length).toBe(2)
      })
    )
  )

  it.effect("org.election.votingRights: a probationary member cannot sit in the leadership", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(
          organizationService.updateLeadership(ctxFor(secretary), {
            organizationId: "b1",
            expectedVersion: 1,
            leadership: { ...leadership, committeeMemberIds: ["m1", "m2", "p1"] }
          })
        )
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.votingRights" })
        expect(error.message).toContain("p1")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("org.branch.secretary: two deputies are refused; a secretary outside the committee is InvalidInput", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const ctx = ctxFor(secretary)
        const two = yield* Effect.flip(
          organizationService.updateLeadership(ctx, {
            organizationId: "b1",
            expectedVersion: 1,
            leadership: { secretaryId: "m1", deputySecretaryIds: ["m2", "m3"], committeeMemberIds: ["m1", "m2", "m3"] }
          })
        )
        expect(two).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.branch.secretary" })
        const outside = yield* Effect.flip(
          organizationService.updateLeadership(ctx, { organizationId: "b1", expectedVersion: 1, leadership: { ...leadership, secretaryId: "m9" } })
        )
        expect(outside._tag).toBe("ZhibuInvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("a committee member is Forbidden", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.updateLeadership(ctxFor(committeeMember), { organizationId: "b1", expectedVersion: 1, leadership }))
        expect(error._tag).toBe("ZhibuForbidden")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )
})

describe("organizationService.findings", () => {
  it.effect("branch b2 with 2 full members and no secretary: both findings, and no term recorded", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const findings = yield* organizationService.findings(ctxFor(organizer), { organizationId: "b2" })
        expect(findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual([
          "org.branch.minimumFullMembers:violation",
          "org.branch.secretary:violation",
          "org.term.electionDue:warning"
        ])
      })
    )
  )

  it.effect("branch b1 with 9 full members and no committee: org.branchCommittee.size", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const findings = yield* organizationService.findings(ctxFor(secretary), { organizationId: "b1" })
        expect(findings.map((f) => f.ruleId)).toContain("org.branchCommittee.size")
        expect(findings.map((f) => f.ruleId)).not.toContain("org.branch.minimumFullMembers")
      })
    )
  )

  it.effect("a county viewer may not read an organization's findings; an unknown id is NotFound", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        expect((yield* Effect.flip(organizationService.findings(ctxFor(viewer), { organizationId: "b1" })))._tag).toBe("ZhibuForbidden")
        expect((yield* Effect.flip(organizationService.findings(ctxFor(organizer), { organizationId: "nope" })))._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("a committee member of b1 asking about b2 (or the school above) gets NotFound, exactly as for an id that does not exist", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const ctx = ctxFor(committeeMember)
        const missing = yield* Effect.flip(organizationService.findings(ctx, { organizationId: "nope" }))
        for (const organizationId of ["b2", "school", "county"]) {
          expectAnswerAlike(yield* Effect.flip(organizationService.findings(ctx, { organizationId })), organizationId, missing, "nope")
        }
        // b1 itself, and g1 below it, are visible: the committee member reads their findings.
        yield* organizationService.findings(ctx, { organizationId: "b1" })
        yield* organizationService.findings(ctx, { organizationId: "g1" })
      })
    )
  )
})

describe("organizationService.get and children", () => {
  it.effect("reads one organization and the ones directly below it, by id; both are NotFound for an organization the actor cannot see", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        expect(yield* organizationService.get(ctxFor(secretary), { organizationId: "b1" })).toMatchObject({ id: "b1", kind: "branch", version: 1 })
        expect((yield* organizationService.children(ctxFor(organizer), { organizationId: "school" })).map((o) => o.id)).toEqual(["b1", "b2"])
        expect((yield* organizationService.children(ctxFor(secretary), { organizationId: "g1" })).map((o) => o.id)).toEqual([])
        const reads = [
          (organizationId: string) => Effect.asVoid(organizationService.get(ctxFor(secretary), { organizationId })),
          (organizationId: string) => Effect.asVoid(organizationService.children(ctxFor(secretary), { organizationId }))
        ]
        for (const read of reads) {
          const invisible = yield* Effect.flip(read("b2"))
          const missing = yield* Effect.flip(read("b9"))
          expectAnswerAlike(invisible, "b2", missing, "b9")
        }
        // The county viewer sees the tree (it holds a role above it) but may not read an organization.
        expect(yield* Effect.flip(organizationService.get(ctxFor(viewer), { organizationId: "b1" }))).toMatchObject({
          _tag: "ZhibuForbidden",
          action: "organization.read"
        })
      })
    )
  )
})
