import { type Actor, addDays, addMonths, addYears, type CivilDate, type CommandContext, type Member, memberService, organizationService, type RuleProfile, type TenantId, type WorkdayCalendar } from "@zhibu/core"
import { addWorkdays, candidatePublicityRule, effectiveDate, higherCommitteeSteps, probationLengthRule, ruleAt, type StepRecordInput } from "@zhibu/core/rules"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { elections, existingMembers, organizations, organizer, type Recruit, recruits, secretaries, TENANT } from "./seed-data.js"

/** The file holds part of the demo: an earlier run stopped while seeding. */
export class DemoIncomplete extends Data.TaggedError("DemoIncomplete")<{ readonly tenantId: string }> {
  override get message(): string {
    return `the database holds an incomplete demo tenant "${this.tenantId}" (an earlier run stopped while seeding): delete the file and run again (演示数据不完整：请删除该数据库文件后重新运行)`
  }
}

/** What the seeding judges by: the day, the rule profile and the working-day calendar. */
export interface DemoSetup {
  readonly today: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}

/** Noon in China on `day`: the instant the demo's commands run at. */
export const noonInChina = (day: CivilDate): Date => new Date(`${day}T12:00:00+08:00`)

/** The command context of `actor` in the demo tenant. */
export const contextFor = (setup: DemoSetup, actor: Actor): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor,
  now: noonInChina(setup.today),
  profile: setup.profile,
  workdays: setup.workdays
})

const birthDate = (today: CivilDate, age: number) => addMonths(today, -(age * 12 + 3))

/**
 * The 公示 of a candidate the higher committee agreed to: from the day after the consent, for as many
 * working days as the rule in force on the committee's designation asks (none under the 2014 rules).
 */
const withPublicity = (setup: DemoSetup, member: Member, record: StepRecordInput): StepRecordInput => {
  if (record.step !== "candidateApproval") return record
  const designatedOn = member.steps.findLast((s) => s.step === "candidateDesignation")?.date ?? (record.date as CivilDate)
  const minimum = ruleAt(setup.profile, candidatePublicityRule, designatedOn).parameters.minimumWorkdays
  if (minimum === 0) return record
  const from = addDays(record.date as CivilDate, 1)
  return { ...record, publicity: { from, to: addWorkdays(setup.workdays, from, minimum) } }
}

/**
 * Opens the recruit's file and records each step through the member service, as the branch would:
 * the branch secretary records the branch's steps, the higher committee's organizer its decisions.
 * A step is never dated before the previous one took effect (a 公示 may end later than planned).
 */
const seedRecruit = (setup: DemoSetup, recruit: Recruit) =>
  Effect.gen(function* () {
    const secretary = contextFor(setup, secretaries[recruit.organizationId]!)
    const [application, ...steps] = recruit.steps(setup.today)
    const { steps: _plan, age, ...person } = recruit
    let member = yield* memberService.registerApplicant(secretary, {
      ...person,
      birthDate: birthDate(setup.today, age),
      applicationDate: application!.date
    })
    for (const planned of steps) {
      const after = effectiveDate(member.steps.at(-1)!)
      const dated = planned.date < after ? { ...planned, date: after } : planned
      const ctx = higherCommitteeSteps.has(planned.step) ? contextFor(setup, organizer) : secretary
      member = yield* memberService.recordStep(ctx, {
        memberId: member.id,
        expectedVersion: member.version,
        record: withPublicity(setup, member, dated)
      })
    }
  })

/**
 * Builds the demo county through the services, as an outside application would: the organizer
 * creates the tree; each secretary enters the members who joined before the records began and
 * records the branch's election; then the recruitment files are walked step by step. Writes nothing
 * and returns false when the tenant already has organizations (a second run on the same file).
 */
export const seedDemo = (setup: DemoSetup) =>
  Effect.gen(function* () {
    const store = yield* Store
    if ((yield* store.list(organizationKind, TENANT, undefined, { limit: 1 })).length > 0) {
      // The services write one record at a time: a run stopped half-way leaves part of the demo.
      const last = recruits.at(-1)!.id
      const complete = yield* store.get(memberKind, TENANT, last).pipe(Effect.as(true), Effect.catchTag("ZhibuNotFound", () => Effect.succeed(false)))
      return complete ? false : yield* new DemoIncomplete({ tenantId: TENANT })
    }
    const { today } = setup
    for (const { foundedYearsAgo, ...org } of organizations) {
      yield* organizationService.create(contextFor(setup, organizer), { ...org, foundedOn: addYears(today, -foundedYearsAgo) })
    }
    for (const { joinedYearsAgo, lastContactMonthsAgo, age, ...person } of existingMembers) {
      const joinedOn = addYears(today, -joinedYearsAgo)
      yield* memberService.enterExistingMember(contextFor(setup, secretaries[person.organizationId]!), {
        ...person,
        birthDate: birthDate(today, age),
        joinedOn,
        convertedOn: addYears(joinedOn, ruleAt(setup.profile, probationLengthRule, joinedOn).parameters.years),
        lastContactOn: lastContactMonthsAgo === undefined ? null : addMonths(today, -lastContactMonthsAgo)
      })
    }
    for (const election of elections(today)) {
      const org = yield* store.get(organizationKind, TENANT, election.organizationId)
      yield* organizationService.recordElection(contextFor(setup, secretaries[election.organizationId]!), { ...election, expectedVersion: org.version })
    }
    for (const recruit of recruits) yield* seedRecruit(setup, recruit)
    return true
  })
