import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { democraticEvaluationKind } from "../../src/evaluation/kinds.js"
import { evaluationService } from "../../src/evaluation/service.js"
import type { DemocraticGradesInput } from "../../src/evaluation/service-inputs.js"
import { studyCreditKind } from "../../src/study/kinds.js"
import { studyService } from "../../src/study/service.js"
import { attachToB2, countyViewer, ctxFor, failsUnchanged, otherSecretary, run, secretary, seed } from "../dues/fixtures.js"

/** m3 (home branch b1) is a mobile member attached to b2 (host) from 1 March 2026 until `until`. */
const attach = (until: string | null = null) => attachToB2({ memberId: "m3", from: "2026-03-01", until, reason: "跟岗学习" })

const HOST = "transfer.mobile.host"
const year = 2026
const opened = (organizationId: string, who: Parameters<typeof ctxFor>[0]) =>
  Effect.gen(function* () {
    yield* evaluationService.openDemocratic(ctxFor(who), { organizationId, year, preparedOn: "2026-11-01" })
    yield* evaluationService.recordDemocraticStep(ctxFor(who), { organizationId, year, expectedVersion: 1, step: "selfAndMutual", date: "2026-11-05" })
  })
const grades = (ids: ReadonlyArray<string>, atHost: ReadonlyArray<string> = []): DemocraticGradesInput["grades"] =>
  [...ids.map((memberId) => ({ memberId, grade: "qualified" as const })), ...atHost.map((memberId) => ({ memberId, grade: "qualified" as const, atHost: true }))]

describe("a mobile member takes part in 民主评议 at the host instead of at home (rules.md 8.4, transfer.mobile.host)", () => {
  it.effect("graded at the host; not required at home, and refused there once graded at the host; counted once in the county", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach()
        yield* opened("b2", otherSecretary)
        yield* evaluationService.recordGrades(ctxFor(otherSecretary), { organizationId: "b2", year, expectedVersion: 2, grades: grades(["n1"], ["m3"]) })
        yield* opened("b1", secretary)
        const both = yield* failsUnchanged([democraticEvaluationKind], evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "m3", "p1"]) }))
        expect(both._tag === "ZhibuEvaluationRejected" && both.ruleId).toBe(HOST)
        yield* evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "p1"]) })
        const totals = yield* evaluationService.gradeTotals(ctxFor(countyViewer), { organizationId: "county", year })
        expect(totals.byOrganization.map((r) => [r.organizationId, r.evaluated]).sort()).toEqual([["b1", 3], ["b2", 2]])
        expect(totals.total.evaluated).toBe(5)
      })
    )
  )

  it.effect("graded at home first, the host may not grade the member again", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach()
        yield* opened("b1", secretary)
        yield* evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "m3", "p1"]) })
        yield* opened("b2", otherSecretary)
        const again = yield* failsUnchanged([democraticEvaluationKind], evaluationService.recordGrades(ctxFor(otherSecretary), { organizationId: "b2", year, expectedVersion: 2, grades: grades(["n1"], ["m3"]) }))
        expect(again._tag === "ZhibuEvaluationRejected" && again.ruleId).toBe(HOST)
      })
    )
  )

  it.effect("the host grades only members attached to it on the day: an attachment ended the day before is refused", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach("2026-11-19")
        yield* opened("b2", otherSecretary)
        const ended = yield* failsUnchanged([democraticEvaluationKind], evaluationService.recordGrades(ctxFor(otherSecretary), { organizationId: "b2", year, expectedVersion: 2, grades: grades(["n1"], ["m3"]) }))
        expect(ended._tag === "ZhibuEvaluationRejected" && ended.ruleId).toBe(HOST)
        // and back home, m3 is required again
        yield* opened("b1", secretary)
        const missing = yield* failsUnchanged([democraticEvaluationKind], evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "p1"]) }))
        expect(missing._tag === "ZhibuEvaluationRejected" && missing.missing).toBe("member m3")
      })
    )
  )

  it.effect("graded at the host while attached, then back home after the attachment ended: not required at home, and refused there", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach("2026-11-10")
        const early = new Date("2026-11-06T02:00:00Z")
        yield* evaluationService.openDemocratic(ctxFor(otherSecretary, early), { organizationId: "b2", year, preparedOn: "2026-11-01" })
        yield* evaluationService.recordDemocraticStep(ctxFor(otherSecretary, early), { organizationId: "b2", year, expectedVersion: 1, step: "selfAndMutual", date: "2026-11-05" })
        yield* evaluationService.recordGrades(ctxFor(otherSecretary, early), { organizationId: "b2", year, expectedVersion: 2, grades: grades(["n1"], ["m3"]) })
        // 20 November: the attachment ended on the 10th; m3 was evaluated at b2 this year
        yield* opened("b1", secretary)
        const twice = yield* failsUnchanged([democraticEvaluationKind], evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "m3", "p1"]) }))
        expect(twice._tag === "ZhibuEvaluationRejected" && twice.ruleId).toBe(HOST)
        const home = yield* evaluationService.recordGrades(ctxFor(secretary), { organizationId: "b1", year, expectedVersion: 2, grades: grades(["m1", "m2", "p1"]) })
        expect(home.grades.map((g) => g.memberId)).toEqual(["m1", "m2", "p1"])
      })
    )
  )

  it.effect("on the attachment's last day the host may grade the member", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach("2026-11-20")
        yield* opened("b2", otherSecretary)
        const cycle = yield* evaluationService.recordGrades(ctxFor(otherSecretary), { organizationId: "b2", year, expectedVersion: 2, grades: grades(["n1"], ["m3"]) })
        expect(cycle.grades.map((g) => [g.memberId, g.atHost])).toEqual([["n1", false], ["m3", true]])
      })
    )
  )
})

describe("a mobile member's study hours are credited from the host's meetings", () => {
  const session = (id: string, date: string) => ({ id, kinds: ["themeDay"] as const, date, organizationId: "b2" })
  const present = (...ids: ReadonlyArray<string>) => ids.map((memberId) => ({ memberId, status: "present" as const }))

  it.effect("credited once, in the home ledger; a session before the attachment is refused and credits nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* attach()
        const credited = yield* studyService.creditSession(ctxFor(otherSecretary), { session: session("host-1", "2026-03-05"), attendance: present("n1", "m3") })
        expect(credited.credited.map((c) => [c.memberId, c.organizationId])).toEqual([["n1", "b2"], ["m3", "b1"]])
        const again = yield* studyService.creditSession(ctxFor(otherSecretary), { session: session("host-1", "2026-03-05"), attendance: present("n1", "m3") })
        expect([again.credited, again.alreadyCredited]).toEqual([[], ["m3", "n1"]])
        const home = yield* studyService.branchStatus(ctxFor(secretary), { organizationId: "b1", year })
        expect(home.members.find((m) => m.memberId === "m3")!.credited.tenths).toBeGreaterThan(0)
        const before = yield* failsUnchanged([studyCreditKind], studyService.creditSession(ctxFor(otherSecretary), { session: session("host-0", "2026-02-28"), attendance: present("n1", "m3") }))
        expect(before._tag).toBe("ZhibuStudyRejected")
      })
    )
  )
})
