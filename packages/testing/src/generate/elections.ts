import { civilDate } from "../internal/core.js"
import { dateBetween } from "./apportion.js"
import { rngFor } from "./prng.js"
import type { BranchElection, PlanContext, TreeBranch } from "./world.js"

/**
 * 换届选举 — `scale.elections` branches held their election during the year; every other branch
 * was elected in the two years before, so no term has run out by the end of the year.
 */
export const planElections = (ctx: PlanContext, branches: ReadonlyArray<TreeBranch>): ReadonlyArray<BranchElection> => {
  const rng = rngFor(ctx.seed, "elections")
  const { year } = ctx
  const held = new Set(rng.sample(branches.length, ctx.scale.elections))
  const inYear = [civilDate(`${year}-03-01`), civilDate(`${year}-12-20`)] as const
  const before = [civilDate(`${year - 2}-01-10`), civilDate(`${year - 1}-12-20`)] as const
  return branches.map((b) => {
    const electedInYear = held.has(b.index)
    const [from, to] = electedInYear ? inYear : before
    return { electedOn: dateBetween(rng, from, to), electedInYear }
  })
}
