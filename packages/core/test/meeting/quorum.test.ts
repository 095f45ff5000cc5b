import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import { mayChair } from "../../src/meeting/chair.js"
import { generalAssemblyVote, meetingQuorum, minimumReaching } from "../../src/meeting/quorum.js"
import { meetsThreshold } from "../../src/meeting/threshold.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { applyOverride } from "../../src/profile/override.js"

const on = civilDate("2026-03-01")

describe("meeting.committee.quorum (ZB2018 第十二条): more than half of the committee", () => {
  it("5 members: 2 present is not enough, 3 is", () => {
    expect(meetingQuorum("committee", { due: 5, present: 2 }, nationalBaseline, on).met).toBe(false)
    expect(meetingQuorum("committee", { due: 5, present: 3 }, nationalBaseline, on)).toMatchObject({ met: true, minimumPresent: 3 })
  })
  it("4 members: exactly half (2) is not enough by default (Q1); 3 is", () => {
    expect(meetingQuorum("committee", { due: 4, present: 2 }, nationalBaseline, on)).toMatchObject({ met: false, minimumPresent: 3 })
    expect(meetingQuorum("committee", { due: 4, present: 3 }, nationalBaseline, on).met).toBe(true)
  })
  it("a profile that reads 半数以上 as including half accepts 2 of 4", () => {
    const inclusive = Either.getOrThrow(
      applyOverride(nationalBaseline, {
        id: "half-counts",
        name: { zh: "半数即可", en: "half counts" },
        document: "某县关于“半数以上”的解释",
        effectiveFrom: "2026-01-01",
        rules: { "meeting.committee.quorum": { attendance: { numerator: 1, denominator: 2, inclusive: true } } }
      })
    )
    expect(meetingQuorum("committee", { due: 4, present: 2 }, inclusive, on)).toMatchObject({ met: true, minimumPresent: 2 })
  })
})

describe("meeting.partyOrganizationMeeting.quorum (ZXX2022): two thirds for key matters", () => {
  it("9 members: 5 present decide ordinary items; cadre appointments need 6", () => {
    expect(meetingQuorum("partyOrganizationMeeting", { due: 9, present: 5 }, nationalBaseline, on).met).toBe(true)
    expect(meetingQuorum("partyOrganizationMeeting", { due: 9, present: 5, keyMatters: true }, nationalBaseline, on)).toMatchObject({
      met: false,
      minimumPresent: 6
    })
    expect(meetingQuorum("partyOrganizationMeeting", { due: 9, present: 6, keyMatters: true }, nationalBaseline, on).met).toBe(true)
  })
  it("meeting.principalOfficeMeeting.quorum: 7 in the team need 4", () => {
    expect(meetingQuorum("principalOfficeMeeting", { due: 7, present: 3 }, nationalBaseline, on).met).toBe(false)
    expect(meetingQuorum("principalOfficeMeeting", { due: 7, present: 4 }, nationalBaseline, on).met).toBe(true)
  })
})

describe("meeting.generalAssembly.quorum (ZB2018 第十一条): the denominator is those who should attend", () => {
  it("20 voting members due, 12 present, 10 yes: quorum met but not passed (10 is not more than half of 20)", () => {
    expect(generalAssemblyVote({ dueVoting: 20, presentVoting: 12, yes: 10 }, nationalBaseline, on)).toMatchObject({
      quorumMet: true,
      passed: false,
      yesNeeded: 11
    })
    expect(generalAssemblyVote({ dueVoting: 20, presentVoting: 12, yes: 11 }, nationalBaseline, on).passed).toBe(true)
  })
  it("no quorum, no decision, whatever the votes", () => {
    expect(generalAssemblyVote({ dueVoting: 20, presentVoting: 10, yes: 10 }, nationalBaseline, on)).toMatchObject({ quorumMet: false, passed: false })
  })
  it("law: minimumReaching is the least count that meets the threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (of, a, b, inclusive) => {
        const threshold = { numerator: Math.min(a, b), denominator: Math.max(a, b), inclusive }
        const least = minimumReaching(threshold, of)
        return meetsThreshold(threshold, least, of) && !meetsThreshold(threshold, least - 1, of)
      })
    )
  })
})

describe("meeting.convener (ZB2018 第十四条)", () => {
  it("the secretary chairs the general and committee meetings; a deputy or committee member only when the secretary asked", () => {
    expect(mayChair("committee", "secretary", false, nationalBaseline, on).allowed).toBe(true)
    expect(mayChair("committee", "deputySecretary", false, nationalBaseline, on).allowed).toBe(false)
    expect(mayChair("generalAssembly", "committeeMember", true, nationalBaseline, on).allowed).toBe(true)
    expect(mayChair("generalAssembly", "other", true, nationalBaseline, on).allowed).toBe(false)
  })
  it("the group leader chairs the party group meeting; delegation does not apply there", () => {
    expect(mayChair("partyGroup", "groupLeader", false, nationalBaseline, on).allowed).toBe(true)
    expect(mayChair("partyGroup", "committeeMember", true, nationalBaseline, on).allowed).toBe(false)
  })
})
