import { type CivilDate, ruleAt, termLengthRule } from "../internal/core.js"
import type { WorldPlan } from "./world.js"

/**
 * 年度事实 — what happened in the generated year, as data, so that a report built from the records
 * can be checked against it: counts, admissions, conversions, elections and secretary changes.
 */
export interface Facts {
  readonly scale: string
  readonly seed: number | string
  readonly year: number
  readonly tenantId: string
  readonly asOf: CivilDate
  readonly counts: {
    /** Appointed committees (教育工委) above the branches. */
    readonly committees: number
    readonly branches: number
    readonly partyGroups: number
    /** All organization records: committees, branches and party groups. */
    readonly organizations: number
    /** 党员 — full and probationary members, all active. */
    readonly partyMembers: number
    readonly fullMembers: number
    readonly probationaryMembers: number
    readonly candidates: number
    readonly activists: number
    readonly applicants: number
    /** All member records: party members and files in recruitment. */
    readonly memberRecords: number
  }
  /** 发展党员 — admitted during the year: branch meeting and approval both in it. */
  readonly newlyDeveloped: ReadonlyArray<{ readonly memberId: string; readonly organizationId: string; readonly admittedOn: CivilDate; readonly approvedOn: CivilDate }>
  /** 转正 — converted during the year (the probation ended in it). */
  readonly conversions: ReadonlyArray<{ readonly memberId: string; readonly organizationId: string; readonly convertedOn: CivilDate }>
  /** 换届选举 — branches that elected their committee (or secretary) during the year. */
  readonly elections: ReadonlyArray<{ readonly organizationId: string; readonly electedOn: CivilDate; readonly termYears: number }>
  /** 书记调整 — branches whose secretary changed during the year. */
  readonly secretaryChanges: ReadonlyArray<{ readonly organizationId: string; readonly on: CivilDate; readonly previousSecretaryId: string; readonly secretaryId: string }>
}

/** The facts of a plan: computed without making a single member record. */
export const factsOf = (plan: WorldPlan): Facts => {
  const termYears = (electedOn: CivilDate) => ruleAt(plan.profile, termLengthRule, electedOn).parameters.branch
  const sum = (f: (b: WorldPlan["branches"][number]) => number) => plan.branches.reduce((acc, b) => acc + f(b), 0)
  const partyGroups = sum((b) => b.groups.length)
  const partyMembers = sum((b) => b.partyMembers)
  const probationaryMembers = sum((b) => b.newlyDeveloped.length)
  const candidates = sum((b) => b.pipeline.candidates)
  const activists = sum((b) => b.pipeline.activists)
  const applicants = sum((b) => b.pipeline.applicants)
  return {
    scale: plan.scale.name,
    seed: plan.seed,
    year: plan.year,
    tenantId: plan.tenantId,
    asOf: plan.asOf,
    counts: {
      committees: plan.committees.length,
      branches: plan.branches.length,
      partyGroups,
      organizations: plan.committees.length + plan.branches.length + partyGroups,
      partyMembers,
      fullMembers: partyMembers - probationaryMembers,
      probationaryMembers,
      candidates,
      activists,
      applicants,
      memberRecords: partyMembers + candidates + activists + applicants
    },
    newlyDeveloped: plan.branches.flatMap((b) => b.newlyDeveloped.map((a) => ({ ...a, organizationId: b.id }))),
    conversions: plan.branches.flatMap((b) => b.conversions.map((c) => ({ ...c, organizationId: b.id }))),
    elections: plan.branches.filter((b) => b.electedInYear).map((b) => ({ organizationId: b.id, electedOn: b.electedOn, termYears: termYears(b.electedOn) })),
    secretaryChanges: plan.branches.flatMap((b) =>
      b.secretaryChange === undefined
        ? []
        : [{ organizationId: b.id, ...b.secretaryChange }]
    )
  }
}
