import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { addDays, type CivilDate } from "../../src/calendar/civil-date.js"
import { partyStandingStart } from "../../src/member/stage.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { Store } from "../../src/store/port.js"
import { mobileAttachmentKind, transferLetterKind } from "../../src/transfer/kinds.js"
import { hostOn, lastOrganizationalLifeWithHosts } from "../../src/transfer/mobile.js"
import { rollOn } from "../../src/transfer/roll.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import { commandAudit, ctxFor, getMember, letter, noonOf, organizer, otherOrganizer, secretary1, seed, T1, T2 } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const d = (s: string) => s as CivilDate

describe("mobile members (rules.md 8.4): one home, at most one host", () => {
  it.effect("attaches a member to a host; a second host at the same time is refused citing transfer.mobile.host; after the first ends, another host is fine", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const attach = { memberId: "m5", leftOn: "2026-02-15", reason: "支教" }
        const first = yield* transferService.attachMobile(ctxFor(secretary1), { ...attach, id: "A-1", host: { organizationId: "b3" }, from: "2026-03-01" })
        expect(first).toMatchObject({ homeOrganizationId: "b1", host: { organizationId: "b3", name: "实验小学党支部" }, until: null })
        const second = yield* Effect.flip(transferService.attachMobile(ctxFor(secretary1), { ...attach, id: "A-2", host: { name: "外县某校党支部" }, from: "2026-04-01" }))
        expect(second).toMatchObject({ _tag: "ZhibuTransferRejected", problem: "hostLimit", ruleId: "transfer.mobile.host" })
        const home = yield* Effect.flip(transferService.attachMobile(ctxFor(secretary1), { ...attach, id: "A-3", host: { organizationId: "b1" }, from: "2026-04-01" }))
        expect(home).toMatchObject({ problem: "sameOrganization" })
        yield* transferService.endMobile(ctxFor(secretary1), { id: "A-1", expectedVersion: 1, until: "2026-08-31" })
        yield* transferService.attachMobile(ctxFor(secretary1), { ...attach, id: "A-4", host: { name: "外县某校党支部" }, from: "2026-09-01" })
        const all = yield* Effect.flatMap(Store, (s) => s.list(mobileAttachmentKind, T1, { memberId: "m5" }))
        expect(hostOn(all, "m5", d("2026-08-31"))?.id).toBe("A-1")
        expect(hostOn(all, "m5", d("2026-09-01"))?.id).toBe("A-4")
        expect(hostOn(all, "m5", d("2026-02-28"))).toBeUndefined()
        expect((yield* commandAudit()).map((e) => e.recordId)).toEqual(["A-1", "A-1", "A-4"])
      })
    )
  )

  it("property: at most one host on any date, whatever attachments were accepted", () => {
    // attachments as accepted by checkAttachment never overlap, so hostOn is the only one in force
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 })), { maxLength: 6 }), fc.integer({ min: 0, max: 400 }), (spans, day) => {
        const base = d("2026-01-01")
        const accepted: Array<{ memberId: string; from: CivilDate; until: CivilDate | null; id: string }> = []
        for (const [start, length] of spans) {
          const a = { memberId: "m5", from: addDays(base, start), until: addDays(base, start + length), id: `A-${accepted.length}` }
          if (!accepted.some((b) => a.from <= b.until! && b.from <= a.until)) accepted.push(a)
        }
        const on = addDays(base, day)
        const inForce = accepted.filter((a) => a.from <= on && on <= a.until!)
        expect(inForce.length).toBeLessThanOrEqual(1)
        expect(hostOn(accepted as never, "m5", on)?.id).toBe(inForce[0]?.id)
      }),
      { numRuns: 300 }
    )
  })

  it("the lapse evidence counts the host's meetings while attached, and only then", () => {
    const attachment = { memberId: "m5", host: { organizationId: "b3" }, from: d("2026-03-01"), until: d("2026-08-31") } as never
    const rows = [
      { organizationId: "b1", date: d("2026-01-10"), status: "present" as const },
      { organizationId: "b3", date: d("2026-06-10"), status: "present" as const },
      { organizationId: "b3", date: d("2026-10-10"), status: "present" as const }
    ]
    expect(lastOrganizationalLifeWithHosts({ id: "m5" as never, organizationId: "b1" as never }, rows, [attachment])).toBe("2026-06-10")
    expect(lastOrganizationalLifeWithHosts({ id: "m5" as never, organizationId: "b1" as never }, rows, [])).toBe("2026-01-10")
  })

  it("the member's party group meetings at home count as organizational life too", () => {
    const rows = [
      { organizationId: "b1", date: d("2026-01-10"), status: "present" as const },
      { organizationId: "b1-g2", date: d("2026-04-15"), status: "present" as const }
    ]
    const m5 = { id: "m5" as never, organizationId: "b1" as never }
    expect(lastOrganizationalLifeWithHosts(m5, rows, [], ["b1-g2"])).toBe("2026-04-15")
    expect(lastOrganizationalLifeWithHosts(m5, rows, [])).toBe("2026-01-10")
  })
})

describe("law: out then in keeps the file's history and standing, and the member is on exactly one roll on any date", () => {
  it("property: for random issue, receipt and query dates across two tenants", async () => {
    const day = fc.integer({ min: 0, max: 29 })
    await fc.assert(
      fc.asyncProperty(day, day, fc.array(fc.integer({ min: -60, max: 200 }), { minLength: 1, maxLength: 6 }), async (issue, wait, queries) => {
        const issuedOn = addDays(d("2026-07-01"), issue)
        const receivedOn = addDays(issuedOn, wait)
        const outcome = await Effect.runPromise(
          run(
            Effect.gen(function* () {
              yield* seed
              const sent = yield* transferService.transferOut(ctxFor(secretary1, noonOf("2026-08-31")), {
                memberId: "m7",
                expectedVersion: 1,
                issuedOn,
                to: { name: "邻县一中党支部", tenantId: T2 },
                decidedBy: "一中党支部",
                ...letter(1)
              })
              const packet = yield* transferService.letterPacket(ctxFor(organizer), { letterId: "L-1" })
              const got = yield* transferService.importLetter(ctxFor(otherOrganizer, noonOf("2026-08-31"), T2), { packet, organizationId: "c1", receivedOn })
              yield* transferService.acknowledgeReceipt(ctxFor(secretary1, noonOf("2026-08-31")), { letterId: "L-1", expectedVersion: 1, receivedOn })
              const letters = (t: string) => Effect.flatMap(Store, (s) => s.list(transferLetterKind, t))
              return { sent: yield* getMember("m7"), sentLetters: yield* letters(T1), got: got.member, gotLetters: yield* letters(T2), original: sent.member }
            })
          )
        )
        expect(outcome.got.steps).toEqual(outcome.original.steps)
        expect(outcome.got.statusHistory.slice(0, -1)).toEqual(outcome.sent.statusHistory)
        expect(partyStandingStart(outcome.got, nationalBaseline)).toEqual(partyStandingStart(outcome.sent, nationalBaseline))
        for (const q of queries) {
          const on = addDays(issuedOn, q)
          const rolls = [rollOn(outcome.sent, outcome.sentLetters, on), rollOn(outcome.got, outcome.gotLetters, on)].filter((r) => r !== null)
          expect(rolls).toEqual([on < receivedOn ? "b1" : "c1"])
        }
      }),
      { numRuns: 30 }
    )
  }, 60_000)
})
