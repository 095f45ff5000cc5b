import { addYears, type CivilDate, deriveStage, type Member, type Organization, type RuleProfile } from "../internal/core.js"
import type { BranchPlan } from "./world.js"

/**
 * 截至某日 — a generated member file as it stands on `asOf`: steps dated after it are dropped (a
 * file with none left, or entered with a joining date after it, did not exist yet: undefined), the
 * stage is derived again from the steps kept, and the last contact is not after `asOf`.
 */
export const memberAsOf = (member: Member, asOf: CivilDate, profile: RuleProfile): Member | undefined => {
  const contact = member.lastContactOn !== null && member.lastContactOn > asOf ? { lastContactOn: asOf } : {}
  if (member.steps.length === 0) return member.joinedOn !== null && member.joinedOn > asOf ? undefined : { ...member, ...contact }
  const steps = member.steps.filter((s) => s.date <= asOf)
  if (steps.length === 0) return undefined
  if (steps.length === member.steps.length) return { ...member, ...contact }
  const kept: Member = { ...member, ...contact, steps }
  return { ...kept, stage: deriveStage(kept, profile) ?? member.stage }
}

/**
 * A generated branch as it stands on `asOf`: an election planned after it leaves the term before it
 * in force, and a change of secretary planned after it has not happened (the previous secretary
 * holds the post, the new one the place the previous one has after it). Other organizations are
 * unchanged.
 */
export const organizationAsOf = (organization: Organization, branch: BranchPlan | undefined, asOf: CivilDate): Organization => {
  if (branch === undefined || branch.id !== organization.id) return organization
  let result = organization
  if (result.term !== null && result.term.electedOn > asOf) {
    result = { ...result, term: { ...result.term, electedOn: addYears(result.term.electedOn, -result.term.years) } }
  }
  const change = branch.secretaryChange
  if (change !== undefined && change.on > asOf) {
    // before the change the two held each other's places (the previous secretary, the new one as a member)
    const swap = <I extends string>(id: I): I =>
      id === change.secretaryId ? (change.previousSecretaryId as I) : id === change.previousSecretaryId ? (change.secretaryId as I) : id
    const l = result.leadership
    result = {
      ...result,
      leadership: {
        secretaryId: l.secretaryId === null ? null : swap(l.secretaryId),
        deputySecretaryIds: l.deputySecretaryIds.map(swap),
        committeeMemberIds: l.committeeMemberIds.map(swap)
      }
    }
  }
  return result
}
