import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { addDays, civilDate } from "../../src/calendar/civil-date.js"
import { guestsOn, rosterWithGuestsOn } from "../../src/meeting/guests.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import { checkMeeting } from "../../src/meeting/record-check.js"
import { rosterOn } from "../../src/meeting/roster.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { mobileAttachmentKind } from "../../src/transfer/kinds.js"
import type { MobileAttachment } from "../../src/transfer/mobile.js"
import { b1Attendance, ctxFor, members, NOW, organizer, run, secretary, secretary2, seed, TENANT, tree } from "./fixtures.js"

const b1 = tree.find((o) => o.id === "b1")!
const n2 = members.find((m) => m.id === "n2")!

/** n2 of b2, away teaching (支教) at b1's school from 2026-03-01 (open, or until `until`). */
const attachment = (from = "2026-03-01", until: string | null = null) =>
  ({
    tenantId: TENANT,
    id: "mob-n2",
    version: 1,
    memberId: "n2",
    homeOrganizationId: "b2",
    host: { organizationId: "b1", name: "组织 b1", tenantId: null },
    leftOn: civilDate("2026-02-20"),
    from: civilDate(from),
    until: until === null ? null : civilDate(until),
    reason: "支教"
  }) as unknown as MobileAttachment

const withGuest = (absent: ReadonlyArray<string> = []) =>
  [...b1Attendance(absent), { memberId: "n2", status: absent.includes("n2") ? ("absent" as const) : ("present" as const) }].sort((a, b) =>
    a.memberId < b.memberId ? -1 : 1
  )

const seedAttached = Effect.gen(function* () {
  yield* seed
  const store = yield* Store
  const { version: _v, ...a } = attachment()
  yield* store.write(TENANT, [createWrite(mobileAttachmentKind, a)], { actorId: "seed", at: NOW, action: "seed" })
})

describe("guestsOn: mobile members due at the host (transfer.mobile.host, rules.md 8.4)", () => {
  it("a member attached to the organization that day is a guest without a vote, naming the home branch; not before or after the attachment", () => {
    const a = attachment("2026-03-01", "2026-06-30")
    expect(guestsOn([a], [n2], b1, civilDate("2026-02-28"), nationalBaseline)).toEqual([])
    expect(guestsOn([a], [n2], b1, civilDate("2026-03-01"), nationalBaseline)).toEqual([{ member: n2, voting: false, homeBranchId: "b2" }])
    expect(guestsOn([a], [n2], b1, civilDate("2026-06-30"), nationalBaseline)).toHaveLength(1)
    expect(guestsOn([a], [n2], b1, civilDate("2026-07-01"), nationalBaseline)).toEqual([])
  })

  it("a member no longer active (transferred out at home) is not a guest either", () => {
    const gone = { ...n2, statusHistory: [{ status: "transferredOut" as const, date: civilDate("2026-04-01"), decidedBy: "支部" }] }
    expect(guestsOn([attachment()], [gone], b1, civilDate("2026-04-01"), nationalBaseline)).toEqual([])
  })

  it("law: attendance due at a host meeting equals the roster on that date with the guests attached that day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 200 }), fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }), (day, start, length) => {
        const date = addDays(civilDate("2026-01-01"), day)
        const from = addDays(civilDate("2026-01-01"), start)
        const a = attachment(from, length === null ? null : addDays(from, length))
        const guests = { attachments: [a], files: [n2] }
        const expected = rosterWithGuestsOn(members, b1, date, nationalBaseline, guests)
        const draft = {
          id: "td",
          organizationId: "b1",
          kinds: ["themeDay"],
          date,
          chairId: null,
          delegatedBySecretary: false,
          agenda: [],
          resolutions: [],
          attendance: expected.map((e) => ({ memberId: e.member.id, status: "present" as const }))
        } as unknown as Parameters<typeof checkMeeting>[0]
        const checked = checkMeeting(draft, { tenantId: TENANT as TenantId, organization: b1, branch: b1, members, profile: nationalBaseline, today: civilDate("2026-12-31"), guests })
        const rows = Either.getOrThrow(checked).attendance
        expect(rows.map((r) => r.memberId)).toEqual(expected.map((e) => e.member.id))
        const attached = from <= date && (length === null || date <= addDays(from, length))
        expect(rows.some((r) => r.memberId === "n2")).toBe(attached)
        expect(expected.length).toBe(rosterOn(members, b1, date, nationalBaseline).length + (attached ? 1 : 0))
      }),
      { numRuns: 60 }
    )
  })
})

describe("meetingService with a mobile member at the host", () => {
  it.effect("the host's meeting lists the guest (without a vote, home branch b2); leaving them out is refused; before the attachment they are not due", () =>
    run(
      Effect.gen(function* () {
        yield* seedAttached
        const lacking = yield* Effect.flip(meetingService.recordMeeting(ctxFor(secretary), { id: "td-apr-a", organizationId: "b1", kinds: ["themeDay"], date: "2026-04-10", attendance: b1Attendance() }))
        expect(lacking.message).toContain("n2")
        const { meeting, attendance } = yield* meetingService.recordMeeting(ctxFor(secretary), {
          id: "td-apr",
          organizationId: "b1",
          kinds: ["themeDay"],
          date: "2026-04-10",
          attendance: withGuest()
        })
        expect(meeting.counts).toEqual({ due: 18, present: 18, dueVoting: 15, presentVoting: 15 })
        expect(attendance.find((a) => a.memberId === "n2")).toMatchObject({ voting: false, homeBranchId: "b2", branchId: "b1" })
        expect(attendance.filter((a) => a.homeBranchId !== undefined).map((a) => a.memberId)).toEqual(["n2"])
        const early = yield* Effect.flip(meetingService.recordMeeting(ctxFor(secretary), { id: "td-feb", organizationId: "b1", kinds: ["themeDay"], date: "2026-02-10", attendance: withGuest() }))
        expect(early.message).toContain("n2")
      })
    )
  )

  it.effect("a guest does not count toward the host's voting quorum (meeting.generalAssembly.quorum): 7 of 15 full plus the guest is not quorate", () =>
    run(
      Effect.gen(function* () {
        yield* seedAttached
        const absent = ["m8", "m9", "m10", "m11", "m12", "m13", "m14", "m15"]
        const error = yield* Effect.flip(
          meetingService.recordMeeting(ctxFor(secretary), {
            id: "ga-apr",
            organizationId: "b1",
            kinds: ["generalAssembly"],
            date: "2026-04-10",
            chairId: "m1",
            attendance: withGuest(absent),
            resolutions: [{ title: "决议", votes: { yes: 7, no: 0, abstain: 0 }, passed: false }]
          })
        )
        expect(error).toMatchObject({ ruleId: "meeting.generalAssembly.quorum" })
      })
    )
  )

  it.effect("the lapse signal counts attendance at the host (member.lapse.sixMonths), and the home branch sees those rows", () =>
    run(
      Effect.gen(function* () {
        yield* seedAttached
        yield* meetingService.recordMeeting(ctxFor(secretary2), {
          id: "b2-jan",
          organizationId: "b2",
          kinds: ["themeDay"],
          date: "2026-01-09",
          attendance: ["n1", "n2", "n3", "n4"].map((memberId) => ({ memberId, status: "present" as const }))
        })
        const july = ctxFor(organizer, nationalBaseline, new Date("2026-07-15T02:00:00Z"))
        expect((yield* meetingService.memberSignals(july, { memberId: "n2" })).map((f) => f.ruleId)).toEqual(["member.lapse.sixMonths"])
        yield* meetingService.recordMeeting(ctxFor(secretary), { id: "td-apr", organizationId: "b1", kinds: ["themeDay"], date: "2026-04-10", attendance: withGuest() })
        expect(yield* meetingService.memberSignals(july, { memberId: "n2" })).toEqual([])
        const seen = yield* meetingService.memberAttendance(ctxFor(secretary2), { memberId: "n2", from: "2026-01-01", to: "2026-12-31" })
        expect(seen.map((r) => [r.meetingId, r.branchId, r.homeBranchId ?? null])).toEqual([
          ["b2-jan", "b2", null],
          ["td-apr", "b1", "b2"]
        ])
      })
    )
  )
})
