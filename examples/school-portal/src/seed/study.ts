import { addDays, type CivilDate, memberService, organizationService, studyService } from "@zhibu/core"
import { fromParts } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { SeedContext } from "./context.js"

/**
 * This year's study beyond the meetings (those are credited as each meeting is recorded): the
 * branch committee's centralized training in the spring, and an online course that about half the
 * members took.
 */

export interface StudySeeded {
  readonly credits: number
  readonly refused: ReadonlyArray<string>
}

export const seedStudy = (seed: SeedContext) =>
  Effect.gen(function* () {
    const { school, today } = seed
    const year = Number(today.slice(0, 4))
    const ctxToday = seed.contextAt("secretary", today)
    const branch = yield* organizationService.get(ctxToday, { organizationId: school.branchId })
    const members = (yield* memberService.list(ctxToday, { organizationId: school.branchId, limit: 1000 })).filter(
      (m) => m.status === "active" && (m.stage === "full" || m.stage === "probationary")
    )
    const refused: Array<string> = []
    let credits = 0
    const record = (id: string, memberId: string, on: CivilDate, tenths: number, centralized: boolean, title: string, source: "training" | "partySchool" | "recognized") =>
      Effect.gen(function* () {
        if (on > today) return
        const result = yield* studyService.recordCredit(seed.contextAt("secretary", on), { id, memberId, on, source, tenths, centralized, title }).pipe(Effect.either)
        if (result._tag === "Left") refused.push(`${id}: ${result.left.message}`)
        else credits++
      })
    const training = addDays(fromParts(year, 4, 1), 14)
    for (const id of branch.leadership.committeeMemberIds) {
      yield* record(`study-${year}-leaders-${id}`, id, training, 240, true, "县教育工委党支部书记和委员集中轮训", "training")
    }
    for (const [i, m] of members.entries()) {
      if (i % 2 === 0) yield* record(`study-${year}-online-${m.id}`, m.id, addDays(fromParts(year, 6, 1), i % 20), 80, false, "党员教育网络课程", "recognized")
    }
    return { credits, refused } satisfies StudySeeded
  })
