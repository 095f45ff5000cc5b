import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { meetingService } from "../../src/meeting/meeting-service.js"
import type { RecordMeetingInput } from "../../src/meeting/meeting-service-inputs.js"
import { b1Attendance, ctxFor, organizer, run, secretary, seed, viewer } from "./fixtures.js"

const partyMeeting = (present: number, matter: "cadreAppointment" | "largeExpense"): RecordMeetingInput => ({
  id: `pom-${matter}-${present}`,
  organizationId: "school",
  kinds: ["partyOrganizationMeeting"],
  date: "2026-05-12",
  bodyCounts: { due: 9, present },
  resolutions: [{ title: matter === "cadreAppointment" ? "任命教务处主任" : "购置实验设备", votes: { yes: present, no: 0, abstain: 0 }, passed: true, matter }]
})

const officeMeeting = (priorDiscussionId?: string): RecordMeetingInput => ({
  id: `pri-${priorDiscussionId ?? "none"}`,
  organizationId: "school",
  kinds: ["principalOfficeMeeting"],
  date: "2026-05-20",
  bodyCounts: { due: 7, present: 5 },
  resolutions: [
    { title: "购置实验设备", votes: { yes: 5, no: 0, abstain: 0 }, passed: true, matter: "largeExpense", ...(priorDiscussionId === undefined ? {} : { priorDiscussionId }) }
  ]
})

describe("school governance meetings (rules.md 2.10, 9.5)", () => {
  it.effect("a 党组织会议 deciding a cadre appointment needs two thirds present: 6 of 9 is enough, 5 of 9 is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(organizer)
        const refused = yield* Effect.flip(meetingService.recordMeeting(ctx, partyMeeting(5, "cadreAppointment")))
        expect(refused).toMatchObject({ _tag: "ZhibuMeetingRejected", ruleId: "meeting.partyOrganizationMeeting.quorum" })
        expect(refused.message).toContain("须2/3以上（至少6人），差1人")
        const ok = yield* meetingService.recordMeeting(ctx, partyMeeting(6, "cadreAppointment"))
        expect(ok.meeting.bodyCounts).toEqual({ due: 9, present: 6 })
        // An ordinary matter needs more than half: 5 of 9.
        yield* meetingService.recordMeeting(ctx, partyMeeting(5, "largeExpense"))
      })
    )
  )

  it.effect("a principal's office meeting needs more than half of its team (4 of 7 quorate, 3 refused)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const input = { ...officeMeeting(), bodyCounts: { due: 7, present: 3 }, resolutions: [] }
        const refused = yield* Effect.flip(meetingService.recordMeeting(ctxFor(organizer), input))
        expect(refused).toMatchObject({ ruleId: "meeting.principalOfficeMeeting.quorum" })
        yield* meetingService.recordMeeting(ctxFor(organizer), { ...input, bodyCounts: { due: 7, present: 4 } })
      })
    )
  )

  it.effect("a 三重一大 decision without prior party discussion is flagged (rule meeting.majorMatters.priorDiscussion); with it, nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(organizer)
        const flagged = yield* meetingService.recordMeeting(ctx, officeMeeting())
        expect(flagged.findings.map((f) => [f.ruleId, f.severity])).toEqual([["meeting.majorMatters.priorDiscussion", "flag"]])
        expect(flagged.findings[0]?.message.zh).toContain("未见党组织会议事先研究讨论的记录")
        const discussion = yield* meetingService.recordMeeting(ctx, partyMeeting(6, "largeExpense"))
        const clean = yield* meetingService.recordMeeting(ctx, officeMeeting(discussion.meeting.id))
        expect(clean.findings).toEqual([])
        // The flag is read back with the meeting.
        expect((yield* meetingService.get(ctx, { meetingId: flagged.meeting.id })).findings).toHaveLength(1)
      })
    )
  )

  it.effect("a governance meeting cannot also count as a branch meeting", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const refused = yield* Effect.flip(meetingService.recordMeeting(ctxFor(organizer), { ...officeMeeting(), kinds: ["principalOfficeMeeting", "themeDay"] }))
        expect(refused._tag).toBe("ZhibuMeetingRejected")
      })
    )
  )
})

describe("silent branches (rule meeting.silentBranch)", () => {
  it.effect("a branch without organizational life in the last 30 days is flagged; the profile may change the days", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* meetingService.recordMeeting(ctxFor(secretary), { id: "td", organizationId: "b1", kinds: ["themeDay"], date: "2026-06-01", attendance: b1Attendance() })
        const silent = yield* meetingService.silentBranches(ctxFor(viewer), { organizationId: "county" })
        expect(silent.map((f) => [f.subject.id, f.ruleId, f.severity])).toEqual([["b2", "meeting.silentBranch", "flag"]])
        // 30 days back from 2026-06-30 starts 2026-06-01: on 07-01 b1 is silent too.
        const later = yield* meetingService.silentBranches(ctxFor(viewer, undefined, new Date("2026-07-01T02:00:00Z")), { organizationId: "county" })
        expect(later.map((f) => f.subject.id)).toEqual(["b1", "b2"])
      })
    )
  )
})
