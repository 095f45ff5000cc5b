import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import type { ApproveTermExtensionInput, RecordElectionInput } from "../../src/org/election-service.js"
import { organizationService } from "../../src/org/organization-service.js"
import type { Store } from "../../src/store/port.js"
import { actor, fullMembers, member, org, schoolTree } from "./fixtures.js"
import { commandAudit, committeeMember, ctxFor, organizer, schoolMembers, secretary, seed } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

/** Branch b1 (9 full members, 1 probationary) elects a committee of 3 from 4 candidates. */
const election = {
  organizationId: "b1",
  expectedVersion: 1,
  electedOn: "2026-02-20",
  elects: "committee",
  eligibleVoters: 9,
  tally: { seats: 3, presentVoters: 9, ballotsIssued: 9, ballotsReturned: 9, votes: { m1: 9, m2: 8, m3: 7, m4: 3 } },
  secretaryId: "m1",
  deputySecretaryIds: ["m2"]
} satisfies RecordElectionInput
const withTally = (tally: Partial<Omit<typeof election.tally, "votes">> & { votes?: Record<string, number> }): RecordElectionInput => ({
  ...election,
  tally: { ...election.tally, ...tally }
})

describe("organizationService.recordElection", () => {
  it.effect("sets the committee, the officers and a 3-year branch term (org.term.length); audited with the actor", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const updated = yield* organizationService.recordElection(ctxFor(secretary), election)
        expect(updated.version).toBe(2)
        expect(updated.leadership).toEqual({ secretaryId: "m1", deputySecretaryIds: ["m2"], committeeMemberIds: ["m1", "m2", "m3"] })
        expect(updated.term).toEqual({ electedOn: "2026-02-20", years: 3 })
        expect((yield* commandAudit).map((e) => [e.actorId, e.action, e.recordId])).toEqual([
          ["m1", "organization.recordElection", "b1"],
          ["m1", "organization.recordElection", "b1:v2"]
        ])
      })
    )
  )

  it.effect("a committee (党委) gets a 5-year term", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const updated = yield* organizationService.recordElection(ctxFor(organizer), { ...election, organizationId: "school" })
        expect(updated.term?.years).toBe(5)
      })
    )
  )

  it.effect("org.election.quorum: 7 of 9 present (not more than 4/5) is refused; 8 of 9 passes", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const seven = { seats: 3, presentVoters: 7, ballotsIssued: 7, ballotsReturned: 7, votes: { m1: 7, m2: 6, m3: 5, m4: 1 } }
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally(seven)))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.quorum" })
        expect(error.message).toContain("8")
        expect(yield* commandAudit).toEqual([])
        const eight = { seats: 3, presentVoters: 8, ballotsIssued: 8, ballotsReturned: 8, votes: { m1: 8, m2: 7, m3: 5, m4: 1 } }
        expect((yield* organizationService.recordElection(ctxFor(secretary), withTally(eight))).version).toBe(2)
      })
    )
  )

  it.effect("org.election.candidateMargin: 3 seats with 3 candidates is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally({ votes: { m1: 9, m2: 8, m3: 7 } })))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.candidateMargin" })
      })
    )
  )

  it.effect("org.election.winningMajority: a tie at the last seat and an unfilled seat are refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const tie = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally({ votes: { m1: 9, m2: 8, m3: 7, m4: 7 } })))
        expect(tie).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.winningMajority" })
        expect(tie.message).toContain("m3")
        const short = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally({ votes: { m1: 9, m2: 8, m3: 4, m4: 4 } })))
        expect(short).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.winningMajority" })
      })
    )
  )

  it.effect("org.election.ballots: more ballots returned than issued is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally({ ballotsIssued: 8, ballotsReturned: 9 })))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.ballots" })
      })
    )
  )

  it.effect("org.election.votingRights: a probationary candidate is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), withTally({ votes: { m1: 9, m2: 8, m3: 7, p1: 3 } })))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.votingRights" })
      })
    )
  )

  it.effect("a member under 留党察看 cannot stand while it lasts", () =>
    run(
      Effect.gen(function* () {
        const sanctioned = member("m4", "b1", { sanctions: [{ kind: "probationWithinParty", from: "2025-09-01", until: "2026-09-01", decidedBy: "县纪委" }] })
        yield* seed(schoolTree, [...schoolMembers.filter((m) => m.id !== "m4"), sanctioned])
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), election))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.votingRights" })
      })
    )
  )

  it.effect("org.branchCommittee.size: a branch with 7+ full members cannot elect only a secretary", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(
          organizationService.recordElection(ctxFor(secretary), {
            ...election,
            elects: "secretary",
            deputySecretaryIds: [],
            tally: { seats: 1, presentVoters: 9, ballotsIssued: 9, ballotsReturned: 9, votes: { m1: 9 } }
          })
        )
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.branchCommittee.size" })
      })
    )
  )

  it.effect("a small branch elects its secretary directly; the committee stays empty", () =>
    run(
      Effect.gen(function* () {
        yield* seed(schoolTree, [...schoolMembers, ...fullMembers(2, "b2", "k")])
        const updated = yield* organizationService.recordElection(ctxFor(organizer), {
          ...election,
          organizationId: "b2",
          elects: "secretary",
          eligibleVoters: 4,
          deputySecretaryIds: [],
          secretaryId: "n1",
          tally: { seats: 1, presentVoters: 4, ballotsIssued: 4, ballotsReturned: 4, votes: { n1: 4 } }
        })
        expect(updated.leadership).toEqual({ secretaryId: "n1", deputySecretaryIds: [], committeeMemberIds: [] })
      })
    )
  )

  it.effect("the secretary must be among those elected", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), { ...election, secretaryId: "m4" }))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.election.winningMajority" })
      })
    )
  )

  it.effect("Forbidden for a committee member, Conflict for a stale version, InvalidInput for bad input; nothing written", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        expect((yield* Effect.flip(organizationService.recordElection(ctxFor(committeeMember), election)))._tag).toBe("ZhibuForbidden")
        expect((yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), { ...election, expectedVersion: 2 })))._tag).toBe("ZhibuConflict")
        expect((yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), { ...election, electedOn: "2026-02-30" })))._tag).toBe("ZhibuInvalidInput")
        expect((yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), { ...election, electedOn: "2026-03-02" })))._tag).toBe("ZhibuInvalidInput")
        expect((yield* Effect.flip(organizationService.recordElection(ctxFor(secretary), { ...election, eligibleVoters: 8 })))._tag).toBe("ZhibuInvalidInput")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )
})

describe("organizationService.approveTermExtension (org.term.extension)", () => {
  const withTerm = [
    ...schoolTree.filter((o) => o.id !== "b1"),
    org("b1", "branch", "school", { term: { electedOn: "2023-03-10", years: 3 } })
  ]
  const request: ApproveTermExtensionInput = { organizationId: "b1", expectedVersion: 1, approvedOn: "2026-02-25", approvedBy: "县委教育工委", months: 12 }

  it.effect("12 months is approved by the higher organizer and audited", () =>
    run(
      Effect.gen(function* () {
        yield* seed(withTerm)
        const updated = yield* organizationService.approveTermExtension(ctxFor(organizer), request)
        expect(updated.term?.extension).toEqual({ approvedOn: "2026-02-25", approvedBy: "县委教育工委", months: 12 })
        expect((yield* commandAudit).map((e) => [e.actorId, e.action])).toEqual([["o1", "organization.approveExtension"]])
      })
    )
  )

  it.effect("13 months is refused, naming the last date the rule allows", () =>
    run(
      Effect.gen(function* () {
        yield* seed(withTerm)
        const error = yield* Effect.flip(organizationService.approveTermExtension(ctxFor(organizer), { ...request, months: 13 }))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.term.extension", allowedUntil: "2027-03-10" })
        expect(error.message).toContain("2027-03-10")
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("a branch secretary may not approve an extension", () =>
    run(
      Effect.gen(function* () {
        yield* seed(withTerm)
        const error = yield* Effect.flip(organizationService.approveTermExtension(ctxFor(secretary), request))
        expect(error).toMatchObject({ _tag: "ZhibuForbidden", allowedRoles: ["higherOrganizer"] })
        expect(yield* commandAudit).toEqual([])
      })
    )
  )

  it.effect("an organization with no term has nothing to extend; a stale version is a Conflict", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const none = yield* Effect.flip(organizationService.approveTermExtension(ctxFor(organizer), request))
        expect(none).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.term.electionDue" })
        const stale = yield* Effect.flip(organizationService.approveTermExtension(ctxFor(actor("o2", ["higherOrganizer", "county"])), { ...request, expectedVersion: 3 }))
        expect(stale._tag).toBe("ZhibuConflict")
      })
    )
  )
})
