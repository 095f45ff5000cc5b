import { addDays, addMonths, type CivilDate, evaluationService, type GradeRecord, meetingService, memberService } from "@zhibu/core"
import * as Effect from "effect/Effect"
import type { SeedContext } from "./context.js"
import { rng } from "./rng.js"

/**
 * The year's 民主评议党员, through `evaluationService` as the branch runs it around its 民主评议
 * meeting (recorded by the meetings part): study and preparation two weeks before, self- and mutual
 * assessment a week before, the grades and the rating at the meeting, the committee's determination
 * three days later, the members told a week later, and a talk with the one member graded 基本合格.
 * About a quarter are graded 优秀, within the cap.
 */

export interface EvaluationSeeded {
  readonly year: number | null
  readonly graded: number
  readonly refused: ReadonlyArray<string>
}

export const seedEvaluation = (seed: SeedContext) =>
  Effect.gen(function* () {
    const { school, today } = seed
    const refused: Array<string> = []
    const ctxToday = seed.contextAt("secretary", today)
    const meetings = yield* meetingService.list(ctxToday, { organizationId: school.branchId, from: addMonths(today, -12), to: today })
    const meeting = meetings.filter((m) => m.kinds.includes("democraticEvaluation")).at(-1)
    if (meeting === undefined) return { year: null, graded: 0, refused } satisfies EvaluationSeeded
    const day = meeting.date as CivilDate
    const year = Number(day.slice(0, 4))
    const organizationId = school.branchId
    const at = (d: CivilDate) => seed.contextAt("secretary", d > today ? today : d)
    const members = (yield* memberService.list(ctxToday, { organizationId, limit: 1000 })).filter(
      (m) => m.status === "active" && (m.stage === "full" || m.stage === "probationary")
    )
    const next = rng(seed.seed, `evaluation:${year}`)
    const plain = members.filter((m) => m.stage === "full" && m.id !== school.secretaryId && m.id !== school.memberId)
    const lower = plain[Math.floor(next() * plain.length)]
    const grades: Array<GradeRecord> = members.map((m) => ({
      memberId: m.id,
      grade: m.id === lower?.id ? "basicallyQualified" : next() < 0.25 ? "excellent" : "qualified",
      atHost: false
    }))
    const run = Effect.gen(function* () {
      let cycle = yield* evaluationService.openDemocratic(at(addDays(day, -14)), { organizationId, year, preparedOn: addDays(day, -14) })
      const step = (s: "selfAndMutual" | "rating" | "determination" | "notification", d: CivilDate) =>
        evaluationService.recordDemocraticStep(at(d), {
          organizationId,
          year,
          expectedVersion: cycle.version,
          step: s,
          date: d,
          ...(s === "determination" ? { by: "committee" as const } : {})
        })
      cycle = yield* step("selfAndMutual", addDays(day, -7))
      cycle = yield* evaluationService.recordGrades(at(day), { organizationId, year, expectedVersion: cycle.version, grades })
      cycle = yield* step("rating", day)
      if (addDays(day, 3) <= today) cycle = yield* step("determination", addDays(day, 3))
      if (addDays(day, 7) <= today) cycle = yield* step("notification", addDays(day, 7))
      if (lower !== undefined && addDays(day, 10) <= today) {
        cycle = yield* evaluationService.recordFollowUp(at(addDays(day, 10)), {
          organizationId,
          year,
          expectedVersion: cycle.version,
          followUp: { memberId: lower.id, talkOn: addDays(day, 10), correctionUntil: addMonths(day, 6), decision: null }
        })
      }
      return cycle
    })
    const result = yield* Effect.either(run)
    if (result._tag === "Left") refused.push(`${year}: ${(result.left as { message?: string }).message ?? String(result.left)}`)
    return { year, graded: result._tag === "Right" ? result.right.grades.length : 0, refused } satisfies EvaluationSeeded
  })
