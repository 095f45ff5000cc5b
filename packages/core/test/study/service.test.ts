import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { studyCreditKind, studyExcusalKind, studyPlanKind } from "../../src/study/kinds.js"
import { sessionCredits, studyStatus } from "../../src/study/ledger.js"
import { studyService } from "../../src/study/service.js"
import { org, schoolTree } from "../support/records.js"
import { committee, countyViewer, ctxFor, failsUnchanged, members, run, secretary, seedWith, self } from "../dues/fixtures.js"

const kinds = [studyCreditKind, studyPlanKind, studyExcusalKind]
// b1 with m1 as secretary and m2 as committee member: their target is 56 学时.
const tree = schoolTree.map((o) => (o.id === "b1" ? org("b1", "branch", "school", { leadership: { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: ["m1", "m2"] } }) : o))
const seed = seedWith(tree, members)
const session = (id: string, kinds: readonly [string, ...Array<string>], date = "2026-03-05") => ({ id, kinds, date, organizationId: "b1" })
const present = (...ids: ReadonlyArray<string>) => ids.map((memberId) => ({ memberId, status: "present" as const }))

describe("studyService.creditSession (study.session.hours)", () => {
  it.effect("credits each member present once; crediting the session again adds nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const first = yield* studyService.creditSession(ctxFor(committee), { session: session("mt-1", ["themeDay", "generalAssembly"]), attendance: [...present("m1", "m2", "m1"), { memberId: "m3", status: "leave" }] })
        expect(first.credited.map((c) => [c.memberId, c.tenths])).toEqual([["m1", 20], ["m2", 20]])
        const again = yield* studyService.creditSession(ctxFor(committee), { session: session("mt-1", ["themeDay"]), attendance: present("m1", "m2", "m3") })
        expect([again.credited.map((c) => c.memberId), again.alreadyCredited]).toEqual([["m3"], ["m1", "m2"]])
      })
    )
  )

  it.effect("an attendee not on the branch's roll is refused and nothing is credited", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged(kinds, studyService.creditSession(ctxFor(committee), { session: session("mt-2", ["lecture"]), attendance: present("m1", "n1") }))
        expect(error._tag).toBe("ZhibuStudyRejected")
      })
    )
  )
})

describe("studyService.branchStatus: targets 32 / 56 学时, gaps, plans and excusals", () => {
  it.effect("secretary and committee members need 56 and a centralized training; an excused member is not behind", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* studyService.recordCredit(ctxFor(committee), { id: "c-m1", memberId: "m1", on: "2026-05-10", source: "training", tenths: 400, centralized: true, title: "县委党校书记轮训" })
        yield* studyService.recordCredit(ctxFor(committee), { id: "c-m3", memberId: "m3", on: "2026-05-10", source: "partySchool", tenths: 320, title: "网络党校" })
        yield* studyService.plan(ctxFor(committee), { id: "p-m1", memberId: "m1", plannedOn: "2026-12-05", tenths: 160, title: "冬训" })
        yield* studyService.recordExcusal(ctxFor(secretary), { id: "x-p1", memberId: "p1", year: 2026, reason: "seriouslyIll", decidedBy: "支部委员会", decidedOn: "2026-02-01" })
        const status = yield* studyService.branchStatus(ctxFor(secretary), { organizationId: "b1", year: 2026 })
        const line = (id: string) => status.members.find((m) => m.memberId === id)!
        expect([line("m1").target.tenths, line("m1").gap, line("m1").plannedClosesGap, line("m1").status]).toEqual([560, 160, true, "behind"])
        expect([line("m2").target.tenths, line("m2").gap, line("m2").plannedClosesGap]).toEqual([560, 560, false])
        expect([line("m3").target.tenths, line("m3").status, line("m3").rule.id]).toEqual([320, "met", "study.member.annualHours"])
        expect(line("p1").status).toBe("excused")
        expect(status.members.map((m) => m.memberId)).not.toContain("a1")
      })
    )
  )

  it.effect("a member reads their own ledger; the county sees no member's study", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const own = yield* studyService.memberLedger(ctxFor(self("m3")), { memberId: "m3", year: 2026 })
        expect(own.status.gap).toBe(320)
        const county = yield* Effect.flip(studyService.branchStatus(ctxFor(countyViewer), { organizationId: "b1", year: 2026 }))
        expect(county._tag).toMatch(/Forbidden$/)
        const negative = yield* failsUnchanged(kinds, studyService.recordCredit(ctxFor(committee), { id: "bad", memberId: "m3", on: "2026-05-10", source: "training", tenths: -1, title: "x" }))
        expect(negative._tag).toMatch(/InvalidInput$/)
      })
    )
  )
})

describe("studyService.subtreeStatus: the county's counts, the sum of its parts", () => {
  it.effect("members, met, behind and excused per organization, rolled up; no member ids", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* studyService.recordCredit(ctxFor(committee), { id: "c-m3", memberId: "m3", on: "2026-05-10", source: "partySchool", tenths: 320, title: "网络党校" })
        yield* studyService.recordCredit(ctxFor(committee), { id: "c-m2", memberId: "m2", on: "2026-05-10", source: "training", tenths: 400, title: "轮训" })
        yield* studyService.recordExcusal(ctxFor(secretary), { id: "x-p1", memberId: "p1", year: 2026, reason: "seriouslyIll", decidedBy: "支部委员会", decidedOn: "2026-02-01" })
        const status = yield* studyService.subtreeStatus(ctxFor(countyViewer), { organizationId: "county", year: 2026 })
        const of = (id: string) => status.organizations.find((o) => o.organizationId === id)!
        // b1: m1 (leader, nothing), m2 (leader, 40 学时 < 56), m3 (met), p1 (excused); b2: n1 (nothing).
        expect(of("b1")).toEqual({ organizationId: "b1", members: 4, met: 1, behind: 2, excused: 1, creditedTenths: 720 })
        expect(of("b2")).toMatchObject({ members: 1, met: 0, behind: 1 })
        expect(of("county")).toEqual({ ...of("school"), organizationId: "county" })
        expect(of("school").members).toBe(of("b1").members + of("b2").members)
        expect(JSON.stringify(status)).not.toMatch(/"m\d|"p1|"n1/)
      })
    )
  )
})

describe("law: hours are never credited twice for one session", () => {
  it("whatever the attendance lists and however often a session is credited", () => {
    const idArb = fc.constantFrom("m1", "m2", "m3", "m4")
    const attendanceArb = fc.array(fc.record({ memberId: idArb, status: fc.constantFrom("present", "leave", "absent" as const) }), { maxLength: 10 })
    fc.assert(
      fc.property(fc.array(attendanceArb, { minLength: 1, maxLength: 4 }), (rounds) => {
        const store = new Map<string, number>()
        for (const attendance of rounds) {
          for (const c of sessionCredits("t1", { id: "s1", kinds: ["themeDay"], date: civilDate("2026-03-05"), organizationId: "b1" }, attendance, () => "b1", nationalBaseline)) {
            if (!store.has(c.id)) store.set(c.id, c.tenths) // the store refuses a second record with the same id
          }
        }
        const members = new Set(rounds.flat().filter((a) => a.status === "present").map((a) => a.memberId))
        return store.size === members.size && [...store.values()].every((t) => t === 20)
      }),
      { numRuns: 300 }
    )
  })

  it("studyStatus: credited + gap ≥ target, and excused members are never behind", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.boolean(), fc.boolean(), (tenths, leader, excused) => {
        const [s] = studyStatus([{ memberId: "m", leader }], new Map([["m", { tenths, centralized: 0 }]]), new Map(), new Set(excused ? ["m"] : []), nationalBaseline, civilDate("2026-12-31"))
        return s!.credited.tenths + s!.gap >= s!.target.tenths && (!excused || s!.status === "excused")
      }),
      { numRuns: 200 }
    )
  })
})
