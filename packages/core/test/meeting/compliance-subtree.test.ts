import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { addDays, civilDate } from "../../src/calendar/civil-date.js"
import { branchCompliance, type ComplianceUnit, complianceCountKeys, subtreeCompliance } from "../../src/meeting/compliance.js"
import { readHeld } from "../../src/meeting/compliance-read.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import { meetingKind } from "../../src/meeting/kinds.js"
import type { Meeting } from "../../src/meeting/meeting.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { aggregateProjected } from "../../src/store/aggregate.js"
import { Store } from "../../src/store/port.js"
import { projectRecord } from "../../src/store/record-kind.js"
import { tree } from "./fixtures.js"

const b1 = tree.find((o) => o.id === "b1")!
const b2 = tree.find((o) => o.id === "b2")!
const units: ReadonlyArray<ComplianceUnit> = [
  { branch: b1, groups: tree.filter((o) => o.parentId === "b1"), fullMembersOn: () => 15 },
  { branch: b2, groups: [], fullMembersOn: () => 4 }
]
const kinds = ["generalAssembly", "committee", "lecture", "themeDay", "orgLifeMeeting", "democraticEvaluation", "talks"] as const

/** A meeting of one of the tree's organizations on a day of 2026. */
const meetingArb = fc
  .record({ org: fc.constantFrom("b1", "g1", "g2", "b2"), kinds: fc.subarray([...kinds], { minLength: 1 }), day: fc.integer({ min: 0, max: 364 }) })
  .map(
    (r, i = 0) =>
      ({
        tenantId: b1.tenantId,
        id: `m${r.org}${r.day}${r.kinds.join("")}${i}`,
        version: 1,
        organizationId: r.org,
        branchId: r.org.startsWith("g") ? "b1" : r.org,
        kinds: r.org.startsWith("g") ? ["partyGroup"] : r.kinds,
        date: addDays(civilDate("2026-01-01"), r.day),
        chairId: null,
        agenda: [],
        counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 },
        resolutions: []
      }) as unknown as Meeting
  )

const options = { profile: nationalBaseline, from: civilDate("2026-01-01"), to: civilDate("2026-12-31"), asOf: civilDate("2026-09-15") }

describe("law: compliance of a subtree equals the combination of its branches'", () => {
  it("each branch judged with the whole subtree's held counts is the branch judged with its own meetings alone (no meeting counts for another branch)", () => {
    fc.assert(
      fc.property(fc.array(meetingArb, { maxLength: 40 }), (meetings) => {
        const whole = subtreeCompliance(units, heldFromMeetings(meetings), options)
        const each = units.map((u) => branchCompliance(u, heldFromMeetings(meetings.filter((m) => m.branchId === u.branch.id)), options))
        expect(whole).toEqual(each)
        expect(whole.flatMap((b) => b.findings)).toEqual(each.flatMap((b) => b.findings))
      }),
      { numRuns: 50 }
    )
  })
})

/** A store that answers only `aggregate`, over the meetings' projections, as the memory store does. */
const aggregateOver = (meetings: ReadonlyArray<Meeting>) => ({
  aggregate: (_kind: unknown, _tenantId: unknown, query: { groupBy: ReadonlyArray<string>; filter: { date: { gte: string; lte: string } }; sum?: ReadonlyArray<string> }) =>
    Effect.succeed(
      aggregateProjected(
        meetings.filter((m) => query.filter.date.gte <= m.date && m.date <= query.filter.date.lte).map((m) => projectRecord(meetingKind, m as never)),
        query.groupBy,
        query.sum ?? []
      )
    )
})

describe("readHeld sums only the counted kinds the window's obligations ask about", () => {
  it("law: the branches' compliance from the narrowed aggregate is the compliance from all sums and from the meeting records", () => {
    fc.assert(
      fc.property(fc.uniqueArray(meetingArb, { maxLength: 40, selector: (m) => m.id }), (meetings) => {
        const span = { from: options.from, to: options.to }
        const read = (keys: ReadonlyArray<string> | undefined) =>
          Effect.runSync(readHeld(b1.tenantId, ["b1", "b2"], span, { weekly: false, keys }).pipe(Effect.provideService(Store, aggregateOver(meetings) as never)))
        const narrowed = subtreeCompliance(units, read(complianceCountKeys(options)), options)
        expect(narrowed).toEqual(subtreeCompliance(units, read(undefined), options))
        expect(narrowed).toEqual(subtreeCompliance(units, heldFromMeetings(meetings), options))
      }),
      { numRuns: 50 }
    )
  })

  it("the national profile's year asks about fewer than all counted kinds", () => {
    const keys = complianceCountKeys(options)
    expect(keys).toContain("committee")
    expect(keys).toContain("secretaryLecture")
    expect(keys).not.toContain("talks")
  })
})
