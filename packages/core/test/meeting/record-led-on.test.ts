import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { ledOrganizationOn } from "../../src/meeting/led-on.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import type { RecordMeetingInput } from "../../src/meeting/meeting-service-inputs.js"
import { type LeadershipRecord, leadershipRecordKind } from "../../src/org/history-leadership.js"
import type { Organization } from "../../src/org/organization.js"
import { createWrite, Store } from "../../src/store/port.js"
import { b1Attendance, ctxFor, NOW, run, seed, secretary, TENANT, tree } from "./fixtures.js"

const b1 = tree.find((o) => o.id === "b1")!
const lead = (secretaryId: string, committee: ReadonlyArray<string>) =>
  ({ secretaryId, deputySecretaryIds: [], committeeMemberIds: [...committee] }) as unknown as Organization["leadership"]

const record = (id: string, effectiveOn: string, leadership: Organization["leadership"], previousSecretaryId: string | null, organizationVersion: number) =>
  ({
    tenantId: b1.tenantId,
    id,
    version: 1,
    organizationId: "b1",
    effectiveOn: civilDate(effectiveOn),
    basis: "election",
    leadership,
    previousSecretaryId,
    organizationVersion
  }) as LeadershipRecord

/** b1 was led by m5 with m5, m6, m7 from its 2025 election; m1 with m1, m2, m3 (b1 now) from 2026-03-01. */
const elected2025 = record("b1:v2", "2025-01-10", lead("m5", ["m5", "m6", "m7"]), null, 2)
const changed2026 = record("b1:v3", "2026-03-01", lead("m1", ["m1", "m2", "m3"]), "m5", 3)

const seedHistory = (history: ReadonlyArray<LeadershipRecord>) =>
  Effect.gen(function* () {
    yield* seed
    const store = yield* Store
    yield* store.write(
      TENANT,
      history.map(({ version: _v, ...r }) => createWrite(leadershipRecordKind, r)),
      { actorId: "seed", at: NOW, action: "seed" }
    )
  })

const assembly = (date: string, chairId: string): RecordMeetingInput => ({
  id: `ga-${date}-${chairId}`,
  organizationId: "b1",
  kinds: ["generalAssembly"],
  date,
  chairId,
  attendance: b1Attendance()
})

const committee = (date: string, chairId: string, members: ReadonlyArray<string>, present: ReadonlyArray<string>): RecordMeetingInput => ({
  id: `c-${date}-${members.join("")}`,
  organizationId: "b1",
  kinds: ["committee"],
  date,
  chairId,
  attendance: members.map((memberId) => ({ memberId, status: present.includes(memberId) ? "present" : "absent" }))
})

const record_ = (input: RecordMeetingInput) => meetingService.recordMeeting(ctxFor(secretary), input)

describe("ledOrganizationOn: who led on a date", () => {
  it("the change in force; before the first change the secretary it replaced; without history the organization as it is", () => {
    expect(ledOrganizationOn(b1, [elected2025, changed2026], civilDate("2026-02-28")).leadership.secretaryId).toBe("m5")
    expect(ledOrganizationOn(b1, [elected2025, changed2026], civilDate("2026-03-01")).leadership.committeeMemberIds).toEqual(["m1", "m2", "m3"])
    expect(ledOrganizationOn(b1, [changed2026], civilDate("2026-02-28")).leadership).toEqual({ ...b1.leadership, secretaryId: "m5" })
    expect(ledOrganizationOn(b1, [], civilDate("2026-02-28"))).toBe(b1)
  })
})

describe("meetingService.recordMeeting checks a past meeting against who led that day (meeting.convener, meeting.committee.quorum)", () => {
  it.effect("a 党员大会 on 2026-02-10 is chaired by m5, the secretary then; m1, secretary only from 2026-03-01, may not chair it", () =>
    run(
      Effect.gen(function* () {
        yield* seedHistory([elected2025, changed2026])
        const refused = yield* Effect.flip(record_(assembly("2026-02-10", "m1")))
        expect(refused).toMatchObject({ ruleId: "meeting.convener" })
        const ok = yield* record_(assembly("2026-02-10", "m5"))
        expect(ok.meeting.chairId).toBe("m5")
        expect(yield* Effect.flip(record_(assembly("2026-03-02", "m5")))).toMatchObject({ ruleId: "meeting.convener" })
        yield* record_(assembly("2026-03-02", "m1"))
      })
    )
  )

  it.effect("a 支委会 on 2026-02-12 is due to the committee of that day (m5, m6, m7): 2 of 3 is quorate, 1 of 3 is refused; today's committee is not due", () =>
    run(
      Effect.gen(function* () {
        yield* seedHistory([elected2025, changed2026])
        expect(yield* Effect.flip(record_(committee("2026-02-12", "m5", ["m1", "m2", "m3"], ["m1", "m2", "m3"])))).toMatchObject({ _tag: "ZhibuMeetingRejected" })
        expect(yield* Effect.flip(record_(committee("2026-02-12", "m5", ["m5", "m6", "m7"], ["m5"])))).toMatchObject({ ruleId: "meeting.committee.quorum" })
        const { meeting, attendance } = yield* record_(committee("2026-02-12", "m5", ["m5", "m6", "m7"], ["m5", "m6"]))
        expect(meeting.counts).toMatchObject({ due: 3, present: 2 })
        expect(attendance.map((a) => a.memberId)).toEqual(["m5", "m6", "m7"])
      })
    )
  )

  it.effect("before the history's first change, the secretary that change replaced chairs", () =>
    run(
      Effect.gen(function* () {
        yield* seedHistory([changed2026])
        yield* record_(assembly("2026-02-10", "m5"))
        expect(yield* Effect.flip(record_(assembly("2026-02-11", "m1")))).toMatchObject({ ruleId: "meeting.convener" })
      })
    )
  )
})
