import type { CivilDate, CommandContext, RuleProfile, WorkdayCalendar } from "@zhibu/core"
import { contextOf, type DemoSchool, demoActors, noonInChina, type RoleKey } from "../demo.js"

/** What every part of the seeding knows: the school, the day, the rules, and a context per role and day. */
export interface SeedContext {
  readonly seed: number
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
  readonly school: DemoSchool
  /** The command context of a role at noon (China time) on `day`: the audit log dates each change then. */
  readonly contextAt: (role: RoleKey, day: CivilDate) => CommandContext
}

export const seedContext = (options: Omit<SeedContext, "contextAt">): SeedContext => {
  const actors = demoActors(options.school)
  return {
    ...options,
    contextAt: (role, day) => contextOf(options.school.tenantId, actors[role].actor, noonInChina(day), options.profile, options.workdays)
  }
}
