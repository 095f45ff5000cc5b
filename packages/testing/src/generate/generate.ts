import { type CivilDate, civilDate, type Member, nationalBaseline, type Organization, type RuleProfile, weekdayCalendar, type WorkdayCalendar } from "../internal/core.js"
import { memberAsOf, organizationAsOf } from "./as-of.js"
import { planDevelopment } from "./development.js"
import { planElections } from "./elections.js"
import { type Facts, factsOf } from "./facts.js"
import { planLeadership } from "./leadership.js"
import { branchMembers } from "./members.js"
import { branchOrganizations, planTree } from "./organizations.js"
import { type Scale, type ScaleName, scales } from "./scales.js"
import type { BranchPlan, PlanContext, WorldPlan } from "./world.js"

/**
 * The generator, composed from one small function per concern. The plan (`planWorld`) is the
 * whole tree and every yearly figure; records are then made branch by branch. To add a concern
 * (a year of meetings, dues, study records), write its file — a plan part `(ctx, branches) =>
 * parts` or a branch part `(ctx, branch, members) => records`, drawing from its own
 * `rngFor(seed, "<concern>", …)` stream so that nothing else changes — and call it here.
 */

export interface GenerateOptions {
  /** `school`, `county`, `province`, or a {@link Scale} of your own (see `scaleDown`). */
  readonly scale: ScaleName | Scale
  /** The same seed gives the same world, record for record. */
  readonly seed: number | string
  /** The year generated: records stand as on 31 December (default 2025). */
  readonly year?: number
  /** Default `<scale>-<seed>`. */
  readonly tenantId?: string
  /** The rules the files are planned for and checked against (default: the national baseline). */
  readonly profile?: RuleProfile
  /** Counts the 公示 of 2026-rule files (default: Monday to Friday). */
  readonly workdays?: WorkdayCalendar
  /**
   * 截至 — the records as they stand on this day of the year rather than on 31 December: steps
   * after it dropped (files not begun yet left out), stages derived again, an election or change
   * of secretary planned after it not yet happened. The plan and `facts` still describe the whole
   * year. Default: 31 December.
   */
  readonly asOf?: CivilDate
}

/** The tree and every figure of the year, without member records (cheap even for a province). */
export const planWorld = (options: GenerateOptions): WorldPlan => {
  const scale = typeof options.scale === "string" ? scales[options.scale] : options.scale
  const year = options.year ?? 2025
  const ctx: PlanContext = {
    scale,
    seed: options.seed,
    year,
    tenantId: options.tenantId ?? `${scale.name.replace(/[^A-Za-z0-9._:-]/g, "-")}-${options.seed}`,
    asOf: civilDate(`${year}-12-31`),
    profile: options.profile ?? nationalBaseline,
    workdays: options.workdays ?? weekdayCalendar
  }
  const tree = planTree(ctx)
  const development = planDevelopment(ctx, tree.branches)
  const elections = planElections(ctx, tree.branches)
  const planned = tree.branches.map((b, i) => ({ ...b, ...development[i]!, ...elections[i]! }))
  const leadership = planLeadership(ctx, planned)
  const branches: ReadonlyArray<BranchPlan> = planned.map((b, i) => ({ ...b, ...leadership[i]! }))
  const cutOff = options.asOf !== undefined && options.asOf < ctx.asOf ? options.asOf : undefined
  return { ...ctx, committees: tree.committees, branches, ...(cutOff === undefined ? {} : { cutOff }) }
}

/** One branch's records. */
export interface GeneratedBranch {
  readonly plan: BranchPlan
  /** The branch, then its party groups. */
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

/** A branch's organizations, cut back to the plan's `cutOff` when it has one. */
const organizationsFor = (plan: WorldPlan, b: BranchPlan): ReadonlyArray<Organization> => {
  const made = branchOrganizations(plan, b)
  const cutOff = plan.cutOff
  return cutOff === undefined ? made : made.map((o) => organizationAsOf(o, b, cutOff))
}

/** A branch's member files, cut back to the plan's `cutOff` when it has one. */
const membersFor = (plan: WorldPlan, b: BranchPlan): ReadonlyArray<Member> => {
  const made = branchMembers(plan, b)
  const cutOff = plan.cutOff
  return cutOff === undefined ? made : made.flatMap((m) => memberAsOf(m, cutOff, plan.profile) ?? [])
}

/** The branches one at a time, each with its records: memory stays that of one branch. */
export function* generateBranches(plan: WorldPlan): Generator<GeneratedBranch> {
  for (const b of plan.branches) yield { plan: b, organizations: organizationsFor(plan, b), members: membersFor(plan, b) }
}

/** Every organization record, parents first (committees, then each branch and its groups). */
export const organizationsOf = (plan: WorldPlan): ReadonlyArray<Organization> => [
  ...plan.committees,
  ...plan.branches.flatMap((b) => organizationsFor(plan, b))
]

/** The member records in chunks of about `size` (whole branches), for streaming a province into a store. */
export function* memberChunks(plan: WorldPlan, size = 10_000): Generator<ReadonlyArray<Member>> {
  let chunk: Array<Member> = []
  for (const b of plan.branches) {
    chunk.push(...membersFor(plan, b))
    if (chunk.length >= size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk
}

/** 生成结果 — a whole world in memory. */
export interface Generated {
  readonly tenantId: string
  readonly year: number
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
  readonly facts: Facts
}

/**
 * 生成 — a whole organization, deterministically from `seed`:
 *
 * ```ts
 * const { organizations, members, facts } = generate({ scale: "county", seed: 3, year: 2025 })
 * facts.counts.partyMembers // 1510
 * ```
 *
 * For a province prefer {@link planWorld} with {@link generateBranches} or {@link memberChunks}.
 */
export const generate = (options: GenerateOptions): Generated => {
  const plan = planWorld(options)
  const organizations: Array<Organization> = [...plan.committees]
  const members: Array<Member> = []
  for (const branch of generateBranches(plan)) {
    organizations.push(...branch.organizations)
    members.push(...branch.members)
  }
  return { tenantId: plan.tenantId, year: plan.year, organizations, members, facts: factsOf(plan) }
}
