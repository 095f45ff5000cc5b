import type { CivilDate, Organization, RuleProfile, WorkdayCalendar } from "../internal/core.js"
import type { SchoolKind } from "./names.js"
import type { Scale } from "./scales.js"

/** What every part of the generator knows: the scale, the seed, the year and the rules. */
export interface PlanContext {
  readonly scale: Scale
  readonly seed: number | string
  readonly year: number
  readonly tenantId: string
  /** The last day of the year: every record is as it stands on this day. */
  readonly asOf: CivilDate
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}

/**
 * 规划 — the cheap, whole-tree part of a generated world: every organization and every figure a
 * report could check, without a single member record. Member records are made branch by branch
 * from it (see `members.ts`), so a province can be streamed.
 */
export interface WorldPlan extends PlanContext {
  /** The appointed committees above the branches, parents first. */
  readonly committees: ReadonlyArray<Organization>
  readonly branches: ReadonlyArray<BranchPlan>
  /**
   * `GenerateOptions.asOf`: the records are made for the whole year, then cut back to how they
   * stand on this day (see `as-of.ts`); absent, they stand on 31 December.
   */
  readonly cutOff?: CivilDate
}

/** 支部规划 — one branch: its place in the tree, its size, and what happened in it during the year. */
export type BranchPlan = TreeBranch & BranchDevelopment & BranchElection & BranchLeadership

/** A branch's place in the tree and its size (`organizations.ts`). */
export interface TreeBranch {
  /** Position among all branches (0-based): names this branch's random streams. */
  readonly index: number
  readonly id: string
  readonly parentId: string
  readonly school: string
  readonly schoolKind: SchoolKind
  readonly foundedOn: CivilDate
  /** Party groups on the school's teams (empty below `scale.groupsFrom` members). */
  readonly groups: ReadonlyArray<{ readonly id: string; readonly name: string; readonly basis: "grade" | "subject" }>
  /** 党员 at the end of the year: full and probationary. */
  readonly partyMembers: number
}

/** Recruitment in the branch (`development.ts`). */
export interface BranchDevelopment {
  /** Admissions during the year: branch meeting and approval (the probationary members). */
  readonly newlyDeveloped: ReadonlyArray<{ readonly memberId: string; readonly admittedOn: CivilDate; readonly approvedOn: CivilDate }>
  /** Conversions during the year (full members with a recruitment file). */
  readonly conversions: ReadonlyArray<{ readonly memberId: string; readonly convertedOn: CivilDate }>
  /** Files in recruitment at the end of the year. */
  readonly pipeline: { readonly applicants: number; readonly activists: number; readonly candidates: number }
}

/** The branch's current term (`elections.ts`). */
export interface BranchElection {
  /** The current term: elected on this day (during the year when `electedInYear`). */
  readonly electedOn: CivilDate
  readonly electedInYear: boolean
}

/** The branch's leaders (`leadership.ts`). */
export interface BranchLeadership {
  readonly leadership: Organization["leadership"]
  /** 书记调整 — set when the secretary changed during the year. */
  readonly secretaryChange?: { readonly on: CivilDate; readonly previousSecretaryId: string; readonly secretaryId: string }
}

/** Full members who joined before the records began (`m001`…): the rest of the party members. */
export const enteredMembers = (b: BranchPlan): number => b.partyMembers - b.newlyDeveloped.length - b.conversions.length

/** The senior members (`m001`–`m005`, joined at least eight years before the year): leaders, contacts and introducers. */
export const SENIORS = 5

/** The id of the `n`-th member record of a branch (1-based): `<branch>-m001`. */
export const memberId = (branchId: string, n: number): string => `${branchId}-m${String(n).padStart(3, "0")}`
