import { addYears, type CivilDate, type Member, type Organization, type RuleProfile, type WorkdayCalendar } from "@zhibu/core"
import { deriveStage } from "@zhibu/core/rules"
import { type GenerateOptions, generate, planWorld, seedStore } from "@zhibu/testing"

/**
 * The demo school from @zhibu/testing's deterministic generator: a county 教育工委, one school branch
 * with its party groups on grade and subject teams, and members at every stage.
 *
 * The generator plans a whole calendar year and hands back the records as they stand on 31 December.
 * The portal wants the school as it stands *today*, so it generates today's year and keeps only what
 * has happened by today: steps dated after today are dropped (a file with none left is dropped), each
 * file's stage is derived again from the steps it keeps, an election planned later in the year leaves
 * the term before it in place, and a secretary change planned later has not happened yet.
 */

export interface SchoolWorld {
  readonly tenantId: string
  readonly year: number
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

const keepSteps = (member: Member, today: CivilDate, profile: RuleProfile): Member | undefined => {
  if (member.steps.length === 0) return member.joinedOn !== null && member.joinedOn > today ? undefined : member
  const steps = member.steps.filter((s) => s.date <= today)
  if (steps.length === member.steps.length) return member
  if (steps.length === 0) return undefined
  const kept: Member = { ...member, steps }
  return { ...kept, stage: deriveStage(kept, profile) ?? member.stage }
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
    workdays: options.workdays
  }
  const plan = planWorld(generateOptions)
  const world = generate(generateOptions)
  const later = new Map(plan.branches.map((b) => [b.id, b]))
  const organizations = world.organizations.map((o): Organization => {
    const branch = later.get(o.id)
    if (branch === undefined) return o
    let result = o
    if (o.term !== null && o.term.electedOn > options.today) {
      // The election is later this year: the term before it is the one in force today.
      result = { ...result, term: { ...o.term, electedOn: addYears(o.term.electedOn, -o.term.years) } }
    }
    const change = branch.secretaryChange
    if (change !== undefined && change.on > options.today) {
      const swap = (id: string) => (id === change.secretaryId ? change.previousSecretaryId : id)
      const l = result.leadership
      result = {
        ...result,
        leadership: {
          secretaryId: l.secretaryId === null ? null : (swap(l.secretaryId) as typeof l.secretaryId),
          deputySecretaryIds: l.deputySecretaryIds.map((id) => swap(id) as typeof id),
          committeeMemberIds: l.committeeMemberIds.map((id) => swap(id) as typeof id)
        }
      }
    }
    return result
  })
  const members = world.members.flatMap((m) => {
    const kept = keepSteps(m, options.today, options.profile)
    return kept === undefined ? [] : [kept]
  })
  return { tenantId: world.tenantId, year, organizations, members }
}

/** Writes the school into the store in idempotent batches, audited as the demo's set-up. */
export const seedSchool = (world: SchoolWorld, at: Date) =>
  seedStore(world, { batchPrefix: "demo-school", audit: { actorId: "demo-setup", action: "demo.seed", at } })
