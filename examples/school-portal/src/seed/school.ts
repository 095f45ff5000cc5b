import type { CivilDate, Member, Organization, RuleProfile, WorkdayCalendar } from "@zhibu/core"
import { type GenerateOptions, generate, seedStore } from "@zhibu/testing"

/**
 * The demo school from @zhibu/testing's deterministic generator: a county 教育工委, one school branch
 * with its party groups on grade and subject teams, and members at every stage.
 *
 * The generator plans a whole calendar year and hands back the records as they stand on 31 December.
 * The portal wants the school as it stands *today*, so it generates today's year with `asOf: today`:
 * the generator keeps only what has happened by today (steps after it dropped, stages derived again,
 * an election or a change of secretary planned later in the year not yet happened).
 */

export interface SchoolWorld {
  readonly tenantId: string
  readonly year: number
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

/** The generated school as it stands on `today` (see the module comment). */
export const schoolWorld = (options: {
  readonly tenantId: string
  readonly seed: number
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}): SchoolWorld => {
  const year = Number(options.today.slice(0, 4))
  const generateOptions: GenerateOptions = {
    scale: "school",
    seed: options.seed,
    year,
    tenantId: options.tenantId,
    profile: options.profile,
    workdays: options.workdays,
    asOf: options.today
  }
  const world = generate(generateOptions)
  return { tenantId: world.tenantId, year, organizations: world.organizations, members: world.members }
}

/** Writes the school into the store in idempotent batches, audited as the demo's set-up. */
export const seedSchool = (world: SchoolWorld, at: Date) =>
  seedStore(world, { batchPrefix: "demo-school", audit: { actorId: "demo-setup", action: "demo.seed", at } })
