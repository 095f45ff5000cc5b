import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { addDays, civilDate } from "../../src/calendar/civil-date.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import { rosterOn, votingMembersOn } from "../../src/meeting/roster.js"
import type { Member } from "../../src/member/member.js"
import { lastOrganizationalLifeOf } from "../../src/member/signals.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { b1Attendance, ctxFor, member, members, organizer, run, secretary, seed, seedWith, tree } from "./fixtures.js"

const b1 = tree.find((o) => o.id === "b1")!
const g1 = tree.find((o) => o.id === "g1")!
const day = (n: number) => addDays(civilDate("2026-01-01"), n)

const memberArb = (i: number) =>
  fc
    .record({
      branch: fc.constantFrom("b1", "b2"),
      group: fc.boolean(),
      joined: fc.integer({ min: -400, max: 300 }),
      convertAfter: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      change: fc.option(fc.record({ status: fc.constantFrom("transferredOut", "suspended", "lapsed", "deceased"), at: fc.integer({ min: -100, max: 364 }) }), {
        nil: null
      })
    })
    .map((r) => ({
      spec: r,
      member: member(`p${i}`, r.branch, {
        partyGroupId: r.branch === "b1" && r.group ? "g1" : null,
        stage: "probationary",
        joinedOn: day(r.joined),
        convertedOn: r.convertAfter === null ? null : day(r.joined + r.convertAfter),
        statusHistory: r.change === null ? [] : [{ status: r.change.status, date: day(r.change.at), decidedBy: "支部大会" }]
      })
    }))

describe("the roster on a date", () => {
  it("law: attendance due = the members filed in the organization, joined by that day, and active that day; voting = full that day", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 0, maxLength: 12 }).chain((xs) => fc.tuple(...xs.map((_, i) => memberArb(i)))),
        fc.integer({ min: 0, max: 364 }),
        fc.boolean(),
        (generated, d, ofGroup) => {
          const on = day(d)
          const org = ofGroup ? g1 : b1
          const roster = rosterOn(
            generated.map((g) => g.member),
            org,
            on,
            nationalBaseline
          )
          const model = generated
            .filter(({ spec }) => spec.branch === "b1" && (!ofGroup || spec.group))
            .filter(({ spec }) => spec.joined <= d && (spec.change === null || spec.change.at > d))
            .map(({ spec, member: m }) => ({ id: m.id, voting: spec.convertAfter !== null && spec.joined + spec.convertAfter <= d }))
            .sort((a, b) => (a.id < b.id ? -1 : 1))
          expect(roster.map((e) => ({ id: e.member.id, voting: e.voting }))).toEqual(model)
        }
      ),
      { numRuns: 150 }
    )
  })

  it("15 full + 2 probationary: 17 due, 15 voting; a member transferred out, suspended or not yet joined is not due", () => {
    const on = civilDate("2026-06-10")
    expect(rosterOn(members, b1, on, nationalBaseline)).toHaveLength(17)
    expect(votingMembersOn(members, b1, on, nationalBaseline)).toHaveLength(15)
    const moved: ReadonlyArray<Member> = [
      ...members,
      member("t1", "b1", { statusHistory: [{ status: "transferredOut", date: "2026-06-01", decidedBy: "支部" }] }),
      member("s1", "b1", { statusHistory: [{ status: "suspended", date: "2026-06-10", decidedBy: "支部" }] }),
      member("j1", "b1", { stage: "probationary", joinedOn: "2026-06-11", convertedOn: null }),
      member("w1", "b1", { sanctions: [{ kind: "probationWithinParty", from: "2026-01-01", decidedBy: "县纪委" }] })
    ]
    const roster = rosterOn(moved, b1, on, nationalBaseline)
    expect(roster.map((e) => e.member.id)).not.toContain("t1")
    expect(roster.map((e) => e.member.id)).not.toContain("s1")
    expect(roster.map((e) => e.member.id)).not.toContain("j1")
    expect(roster.find((e) => e.member.id === "w1")).toMatchObject({ voting: false })
    expect(rosterOn(moved, b1, civilDate("2026-05-31"), nationalBaseline).map((e) => e.member.id)).toContain("t1")
  })

  it.effect("meetingService.votingMembers gives the helper's answer through the store", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const voting = yield* meetingService.votingMembers(ctxFor(secretary), { organizationId: "b1", on: "2026-06-10" })
        expect(voting.map((m) => m.id)).not.toContain("p1")
        expect(voting).toHaveLength(15)
      })
    )
  )

  it.effect("the voting members come back with personal data masked", () =>
    run(
      Effect.gen(function* () {
        const withPhone = members.map((m) => (m.organizationId === "b1" ? { ...m, phone: "13812345678" } : m))
        yield* seedWith(tree, withPhone)
        const voting = yield* meetingService.votingMembers(ctxFor(secretary), { organizationId: "b1", on: "2026-06-10" })
        expect(voting.length).toBeGreaterThan(0)
        for (const m of voting) expect(m.phone).toBe("138****5678")
      })
    )
  )
})

describe("the six-month lapse signal from attendance records (rule member.lapse.sixMonths)", () => {
  it("the last organizational life is the latest meeting attended; with none attended, the day before the first one due", () => {
    expect(lastOrganizationalLifeOf([])).toBeUndefined()
    expect(
      lastOrganizationalLifeOf([
        { date: civilDate("2026-01-05"), status: "present" },
        { date: civilDate("2026-03-05"), status: "absent" },
        { date: civilDate("2026-02-05"), status: "present" }
      ])
    ).toBe("2026-02-05")
    expect(lastOrganizationalLifeOf([{ date: civilDate("2026-03-05"), status: "leave" }])).toBe("2026-03-04")
  })

  it.effect("a member absent from every meeting for six months is flagged; one who attended is not", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* meetingService.recordMeeting(ctxFor(secretary), {
          id: "td-jan",
          organizationId: "b1",
          kinds: ["themeDay"],
          date: "2026-01-09",
          attendance: b1Attendance(["m15"])
        })
        const later = ctxFor(organizer, nationalBaseline, new Date("2026-07-15T02:00:00Z"))
        const absent = yield* meetingService.memberSignals(later, { memberId: "m15" })
        const present = yield* meetingService.memberSignals(later, { memberId: "m14" })
        expect(absent.map((f) => f.ruleId)).toEqual(["member.lapse.sixMonths"])
        expect(absent[0]?.severity).toBe("flag")
        expect(present.map((f) => f.ruleId)).toEqual(["member.lapse.sixMonths"])
        const soon = ctxFor(organizer, nationalBaseline, new Date("2026-07-06T02:00:00Z"))
        expect(yield* meetingService.memberSignals(soon, { memberId: "m14" })).toEqual([])
        expect(yield* meetingService.memberSignals(soon, { memberId: "m15" })).toEqual([])
      })
    )
  )

  it.effect("participation: each member's attendance ratio from one aggregate", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* meetingService.recordMeeting(ctxFor(secretary), { id: "a", organizationId: "b1", kinds: ["themeDay"], date: "2026-03-06", attendance: b1Attendance(["m2"]) })
        yield* meetingService.recordMeeting(ctxFor(secretary), { id: "b", organizationId: "b1", kinds: ["themeDay"], date: "2026-04-03", attendance: b1Attendance(["m2", "m3"]) })
        const ratios = yield* meetingService.participation(ctxFor(secretary), { organizationId: "b1", from: "2026-01-01", to: "2026-06-30" })
        expect(ratios.find((r) => r.memberId === "m2")).toMatchObject({ due: 2, present: 0, absent: 2, ratio: 0 })
        expect(ratios.find((r) => r.memberId === "m3")).toMatchObject({ due: 2, present: 1, ratio: 0.5 })
        expect(ratios).toHaveLength(17)
      })
    )
  )
})
