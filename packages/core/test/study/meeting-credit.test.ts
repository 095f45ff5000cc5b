import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { attendanceKind, meetingKind } from "../../src/meeting/kinds.js"
import { AttendanceRecord, Meeting } from "../../src/meeting/meeting.js"
import { createWrite, Store } from "../../src/store/port.js"
import { studyService } from "../../src/study/service.js"
import { committee, ctxFor, NOW, run, seed, TENANT } from "../dues/fixtures.js"

/** A 主题党日 held as a 党员大会 on 2026-09-05 in b1, stored with its attendance rows (m1, m2 present; m3 on leave). */
const storeMeeting = Effect.gen(function* () {
  const meeting = Schema.decodeSync(Meeting)({
    tenantId: TENANT,
    id: "mt-0905",
    version: 1,
    organizationId: "b1",
    branchId: "b1",
    kinds: ["themeDay", "generalAssembly"],
    date: "2026-09-05",
    chairId: "m1",
    topic: "学习党章",
    agenda: [],
    counts: { due: 3, present: 2, dueVoting: 3, presentVoting: 2 },
    resolutions: []
  })
  const rows = (["m1", "m2", "m3"] as const).map((memberId) =>
    Schema.decodeSync(AttendanceRecord)({ tenantId: TENANT, id: `mt-0905.${memberId}`, version: 1, meetingId: "mt-0905", memberId, organizationId: "b1", branchId: "b1", date: "2026-09-05", status: memberId === "m3" ? "leave" : "present", voting: true })
  )
  const { version: _v, ...m } = meeting
  yield* (yield* Store).write(TENANT, [createWrite(meetingKind, m), ...rows.map(({ version: _r, ...r }) => createWrite(attendanceKind, r))], { actorId: "seed", at: NOW, action: "seed" })
})

describe("studyService.creditMeeting: a stored meeting and its attendance", () => {
  it.effect("credits the members present once, with the larger of the kinds' hours; a second call adds nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* storeMeeting
        const first = yield* studyService.creditMeeting(ctxFor(committee), { meetingId: "mt-0905" })
        expect(first.credited.map((c) => [c.memberId, c.tenths, c.sessionId])).toEqual([["m1", 20, "mt-0905"], ["m2", 20, "mt-0905"]])
        const second = yield* studyService.creditMeeting(ctxFor(committee), { meetingId: "mt-0905" })
        expect([second.credited, second.alreadyCredited]).toEqual([[], ["m1", "m2"]])
      })
    )
  )
})
