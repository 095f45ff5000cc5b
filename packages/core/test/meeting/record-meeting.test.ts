import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { attendanceKind, meetingKind } from "../../src/meeting/kinds.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import type { RecordMeetingInput } from "../../src/meeting/meeting-service-inputs.js"
import { formatRefusal } from "../../src/profile/refusal.js"
import { Store } from "../../src/store/port.js"
import { b1Attendance, ctxFor, groupLeader, outsider, run, seed, secretary, TENANT } from "./fixtures.js"

const assembly = (over: Partial<RecordMeetingInput> = {}): RecordMeetingInput => ({
  id: "ga-1",
  organizationId: "b1",
  kinds: ["generalAssembly"],
  date: "2026-06-10",
  chairId: "m1",
  attendance: b1Attendance(),
  resolutions: [],
  ...over
})

const vote = (yes: number, no = 0) => ({ title: "接收预备党员", votes: { yes, no, abstain: 0 }, passed: true })

/** Records, expecting a refusal, and checks that nothing was written. */
const refused = (input: RecordMeetingInput, who = secretary) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(meetingService.recordMeeting(ctxFor(who), input))
    const store = yield* Store
    expect(yield* store.list(meetingKind, TENANT)).toEqual([])
    expect(yield* store.list(attendanceKind, TENANT)).toEqual([])
    return error
  })

describe("meetingService.recordMeeting: quorum of a 党员大会 vote (rule meeting.generalAssembly.quorum)", () => {
  it.effect("15 full + 2 probationary: 8 full present is quorate, and 8 yes votes pass", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const absent = ["m9", "m10", "m11", "m12", "m13", "m14", "m15", "p1", "p2"]
        const { meeting, attendance } = yield* meetingService.recordMeeting(ctxFor(secretary), assembly({ attendance: b1Attendance(absent), resolutions: [vote(8)] }))
        expect(meeting.counts).toEqual({ due: 17, present: 8, dueVoting: 15, presentVoting: 8 })
        expect(attendance).toHaveLength(17)
        expect(attendance.filter((a) => !a.voting).map((a) => a.memberId)).toEqual(["p1", "p2"])
      })
    )
  )

  it.effect("7 full + 2 probationary present is not quorate: the refusal names the rule, the threshold and the shortfall", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const absent = ["m8", "m9", "m10", "m11", "m12", "m13", "m14", "m15"]
        const error = yield* refused(assembly({ attendance: b1Attendance(absent), resolutions: [vote(9)] }))
        expect(error._tag).toBe("ZhibuMeetingRejected")
        expect(error).toMatchObject({ ruleId: "meeting.generalAssembly.quorum" })
        expect(formatRefusal(error as never, "zh")).toBe(
          "有表决权的党员应到15人、实到7人，须超过1/2（至少8人），差1人（规则 meeting.generalAssembly.quorum，《中国共产党支部工作条例（试行）》第十一条）"
        )
      })
    )
  )

  it.effect("a resolution passes only with yes votes above half of the 15 voting members due (8), not of those present", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* refused(assembly({ attendance: b1Attendance(["m14", "m15"]), resolutions: [vote(7, 6)] }))
        expect(error).toMatchObject({ ruleId: "meeting.generalAssembly.quorum" })
        expect(formatRefusal(error as never, "en")).toContain("has 7 yes votes; passing needs more than 1/2 of the 15 voting members who should attend (at least 8): 1 short")
        // The same vote recorded as not passed is a fact to keep.
        const ok = yield* meetingService.recordMeeting(ctxFor(secretary), assembly({ attendance: b1Attendance(["m14", "m15"]), resolutions: [{ ...vote(7, 6), passed: false }] }))
        expect(ok.meeting.resolutions[0]?.passed).toBe(false)
      })
    )
  )

  it.effect("a 党员大会 without a vote needs no quorum", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const absent = b1Attendance().map((a) => a.memberId).filter((id) => id !== "m1")
        const { meeting } = yield* meetingService.recordMeeting(ctxFor(secretary), assembly({ attendance: b1Attendance(absent) }))
        expect(meeting.counts.present).toBe(1)
      })
    )
  )
})

describe("meetingService.recordMeeting: attendance is the roster", () => {
  it.effect("a member due but not listed is refused, naming the member", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* refused(assembly({ attendance: b1Attendance().filter((a) => a.memberId !== "m9") }))
        expect(error).toMatchObject({ missing: "member m9" })
      })
    )
  )

  it.effect("someone not on the roster that day is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* refused(assembly({ attendance: [...b1Attendance(), { memberId: "n1", status: "present" }] }))
        expect(error._tag).toBe("ZhibuMeetingRejected")
      })
    )
  )

  it.effect("leave needs a reason", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const list = b1Attendance().map((a) => (a.memberId === "m3" ? { memberId: "m3", status: "leave" as const } : a))
        expect(yield* refused(assembly({ attendance: list }))).toMatchObject({ missing: "leaveReason m3" })
        const ok = yield* meetingService.recordMeeting(ctxFor(secretary), assembly({ attendance: list.map((a) => (a.memberId === "m3" ? { ...a, leaveReason: "病假" } : a)) }))
        expect(ok.attendance.find((a) => a.memberId === "m3")?.leaveReason).toBe("病假")
      })
    )
  )

  it.effect("a date after today is refused: plans are not records", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect(yield* refused(assembly({ date: "2026-07-01" }))).toMatchObject({ _tag: "ZhibuMeetingRejected" })
      })
    )
  )
})

describe("meetingService.recordMeeting: committee, chair and lecture", () => {
  const committee = (present: ReadonlyArray<string>): RecordMeetingInput => ({
    id: "c-1",
    organizationId: "b1",
    kinds: ["committee"],
    date: "2026-06-02",
    chairId: "m1",
    attendance: ["m1", "m2", "m3"].map((memberId) => ({ memberId, status: present.includes(memberId) ? "present" : "absent" }))
  })

  it.effect("a 支委会 with 2 of 3 committee members is quorate; 1 of 3 is refused (rule meeting.committee.quorum)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect(yield* refused(committee(["m1"]))).toMatchObject({ ruleId: "meeting.committee.quorum" })
        const { meeting } = yield* meetingService.recordMeeting(ctxFor(secretary), committee(["m1", "m2"]))
        expect(meeting.counts).toMatchObject({ due: 3, present: 2 })
      })
    )
  )

  it.effect("a member who is not the secretary may not chair the 党员大会 (rule meeting.convener); a committee member asked by the secretary may", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect(yield* refused(assembly({ chairId: "m5" }))).toMatchObject({ ruleId: "meeting.convener" })
        expect(yield* refused(assembly({ chairId: "m2" }))).toMatchObject({ ruleId: "meeting.convener" })
        const ok = yield* meetingService.recordMeeting(ctxFor(secretary), assembly({ chairId: "m2", delegatedBySecretary: true }))
        expect(ok.meeting.chairId).toBe("m2")
      })
    )
  )

  it.effect("a 党课 records its lecturer and topic; the secretary's lecture is marked", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect(yield* refused(assembly({ kinds: ["lecture"] }))).toMatchObject({ missing: "lecturer" })
        const { meeting } = yield* meetingService.recordMeeting(
          ctxFor(secretary),
          assembly({ kinds: ["lecture", "themeDay"], lecturer: { personId: "m1", name: "书记" }, topic: "学习党章" })
        )
        expect(meeting.lecturer?.isSecretary).toBe(true)
      })
    )
  )

  it.effect("a group leader records the group's meeting with the group's roster; cannot see the branch", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const g1 = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "p1", "p2"].map((memberId) => ({ memberId, status: "present" as const }))
        const { meeting, attendance } = yield* meetingService.recordMeeting(ctxFor(groupLeader), {
          id: "g1-1",
          organizationId: "g1",
          kinds: ["partyGroup"],
          date: "2026-06-03",
          chairId: "m4",
          attendance: g1
        })
        expect([meeting.branchId, attendance.length]).toEqual(["b1", 10])
        expect((yield* Effect.flip(meetingService.recordMeeting(ctxFor(groupLeader), assembly())))._tag).toMatch(/NotFound$/)
      })
    )
  )

  it.effect("an actor who cannot see the branch gets the same NotFound as for a missing branch", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const hidden = yield* Effect.flip(meetingService.recordMeeting(ctxFor(outsider), assembly()))
        const missing = yield* Effect.flip(meetingService.recordMeeting(ctxFor(outsider), assembly({ organizationId: "zz" })))
        expect(hidden._tag).toBe(missing._tag)
        expect(hidden._tag).toMatch(/NotFound$/)
      })
    )
  )
})
