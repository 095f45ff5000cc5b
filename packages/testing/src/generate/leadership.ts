import { civilDate } from "../internal/core.js"
import { dateBetween } from "./apportion.js"
import { rngFor } from "./prng.js"
import { type BranchDevelopment, type BranchElection, type BranchLeadership, memberId, type PlanContext, type TreeBranch } from "./world.js"

type Id = BranchLeadership["leadership"]["committeeMemberIds"][number]

/**
 * 班子 — each branch's secretary and committee from its senior members (`m001`–`m005`): a
 * committee of three from 7 full members, of five (with a deputy) from 20, none below 7. In
 * `scale.secretaryChanges` branches the secretary changed during the year — at the election when
 * the branch held one — from `m002` to `m001`.
 */
export const planLeadership = (
  ctx: PlanContext,
  branches: ReadonlyArray<TreeBranch & BranchDevelopment & BranchElection>
): ReadonlyArray<BranchLeadership> => {
  const rng = rngFor(ctx.seed, "leadership")
  const changed = new Set(rng.sample(branches.length, ctx.scale.secretaryChanges))
  const from = civilDate(`${ctx.year}-02-01`)
  const to = civilDate(`${ctx.year}-12-20`)
  return branches.map((b) => {
    const full = b.partyMembers - b.newlyDeveloped.length
    const size = full >= 20 ? 5 : full >= 7 ? 3 : 0
    const id = (n: number) => memberId(b.id, n) as Id
    const leadership = {
      secretaryId: id(1),
      deputySecretaryIds: size === 5 ? [id(2)] : [],
      committeeMemberIds: Array.from({ length: size }, (_, k) => id(k + 1))
    }
    if (!changed.has(b.index)) return { leadership }
    const on = b.electedInYear ? b.electedOn : dateBetween(rng, from, to)
    return { leadership, secretaryChange: { on, previousSecretaryId: id(2), secretaryId: id(1) } }
  })
}
