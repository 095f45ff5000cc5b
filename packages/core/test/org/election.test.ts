import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { ElectionTally, electionQuorum, electionResult, minimumCandidates } from "../../src/org/election.js"

describe("org.election.quorum: more than 4/5 of eligible voters present", () => {
  it("exactly 4/5 is not enough; one more is", () => {
    expect(electionQuorum({ eligible: 10, present: 8 })).toEqual({ met: false, minimumPresent: 9 })
    expect(electionQuorum({ eligible: 10, present: 9 }).met).toBe(true)
    expect(electionQuorum({ eligible: 5, present: 4 }).met).toBe(false)
    expect(electionQuorum({ eligible: 5, present: 5 }).met).toBe(true)
  })

  it("just over 4/5 when 4/5 is not whole: 7 eligible need 6 (5.6 → 6)", () => {
    expect(electionQuorum({ eligible: 7, present: 5 }).met).toBe(false)
    expect(electionQuorum({ eligible: 7, present: 6 }).met).toBe(true)
  })

  it("law: quorum is monotone in present", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (eligible, present, more) => {
        if (electionQuorum({ eligible, present }).met) expect(electionQuorum({ eligible, present: present + more }).met).toBe(true)
      })
    )
  })

  it("law: met exactly when 5 × present > 4 × eligible (comparison with the plain inequality)", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (eligible, present) => {
        expect(electionQuorum({ eligible, present }).met).toBe(5 * present > 4 * eligible)
      })
    )
  })
})

describe("org.election.candidateMargin: 20% more candidates, rounded up, at least one more", () => {
  it("3 seats → 4, 5 seats → 6, 10 seats → 12", () => {
    expect(minimumCandidates(3)).toBe(4)
    expect(minimumCandidates(5)).toBe(6)
    expect(minimumCandidates(10)).toBe(12)
  })

  it("1 seat → 2 (at least one more), 7 seats → 9 (8.4 rounded up)", () => {
    expect(minimumCandidates(1)).toBe(2)
    expect(minimumCandidates(7)).toBe(9)
  })

  it("law: the least count c with 100c ≥ 120 × seats and c > seats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (seats) => {
        let c = seats + 1
        while (100 * c < 120 * seats) c++
        expect(minimumCandidates(seats)).toBe(c)
      })
    )
  })
})

describe("electionResult (org.election.winningMajority, org.election.ballots)", () => {
  const tally = (seats: number, presentVoters: number, votes: Record<string, number>, returned = presentVoters) =>
    Schema.decodeUnknownSync(ElectionTally)({ seats, presentVoters, ballotsIssued: presentVoters, ballotsReturned: returned, votes })

  it("more ballots returned than issued voids the round; as many as issued is valid", () => {
    const base = { seats: 1, presentVoters: 10, ballotsIssued: 9, votes: { a: 9 } }
    expect(electionResult({ ...base, ballotsReturned: 10 })._tag).toBe("void")
    expect(electionResult({ ...base, ballotsReturned: 9 })._tag).toBe("decided")
  })

  it("a winner needs more than half of those present: 5 of 10 is not enough, 6 is", () => {
    expect(electionResult(tally(2, 10, { a: 6, b: 5 }))).toEqual({ _tag: "decided", votesNeeded: 6, winners: ["a"], unfilledSeats: 1 })
  })

  it("half of an odd number: 5 of 9 is enough", () => {
    expect(electionResult(tally(1, 9, { a: 5, b: 4 }))).toMatchObject({ _tag: "decided", winners: ["a"], unfilledSeats: 0 })
  })

  it("more passing than seats: the most votes win", () => {
    expect(electionResult(tally(2, 10, { a: 9, b: 8, c: 7 }))).toMatchObject({ winners: ["a", "b"], unfilledSeats: 0 })
  })

  it("a tie at the last seat needs a re-vote among the tied; the library does not decide it", () => {
    expect(electionResult(tally(2, 10, { a: 9, b: 7, c: 7 }))).toEqual({
      _tag: "tieAtLastSeat",
      votesNeeded: 6,
      winners: ["a"],
      tied: ["b", "c"],
      seatsForTied: 1
    })
  })

  it("a tie above the last seat is no tie", () => {
    expect(electionResult(tally(3, 10, { a: 9, b: 7, c: 7 }))).toMatchObject({ _tag: "decided", winners: ["a", "b", "c"] })
  })

  it("the tally refuses a candidate with more votes than ballots returned, and more ballots than voters", () => {
    const decode = Schema.decodeUnknownEither(ElectionTally)
    expect(Either.isLeft(decode({ seats: 1, presentVoters: 5, ballotsIssued: 5, ballotsReturned: 5, votes: { a: 6 } }))).toBe(true)
    expect(Either.isLeft(decode({ seats: 1, presentVoters: 5, ballotsIssued: 6, ballotsReturned: 5, votes: {} }))).toBe(true)
  })
})

/** A consistent tally: issued ≤ present, returned ≤ issued, each candidate's votes ≤ returned. */
const tallyArb = fc
  .record({ seats: fc.integer({ min: 1, max: 7 }), present: fc.integer({ min: 0, max: 60 }) })
  .chain(({ seats, present }) =>
    fc.integer({ min: 0, max: present }).chain((returned) =>
      fc
        .dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i"), fc.integer({ min: 0, max: returned }))
        .map((votes) => ({ seats, presentVoters: present, ballotsIssued: present, ballotsReturned: returned, votes }))
    )
  )

describe("electionResult laws", () => {
  it("winners never exceed the seats", () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        const r = electionResult(t)
        if (r._tag === "decided") expect(r.winners.length + r.unfilledSeats).toBe(t.seats)
        if (r._tag === "tieAtLastSeat") {
          expect(r.winners.length).toBeLessThan(t.seats)
          expect(r.winners.length + r.seatsForTied).toBe(t.seats)
          expect(r.tied.length).toBeGreaterThan(r.seatsForTied)
        }
      })
    )
  })

  it("every winner has more than half of the voters present", () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        const r = electionResult(t)
        if (r._tag !== "void") for (const w of r.winners) expect(2 * t.votes[w]!).toBeGreaterThan(t.presentVoters)
      })
    )
  })

  it("adding votes to a winner keeps them a winner", () => {
    fc.assert(
      fc.property(tallyArb, fc.integer({ min: 1, max: 20 }), (t, extra) => {
        const r = electionResult(t)
        if (r._tag !== "decided" || r.winners.length === 0) return
        const w = r.winners[r.winners.length - 1]!
        const after = electionResult({ ...t, votes: { ...t.votes, [w]: t.votes[w]! + extra } })
        expect(after._tag).toBe("decided")
        if (after._tag === "decided") expect(after.winners).toContain(w)
      })
    )
  })

  it("a consistent tally is never void", () => {
    fc.assert(
      fc.property(tallyArb, (t) => {
        expect(electionResult(t)._tag).not.toBe("void")
      })
    )
  })
})
