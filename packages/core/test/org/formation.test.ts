import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { organizationService } from "../../src/org/organization-service.js"
import { checkOrganization } from "../../src/org/setup-check.js"
import { termFindings } from "../../src/org/term.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { Store } from "../../src/store/port.js"
import { actor, fullMembers, org } from "./fixtures.js"
import { ctxFor, organizer, seed } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const today = civilDate("2026-03-01")

describe("formation: an appointed body (教育工委) is judged as appointed, not elected", () => {
  const workCommittee = org("county", "committee", null, { formation: "appointed" })

  it("org.committee.threshold: no membership warning for an appointed committee; an elected one still gets it", () => {
    const members = fullMembers(13, "county")
    expect(checkOrganization(workCommittee, members, nationalBaseline, today)).toEqual([])
    expect(checkOrganization(org("county", "committee", null), members, nationalBaseline, today).map((f) => f.ruleId)).toEqual([
      "org.committee.threshold"
    ])
  })

  it("org.term.electionDue: an appointed body has no term to renew", () => {
    expect(termFindings(workCommittee, nationalBaseline, today)).toEqual([])
    expect(termFindings(org("county", "committee", null), nationalBaseline, today).map((f) => f.ruleId)).toEqual(["org.term.electionDue"])
  })

  it("records without the field (written before it existed) read as elected", () => {
    expect(org("b1", "branch", null).formation).toBe("elected")
  })

  it.effect("organizationService.recordElection refuses an appointed body and writes nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed([workCommittee], fullMembers(9, "county"))
        const error = yield* Effect.flip(
          organizationService.recordElection(ctxFor(actor("o2", ["higherOrganizer", "county"])), {
            organizationId: "county",
            expectedVersion: 1,
            electedOn: "2026-02-20",
            elects: "committee",
            eligibleVoters: 9,
            tally: { seats: 3, presentVoters: 9, ballotsIssued: 9, ballotsReturned: 9, votes: { m1: 9, m2: 8, m3: 7, m4: 3 } },
            secretaryId: "m1"
          })
        )
        expect(error._tag).toBe("ZhibuOrganizationRuleBroken")
        expect(error.message).toContain("appointed")
      })
    )
  )

  it.effect("organizationService.create refuses an appointed branch: branches are elected", () =>
    run(
      Effect.gen(function* () {
        yield* seed()
        const error = yield* Effect.flip(
          organizationService.create(ctxFor(organizer), {
            id: "b9", kind: "branch", formation: "appointed", name: "第九支部", parentId: "school",
            units: ["school-1"], basis: "school", foundedOn: "2026-02-01"
          })
        )
        expect(error._tag).toBe("ZhibuInvalidInput")
      })
    )
  )
})
