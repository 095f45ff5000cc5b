import { existingMemberFile } from "../builders/existing-member.js"
import { aMember, type MemberBuilder } from "../builders/member-builder.js"
import { probationEnd } from "../builders/member-plan.js"
import { addYears, type CivilDate, civilDate, type Member, type MemberCategory, type MemberIdentity } from "../internal/core.js"
import { dateBetween } from "./apportion.js"
import { personName } from "./names.js"
import { type Rng, rngFor } from "./prng.js"
import { type BranchPlan, enteredMembers, memberId, type PlanContext, SENIORS } from "./world.js"

/**
 * 党员档案 — the member records of one branch, from its plan: members who joined before the records
 * began (entered with core's `enterExistingFile`), then files built step by step with core's
 * `recordStep` (through the member builder): the conversions and admissions of the year, and the
 * candidates, activists and applicants in recruitment at its end. One branch at a time, so a
 * province can be streamed.
 */
export const branchMembers = (ctx: PlanContext, b: BranchPlan): ReadonlyArray<Member> => {
  const rng = rngFor(ctx.seed, "members", b.index)
  const { year, asOf, profile, workdays } = ctx
  const date = (text: string) => civilDate(text)
  const contactFrom = date(`${year}-10-01`)
  const group = (): string | null => (b.groups.length === 0 ? null : rng.pick(b.groups).id)

  const identity = (n: number, age: readonly [number, number], category: MemberCategory, partyGroupId: string | null): MemberIdentity => {
    const birthYear = year - rng.int(age[0], age[1])
    return {
      tenantId: ctx.tenantId as MemberIdentity["tenantId"],
      id: memberId(b.id, n) as MemberIdentity["id"],
      organizationId: b.id as MemberIdentity["organizationId"],
      partyGroupId: partyGroupId as MemberIdentity["partyGroupId"],
      name: personName(rng),
      gender: rng.chance(0.62) ? "female" : "male",
      birthDate: dateBetween(rng, date(`${birthYear}-01-01`), date(`${birthYear}-12-31`)),
      category
    }
  }
  const contacted = (m: Member): Member => ({ ...m, lastContactOn: dateBetween(rng, contactFrom, asOf) })

  // Joined before the records began: the seniors at least eight years before the year, the others
  // at least two, all at 20 or over.
  const members: Array<Member> = []
  const entered = enteredMembers(b)
  for (let n = 1; n <= entered; n++) {
    const senior = n <= SENIORS
    const retired = !senior && rng.chance(0.06)
    const category: MemberCategory = retired ? "retired" : rng.chance(0.1) ? "staff" : "teacher"
    const person = identity(n, senior ? [36, 58] : retired ? [61, 80] : [24, 59], category, group())
    const earliest = addYears(person.birthDate, 20)
    const latest = date(`${year - (senior ? 8 : 2)}-06-30`)
    const joinedOn = dateBetween(rng, earliest > latest ? latest : earliest, latest)
    members.push(contacted(existingMemberFile(person, joinedOn, probationEnd(joinedOn, profile), profile, asOf)))
  }

  const seniors = members.slice(0, SENIORS)
  const full = entered + b.conversions.length
  const present = full - Math.floor(full / 10)
  const file = (n: number, age: readonly [number, number], partyGroupId: string | null): MemberBuilder => {
    const [first, second] = pickTwo(rng, seniors.length)
    return aMember(identity(n, age, "teacher", partyGroupId))
      .people(seniors)
      .contacts(seniors[first]!.id)
      .introducers(seniors[first]!.id, seniors[second]!.id)
      .vote({ dueVoting: full, presentVoting: present, yes: present, no: 0, abstain: 0, writtenYes: 0, writtenNo: 0 })
      .decidedBy("上级党委")
      .profile(profile)
      .workdays(workdays)
      .asOf(asOf)
  }

  let n = entered
  for (const c of b.conversions) members.push(contacted(file(++n, [25, 40], group()).fullMember({ convertedOn: c.convertedOn }).build()))
  for (const a of b.newlyDeveloped) {
    members.push(contacted(file(++n, [23, 38], group()).probationaryAdmittedOn(a.admittedOn, { approvedOn: a.approvedOn }).build()))
  }
  const recruit = (from: CivilDate, to: CivilDate, make: (builder: MemberBuilder, on: CivilDate) => MemberBuilder) =>
    members.push(contacted(make(file(++n, [22, 35], null), dateBetween(rng, from, to)).build()))
  for (let k = 0; k < b.pipeline.candidates; k++) recruit(date(`${year}-01-15`), date(`${year}-11-30`), (m, on) => m.candidateSince(on))
  for (let k = 0; k < b.pipeline.activists; k++) recruit(date(`${year - 1}-01-15`), date(`${year}-11-30`), (m, on) => m.activistSince(on))
  for (let k = 0; k < b.pipeline.applicants; k++) recruit(date(`${year}-03-01`), date(`${year}-12-20`), (m, on) => m.appliedOn(on))
  return members
}

/** Two different indices below `size` (at least 2). */
const pickTwo = (rng: Rng, size: number): readonly [number, number] => {
  const first = rng.int(0, size - 1)
  const second = (first + rng.int(1, size - 1)) % size
  return [first, second]
}
