import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { addDays, type CivilDate } from "../../src/calendar/civil-date.js"
import { memberKind } from "../../src/member/kinds.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { Store } from "../../src/store/port.js"
import { transferLetterKind } from "../../src/transfer/kinds.js"
import { checkAttachment, hostOn, type MobileAttachment } from "../../src/transfer/mobile.js"
import { rollOn } from "../../src/transfer/roll.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import { ctxFor, letter, member, noonOf, organizer, seed, T1 } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const BRANCHES = ["b1", "b2", "b3"] as const
const START = "2026-01-01" as CivilDate

describe("law: a member is on exactly one branch's roll on any date (moves inside the tenant)", () => {
  it("property: after random moves through transferService.move, each date's rolls hold the member once, where the last move on or before it placed them", async () => {
    const moves = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 4 })
    await fc.assert(
      fc.asyncProperty(moves, fc.array(fc.integer({ min: -10, max: 200 }), { minLength: 1, maxLength: 8 }), async (steps, queries) => {
        // each step waits `gap` days and moves to the branch `shift` places on (never the same branch)
        const plan: Array<{ on: CivilDate; to: string }> = []
        let day = START
        let at = 0
        for (const [gap, shift] of steps) {
          day = addDays(day, gap)
          at = (at + shift) % BRANCHES.length
          plan.push({ on: day, to: BRANCHES[at]! })
        }
        const { files, letters } = await Effect.runPromise(
          run(
            Effect.gen(function* () {
              yield* seed
              for (const [i, move] of plan.entries()) {
                yield* transferService.move(ctxFor(organizer, noonOf("2026-09-01")), { memberId: "m9", toOrganizationId: move.to, movedOn: move.on, ...letter(i + 1) })
              }
              const store = yield* Store
              return { files: yield* store.list(memberKind, T1), letters: yield* store.list(transferLetterKind, T1) }
            })
          )
        )
        for (const q of queries) {
          const on = addDays(START, q)
          const expected = plan.filter((m) => m.on <= on).at(-1)?.to ?? "b1"
          const rolls = BRANCHES.map((b) => files.filter((f) => rollOn(f, letters, on) === b).map((f) => f.id as string))
          expect(rolls.flat().filter((id) => id === "m9")).toEqual(["m9"])
          expect(BRANCHES.filter((_, i) => rolls[i]!.includes("m9"))).toEqual([expected])
        }
      }),
      { numRuns: 25 }
    )
  }, 60_000)
})

describe("law: a mobile member has one home and at most one host on any date (rule transfer.mobile.host)", () => {
  it("property: attachments accepted one by one by checkAttachment never put two hosts in force on one day; the host is never the home; the home roll is unchanged", () => {
    const home = member("m5", "b1")
    const span = fc.record({
      start: fc.integer({ min: 0, max: 300 }),
      length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      host: fc.constantFrom("b1", "b2", "b3", "elsewhere")
    })
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 10 }), (spans, days) => {
        const accepted: Array<MobileAttachment> = []
        for (const [i, s] of spans.entries()) {
          const from = addDays(START, s.start)
          const attachment = {
            tenantId: home.tenantId,
            id: `A-${i}` as MobileAttachment["id"],
            memberId: home.id,
            homeOrganizationId: home.organizationId,
            host: { organizationId: s.host === "elsewhere" ? null : (s.host as MobileAttachment["homeOrganizationId"]), name: `流入地 ${s.host}`, tenantId: null },
            leftOn: from,
            from,
            until: s.length === null ? null : addDays(from, s.length),
            reason: "支教"
          }
          if (Either.isRight(checkAttachment(home, attachment, accepted, nationalBaseline))) accepted.push({ ...attachment, version: 1 })
        }
        expect(accepted.every((a) => a.host.organizationId !== home.organizationId)).toBe(true)
        for (const n of days) {
          const on = addDays(START, n)
          const inForce = accepted.filter((a) => a.from <= on && (a.until === null || on <= a.until))
          expect(inForce.length).toBeLessThanOrEqual(1)
          expect(hostOn(accepted, home.id, on)?.id).toBe(inForce[0]?.id)
          expect(rollOn(home, [], on)).toBe("b1")
        }
      }),
      { numRuns: 500 }
    )
  })
})
