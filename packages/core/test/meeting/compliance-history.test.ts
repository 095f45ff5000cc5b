import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { committeeOn, mayLackCommittee } from "../../src/meeting/compliance-committee.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { type LeadershipRecord, leadershipRecordKind, leadershipRecordOf } from "../../src/org/history-leadership.js"
import type { Organization } from "../../src/org/organization.js"
import { createWrite, Store } from "../../src/store/port.js"
import { ctxFor, members, NOW, organizer, run, seedWith, TENANT, tree } from "./fixtures.js"

const JULY = new Date("2026-07-02T02:00:00Z")
const b2 = tree.find((o) => o.id === "b2")!
const committee = { secretaryId: "n1", deputySecretaryIds: [], committeeMemberIds: ["n1", "n2", "n3"] } as unknown as Organization["leadership"]
/** b2 as it stands after electing a committee on 2026-05-15 (its full members are still 4). */
const b2Elected: Organization = { ...b2, leadership: committee }
const election = { ...leadershipRecordOf(b2, { leadership: committee, version: 2 }, civilDate("2026-05-15"), "election"), version: 1 } as LeadershipRecord
const dissolved = {
  ...leadershipRecordOf(b2Elected, { leadership: { ...committee, committeeMemberIds: [] }, version: 3 }, civilDate("2026-09-01"), "appointment"),
  version: 1
} as LeadershipRecord

describe("committeeOn: the committee on a date from the leadership history", () => {
  it("without history, the branch's current committee fields decide every date", () => {
    expect(committeeOn(b2, [])(civilDate("2020-01-01"))).toBe(false)
    expect(committeeOn(b2Elected, [])(civilDate("2020-01-01"))).toBe(true)
  })

  it("from the first change on, the change in force; before it the committee is not known (false: the full members decide)", () => {
    const has = committeeOn(b2Elected, [election, dissolved])
    expect([has(civilDate("2026-05-14")), has(civilDate("2026-05-15")), has(civilDate("2026-08-31")), has(civilDate("2026-09-01"))]).toEqual([false, true, true, false])
  })

  it("mayLackCommittee: members are counted only for a branch that may be without a committee in the span", () => {
    const h1 = [{ ...election, effectiveOn: civilDate("2025-01-10") }]
    expect(mayLackCommittee(b2Elected, h1, { from: civilDate("2026-01-01"), to: civilDate("2026-12-31") })).toBe(false)
    expect(mayLackCommittee(b2Elected, [election], { from: civilDate("2026-01-01"), to: civilDate("2026-12-31") })).toBe(true)
    expect(mayLackCommittee(b2Elected, [election], { from: civilDate("2026-06-01"), to: civilDate("2026-08-31") })).toBe(false)
    expect(mayLackCommittee(b2Elected, [election, dissolved], { from: civilDate("2026-06-01"), to: civilDate("2026-12-31") })).toBe(true)
    expect(mayLackCommittee(b2, [], { from: civilDate("2026-06-01"), to: civilDate("2026-12-31") })).toBe(true)
  })
})

const seedElected = (history: ReadonlyArray<LeadershipRecord>) =>
  Effect.gen(function* () {
    yield* seedWith(
      tree.map((o) => (o.id === "b2" ? b2Elected : o)),
      members
    )
    if (history.length === 0) return
    const store = yield* Store
    yield* store.write(
      TENANT,
      history.map(({ version: _v, ...r }) => createWrite(leadershipRecordKind, r)),
      { actorId: "seed", at: NOW, action: "seed" }
    )
  })

const committeeStates = (history: ReadonlyArray<LeadershipRecord>) =>
  Effect.gen(function* () {
    yield* seedElected(history)
    const report = yield* meetingService.compliance(ctxFor(organizer, nationalBaseline, JULY), { organizationId: "b2", view: "quarter", on: "2026-05-01" })
    return report.branches[0]!.obligations.find((o) => o.kind === "committee")!.periods.map((p) => [p.period.label, p.state])
  })

describe("meetingService.compliance follows the committee on the dates in question (meeting.committee.monthly, org.branchCommittee.size)", () => {
  it.effect("a committee elected on 2026-05-15 in a branch of 4 full members: no 支委会 owed in April, owed from May, the month of the election", () =>
    run(
      Effect.gen(function* () {
        expect(yield* committeeStates([election])).toEqual([
          ["2026-04", "notRequired"],
          ["2026-05", "gap"],
          ["2026-06", "gap"]
        ])
      })
    )
  )

  it.effect("elected on the last day of April, April owes one (the committee is judged on the month's last day)", () =>
    run(
      Effect.gen(function* () {
        const onLastDay = { ...election, effectiveOn: civilDate("2026-04-30") }
        expect((yield* committeeStates([onLastDay]))[0]).toEqual(["2026-04", "gap"])
      })
    )
  )

  it.effect("without a history, the current committee is taken for every month (the fallback)", () =>
    run(
      Effect.gen(function* () {
        expect((yield* committeeStates([])).map(([, s]) => s)).toEqual(["gap", "gap", "gap"])
      })
    )
  )

  it.effect("the year plan plans the 支委会 from the month of the election only", () =>
    run(
      Effect.gen(function* () {
        yield* seedElected([election])
        const plan = yield* meetingService.yearPlan(ctxFor(organizer, nationalBaseline, JULY), { organizationId: "b2", year: 2026 })
        const months = plan.items.filter((i) => i.meetingKind === "committee").map((i) => i.period!.label)
        expect(months).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
      })
    )
  )
})
