import { describe, expect, it } from "@effect/vitest"
import { memoryStoreLayer } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { createOrganization, organizationFindings, updateLeadership } from "../../src/org/organization-service.js"
import type { Store } from "../../src/store/port.js"
import { TENANT } from "./fixtures.js"
import { commandAudit, committeeMember, ctxFor, getOrganization, organizer, secretary, seed, viewer } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(memoryStoreLayer))

const group = { id: "g2", kind: "partyGroup", name: "第二党小组", parentId: "b1", units: ["school-1"], basis: "grade", foundedOn: "2026-02-01" }

describe("createOrganization", () => {
  it.effect("a branch secretary creates a party group in the branch; the write is audited with the actor", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const created = yield* createOrganization(ctxFor(secretary), group)
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
        const error = yield* Effect.flip(createOrganization(ctxFor(committeeMember), group))
        expect(error._tag).toBe("Forbidden")
        expect(yield* commandAudit).toEqual([])
        expect((yield* Effect.flip(getOrganization("g2")))._tag).toBe("NotFound")
      })
    )
  )

  it.effect("a branch under a branch breaks the tree rules and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(createOrganization(ctxFor(organizer), { ...group, id: "b9", kind: "branch" }))
        expect(error).toMatchObject({ _tag: "InvalidOrganizationTree", problem: "parentKind" })
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("bad input is InvalidInput: an unknown kind, approval rights on a branch, a founding date after today", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const ctx = ctxFor(organizer)
        expect((yield* Effect.flip(createOrganization(ctx, { ...group, kind: "cell" })))._tag).toBe("InvalidInput")
        expect((yield* Effect.flip(createOrganization(ctx, { ...group, kind: "branch", parentId: "school", canApproveAdmissions: true })))._tag).toBe(
          "InvalidInput"
        )
        expect((yield* Effect.flip(createOrganization(ctx, { ...group, foundedOn: "2026-03-02" })))._tag).toBe("InvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("an id that exists is a Conflict", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(createOrganization(ctxFor(organizer), { ...group, id: "g1" }))
        expect(error._tag).toBe("Conflict")
      })
    )
  )
})

describe("updateLeadership", () => {
  const leadership = { secretaryId: "m1", deputySecretaryIds: ["m2"], committeeMemberIds: ["m1", "m2", "m3"] }

  it.effect("sets the leadership, bumps the version and audits the actor", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const updated = yield* updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership })
        expect(updated.version).toBe(2)
        expect(updated.leadership).toEqual(leadership)
        const audit = yield* commandAudit
        expect(audit.map((e) => [e.actorId, e.action, e.recordId])).toEqual([["m1", "organization.update", "b1"]])
      })
    )
  )

  it.effect("a stale version is a Conflict and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        yield* updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership })
        const error = yield* Effect.flip(
          updateLeadership(ctxFor(secretary), { organizationId: "b1", expectedVersion: 1, leadership: { ...leadership, deputySecretaryIds: [] } })
        )
        expect(error).toMatchObject({ _tag: "Conflict", expectedVersion: 1, actualVersion: 2 })
        expect((yield* commandAudit).length).toBe(1)
      })
    )
  )

  it.effect("org.election.votingRights: a probationary member cannot sit in the leadership", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(
          updateLeadership(ctxFor(secretary), {
            organizationId: "b1",
            expectedVersion: 1,
            leadership: { ...leadership, committeeMemberIds: ["m1", "m2", "p1"] }
          })
        )
        expect(error).toMatchObject({ _tag: "OrganizationRuleBroken", ruleId: "org.election.votingRights" })
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
          updateLeadership(ctx, {
            organizationId: "b1",
            expectedVersion: 1,
            leadership: { secretaryId: "m1", deputySecretaryIds: ["m2", "m3"], committeeMemberIds: ["m1", "m2", "m3"] }
          })
        )
        expect(two).toMatchObject({ _tag: "OrganizationRuleBroken", ruleId: "org.branch.secretary" })
        const outside = yield* Effect.flip(
          updateLeadership(ctx, { organizationId: "b1", expectedVersion: 1, leadership: { ...leadership, secretaryId: "m9" } })
        )
        expect(outside._tag).toBe("InvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("a committee member is Forbidden", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(updateLeadership(ctxFor(committeeMember), { organizationId: "b1", expectedVersion: 1, leadership }))
        expect(error._tag).toBe("Forbidden")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )
})

describe("organizationFindings", () => {
  it.effect("branch b2 with 2 full members and no secretary: both findings, and no term recorded", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const findings = yield* organizationFindings(ctxFor(organizer), "b2")
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
        const findings = yield* organizationFindings(ctxFor(secretary), "b1")
        expect(findings.map((f) => f.ruleId)).toContain("org.branchCommittee.size")
        expect(findings.map((f) => f.ruleId)).not.toContain("org.branch.minimumFullMembers")
      })
    )
  )

  it.effect("a county viewer may not read an organization's findings; an unknown id is NotFound", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        expect((yield* Effect.flip(organizationFindings(ctxFor(viewer), "b1")))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(organizationFindings(ctxFor(organizer), "nope")))._tag).toBe("NotFound")
      })
    )
  )
})
