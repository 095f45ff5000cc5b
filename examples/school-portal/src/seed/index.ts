import type { CivilDate, RuleProfile, WorkdayCalendar } from "@zhibu/core"
import * as Effect from "effect/Effect"
import { type DemoSchool, loadDemoSchool, noonInChina } from "../demo.js"
import { type SeedContext, seedContext } from "./context.js"
import { seedDues } from "./dues.js"
import { seedEvaluation } from "./evaluation.js"
import { seedMeetings } from "./meetings.js"
import { schoolWorld, seedSchool } from "./school.js"
import { seedStudy } from "./study.js"

/**
 * 演示数据 — the one place the demo school is made. The school itself comes from @zhibu/testing's
 * generator; each later part records a year of the branch's work through the services, as the
 * secretary would have, so every record is checked by the rules and lands in the audit log.
 *
 * To add a part (evaluations, transfers…), write `(seed: SeedContext) => Effect<{ refused, … }>` in
 * its own file and list it in `parts`.
 */
const parts = [
  { name: "meetings", run: seedMeetings },
  { name: "study", run: seedStudy },
  { name: "evaluation", run: seedEvaluation },
  { name: "dues", run: seedDues }
] as const

export interface SeedOptions {
  readonly tenantId: string
  /** The generator's seed: the same seed and day give the same school. */
  readonly seed: number
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}

export interface SeedReport {
  /** False when the store already held the demo school (nothing was written). */
  readonly seeded: boolean
  readonly school: DemoSchool
  readonly organizations: number
  readonly members: number
  /** What each part wrote; `refused` lists the records the rules refused (none, normally). */
  readonly parts: Readonly<Record<string, unknown>>
  readonly refused: ReadonlyArray<string>
}

/** Seeds the demo school when the store does not hold it yet; returns who is who either way. */
export const seedDemoSchool = (options: SeedOptions) =>
  Effect.gen(function* () {
    const existing = yield* loadDemoSchool(options.tenantId)
    if (existing !== undefined) {
      const report: SeedReport = { seeded: false, school: existing, organizations: 0, members: 0, parts: {}, refused: [] }
      return report
    }
    const world = schoolWorld(options)
    yield* seedSchool(world, noonInChina(`${world.year}-01-01`))
    const school = yield* loadDemoSchool(options.tenantId)
    if (school === undefined) return yield* Effect.dieMessage("the generated school has no branch secretary")
    const seed: SeedContext = seedContext({ seed: options.seed, today: options.today, profile: options.profile, workdays: options.workdays, school })
    const results: Record<string, unknown> = {}
    const refused: Array<string> = []
    for (const part of parts) {
      const result = yield* part.run(seed)
      results[part.name] = result
      refused.push(...result.refused.map((r) => `${part.name}: ${r}`))
    }
    const report: SeedReport = {
      seeded: true,
      school,
      organizations: world.organizations.length,
      members: world.members.length,
      parts: results,
      refused
    }
    return report
  })
