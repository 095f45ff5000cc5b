import { addYears, type CivilDate, civilDate, type Organization, ruleAt, termLengthRule } from "../internal/core.js"
import { apportion, dateBetween } from "./apportion.js"
import { committeeName, schoolName, teamGroups } from "./names.js"
import { rngFor } from "./prng.js"
import type { BranchPlan, PlanContext, TreeBranch } from "./world.js"

/**
 * 组织树 — the appointed committees (教育工委: province, cities, counties, as the scale has them) and
 * the school branches under the lowest ones, with each branch's size and party groups.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const committee = (ctx: PlanContext, id: string, name: string, parentId: string | null): Organization => ({
  tenantId: ctx.tenantId as Organization["tenantId"],
  id: id as Organization["id"],
  version: 1,
  kind: "committee",
  formation: "appointed",
  name,
  parentId: parentId as Organization["parentId"],
  units: [name.replace("委教育工委", "教育局")],
  basis: "other",
  canApproveAdmissions: true,
  foundedOn: civilDate(`${ctx.year - 6}-03-01`),
  leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
  term: null,
  dissolvedOn: null
})

/** The committees, parents first, and the branches, in order, each under a lowest-level committee. */
export const planTree = (ctx: PlanContext): { readonly committees: ReadonlyArray<Organization>; readonly branches: ReadonlyArray<TreeBranch> } => {
  const rng = rngFor(ctx.seed, "organizations")
  const { scale } = ctx
  const committees: Array<Organization> = []
  // Bodies of the level above, each with the number of bodies it has below.
  let above: Array<string | null> = [null]
  for (const [depth, { level, count }] of scale.levels.entries()) {
    const total = depth === 0 ? 1 : Math.max(count, above.length)
    const perParent = apportion(rng, total, above.length, 1, total)
    const ids: Array<string> = []
    let n = 0
    for (const [p, parentId] of above.entries()) {
      for (let k = 0; k < perParent[p]!; k++) {
        n++
        const id = total === 1 ? level : `${level}-${pad(n, String(total).length)}`
        committees.push(committee(ctx, id, committeeName(level, n, total === 1), parentId))
        ids.push(id)
      }
    }
    above = ids
  }

  const counties = above as ReadonlyArray<string>
  const perCounty = apportion(rng, scale.branches, counties.length, Math.floor(scale.branches / counties.length / 2), scale.branches)
  const sizes = apportion(rng, scale.partyMembers, scale.branches, scale.branchSize.min, scale.branchSize.max)
  const width = Math.max(2, String(scale.branches).length)
  const oldest = civilDate(`${ctx.year - 30}-09-01`)
  const newest: CivilDate = addYears(civilDate(`${ctx.year}-01-01`), -4)
  const branches: Array<TreeBranch> = []
  for (const [c, parentId] of counties.entries()) {
    for (let k = 0; k < perCounty[c]!; k++) {
      const index = branches.length
      const id = `b${pad(index + 1, width)}`
      const school = schoolName(k)
      const partyMembers = sizes[index]!
      const groupCount = partyMembers < scale.groupsFrom ? 0 : Math.min(4, Math.max(2, Math.round(partyMembers / 12)))
      const teams = teamGroups(school.kind)
      const byGrade = rng.chance(0.6)
      const ordered = byGrade ? teams : [...teams.slice(3), ...teams.slice(0, 3)]
      branches.push({
        index,
        id,
        parentId,
        school: school.name,
        schoolKind: school.kind,
        foundedOn: dateBetween(rng, oldest, newest),
        groups: ordered.slice(0, groupCount).map((g, i) => ({ id: `${id}-g${i + 1}`, name: g.name, basis: g.basis })),
        partyMembers
      })
    }
  }
  return { committees, branches }
}

/** The records of one branch: the branch (with its term and leaders) and its party groups. */
export const branchOrganizations = (ctx: PlanContext, b: BranchPlan): ReadonlyArray<Organization> => {
  const tenantId = ctx.tenantId as Organization["tenantId"]
  const groupsFounded = civilDate(`${ctx.year - 3}-09-01`)
  const branch: Organization = {
    tenantId,
    id: b.id as Organization["id"],
    version: 1,
    kind: "branch",
    formation: "elected",
    name: `${b.school}党支部`,
    parentId: b.parentId as Organization["parentId"],
    units: [b.school],
    basis: "school",
    canApproveAdmissions: false,
    foundedOn: b.foundedOn,
    leadership: b.leadership,
    term: { electedOn: b.electedOn, years: ruleAt(ctx.profile, termLengthRule, b.electedOn).parameters.branch },
    dissolvedOn: null
  }
  const groups = b.groups.map(
    (g): Organization => ({
      tenantId,
      id: g.id as Organization["id"],
      version: 1,
      kind: "partyGroup",
      formation: "elected",
      name: g.name,
      parentId: branch.id,
      units: [b.school],
      basis: g.basis,
      canApproveAdmissions: false,
      foundedOn: b.foundedOn > groupsFounded ? b.foundedOn : groupsFounded,
      leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
      term: null,
      dissolvedOn: null
    })
  )
  return [branch, ...groups]
}
