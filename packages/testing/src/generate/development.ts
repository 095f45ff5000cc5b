import { type CivilDate, civilDate } from "../internal/core.js"
import { defaultAdmissionApproval } from "../builders/member-plan.js"
import { dateBetween, deal } from "./apportion.js"
import { rngFor } from "./prng.js"
import { type BranchDevelopment, memberId, type PlanContext, SENIORS, type TreeBranch } from "./world.js"

/** No year of probation ends on 29 February (a year after 28 February is 28 February): use the 28th. */
const notLeapDay = (d: CivilDate): CivilDate => (d.endsWith("-02-29") ? civilDate(d.replace("-02-29", "-02-28")) : d)

/**
 * 发展党员 — who was admitted and who converted during the year, and how many files are in
 * recruitment at its end, branch by branch. Larger branches develop more; every branch keeps at
 * least five members who joined before the records began (its leaders, contacts and introducers).
 */
export const planDevelopment = (ctx: PlanContext, branches: ReadonlyArray<TreeBranch>): ReadonlyArray<BranchDevelopment> => {
  const rng = rngFor(ctx.seed, "development")
  const { scale, year, profile } = ctx
  const spare = branches.map((b) => Math.max(0, Math.floor((b.partyMembers - SENIORS) / 2)))
  const admitted = deal(rng, scale.newlyDeveloped, spare)
  const converted = deal(rng, scale.conversions, spare)
  const pipelineRoom = branches.map((b) => Math.max(2, Math.round(b.partyMembers / 5)))
  const applicants = deal(rng, scale.pipeline.applicants, pipelineRoom)
  const activists = deal(rng, scale.pipeline.activists, pipelineRoom)
  const candidates = deal(rng, scale.pipeline.candidates, pipelineRoom)

  // Admitted and converted from early in the year to the end of October, so that approvals and
  // archiving fall inside the year too.
  const from = civilDate(`${year}-01-10`)
  const until = civilDate(`${year}-10-31`)
  return branches.map((b, i) => {
    const n = admitted[i]!
    const c = converted[i]!
    const entered = b.partyMembers - n - c
    return {
      conversions: Array.from({ length: c }, (_, k) => ({ memberId: memberId(b.id, entered + k + 1), convertedOn: notLeapDay(dateBetween(rng, from, until)) })),
      newlyDeveloped: Array.from({ length: n }, (_, k) => {
        const admittedOn = dateBetween(rng, from, until)
        return { memberId: memberId(b.id, entered + c + k + 1), admittedOn, approvedOn: defaultAdmissionApproval(admittedOn, profile) }
      }),
      pipeline: { applicants: applicants[i]!, activists: activists[i]!, candidates: candidates[i]! }
    }
  })
}
