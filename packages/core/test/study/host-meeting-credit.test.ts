import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import { createWrite, Store } from "../../src/store/port.js"
import { studyService } from "../../src/study/service.js"
import { mobileAttachmentKind } from "../../src/transfer/kinds.js"
import type { MobileAttachment } from "../../src/transfer/mobile.js"
import { b1Attendance, ctxFor, NOW, secretary, secretary2, seed, TENANT } from "../meeting/fixtures.js"
import { run } from "../dues/fixtures.js"

/** n2 of b2, away teaching (支教) at b1 from 2026-03-01: a guest at b1's meetings (meeting/guests.ts). */
const seedAttached = Effect.gen(function* () {
  yield* seed
  const attachment = {
    tenantId: TENANT,
    id: "mob-n2",
    memberId: "n2",
    homeOrganizationId: "b2",
    host: { organizationId: "b1", name: "组织 b1", tenantId: null },
    leftOn: civilDate("2026-02-20"),
    from: civilDate("2026-03-01"),
    until: null,
    reason: "支教"
  } as unknown as Omit<MobileAttachment, "version">
  yield* (yield* Store).write(TENANT, [createWrite(mobileAttachmentKind, attachment)], { actorId: "seed", at: NOW, action: "seed" })
})

describe("study hours of a mobile member from the host's stored meeting (creditMeeting with the host's guests)", () => {
  it.effect("the guest present is credited once, in the home branch's ledger", () =>
    run(
      Effect.gen(function* () {
        yield* seedAttached
        const attendance = [...b1Attendance(), { memberId: "n2", status: "present" as const }]
        yield* meetingService.recordMeeting(ctxFor(secretary), { id: "td-apr", organizationId: "b1", kinds: ["themeDay"], date: "2026-04-10", attendance })
        const first = yield* studyService.creditMeeting(ctxFor(secretary), { meetingId: "td-apr" })
        const n2 = first.credited.find((c) => c.memberId === "n2")
        expect([n2?.organizationId, n2?.sessionId]).toEqual(["b2", "td-apr"])
        const again = yield* studyService.creditMeeting(ctxFor(secretary), { meetingId: "td-apr" })
        expect(again.credited).toEqual([])
        const home = yield* studyService.memberLedger(ctxFor(secretary2), { memberId: "n2", year: 2026 })
        expect(home.credits.map((c) => c.sessionId)).toEqual(["td-apr"])
      })
    )
  )
})
