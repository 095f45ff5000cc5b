import * as Schema from "effect/Schema"
import { MemberStage, type MemberStatus } from "../member/member.js"
import type { Organization, OrganizationKind } from "../org/organization.js"
import { depthFirstIn, indexTree } from "../org/tree-index.js"
import { OrganizationId } from "../tenant/ids.js"

/** How many members of one organization are at one stage in one status (a `member` aggregate row). */
export interface MemberCount {
  readonly organizationId: string
  readonly stage: MemberStage
  readonly status: MemberStatus
  readonly count: number
}

/** Statuses that end a file: 取消预备党员资格, 转出, 自行脱党, 除名, 去世, and an application closed without admission. */
export type ExitStatus = Exclude<MemberStatus, "active" | "suspended">

/** Every {@link ExitStatus}, in the order the summary counts them. */
export const exitStatuses: ReadonlyArray<ExitStatus> = [
  "probationCancelled",
  "transferredOut",
  "lapsed",
  "removed",
  "deceased",
  "closed"
]

/** How many files of a set of members are in each state. Every stage and exit status is present, 0 when none. */
export interface MembershipCounts {
  /** 在册 — active files by stage, from 入党申请人 to 正式党员. */
  readonly activeByStage: Readonly<Record<MemberStage, number>>
  /** Active files, all stages together. */
  readonly active: number
  /** 停止党籍 — neither active nor ended: the membership may be restored (JG2019 第二十四条). */
  readonly suspended: number
  /** Files ended by an exit state, by status. */
  readonly exitsByStatus: Readonly<Record<ExitStatus, number>>
  readonly exits: number
}

/**
 * One organization of the subtree: the members filed under it directly (members of a 党小组 are
 * filed under its branch), and in `subtree` those of it and every organization below it, so a
 * general branch's row includes its branches and a county's row equals the sum of its schools.
 */
export interface OrganizationMembership extends MembershipCounts {
  readonly subtree: MembershipCounts
  readonly id: string
  readonly name: string
  readonly kind: OrganizationKind
  readonly parentId: string | null
  /** 0 for the summary's organization, 1 for those directly below it, and so on. */
  readonly depth: number
}

/**
 * 党员人数统计 — membership of an organization and its subtree, counts only: no person's id or name,
 * so a 县级查看者 may read it.
 */
export interface MembershipSummary {
  readonly organizationId: string
  /** The organization first, then those below it, depth-first, siblings by id. */
  readonly organizations: ReadonlyArray<OrganizationMembership>
  /** The sums over every organization of the subtree. */
  readonly totals: MembershipCounts
}

const emptyCounts = (): {
  activeByStage: Record<MemberStage, number>
  active: number
  suspended: number
  exitsByStatus: Record<ExitStatus, number>
  exits: number
} => ({
  activeByStage: Object.fromEntries(MemberStage.literals.map((s) => [s, 0])) as Record<MemberStage, number>,
  active: 0,
  suspended: 0,
  exitsByStatus: Object.fromEntries(exitStatuses.map((s) => [s, 0])) as Record<ExitStatus, number>,
  exits: 0
})

type Tally = ReturnType<typeof emptyCounts>

const addCounts = (into: Tally, from: Tally): void => {
  for (const s of MemberStage.literals) into.activeByStage[s] += from.activeByStage[s]
  for (const s of exitStatuses) into.exitsByStatus[s] += from.exitsByStatus[s]
  into.active += from.active
  into.suspended += from.suspended
  into.exits += from.exits
}

const add = (tally: Tally, row: Pick<MemberCount, "stage" | "status" | "count">): void => {
  if (row.status === "active") {
    tally.activeByStage[row.stage] += row.count
    tally.active += row.count
  } else if (row.status === "suspended") {
    tally.suspended += row.count
  } else {
    tally.exitsByStatus[row.status] += row.count
    tally.exits += row.count
  }
}

/**
 * The summary of `root`'s subtree from member counts (see {@link MemberCount}). Rows of organizations outside the
 * subtree are ignored. Pure: it reads nothing.
 */
export const summarizeMembership = (
  root: Organization,
  organizations: ReadonlyArray<Organization>,
  counts: ReadonlyArray<MemberCount>
): MembershipSummary => {
  // `root` and the organizations below it, depth-first, siblings in the order given; a cycle is cut.
  const placed = depthFirstIn(indexTree(organizations), root, "never")
  const tallies = new Map<string, Tally>(placed.map(({ organization }) => [organization.id, emptyCounts()]))
  const totals = emptyCounts()
  for (const row of counts) {
    const tally = tallies.get(row.organizationId)
    if (tally === undefined) continue
    add(tally, row)
    add(totals, row)
  }
  // Depth-first lists a parent before its children: walking backwards adds each subtree into its parent's.
  const subtrees = new Map<string, Tally>(placed.map(({ organization }) => [organization.id, emptyCounts()]))
  for (let i = placed.length - 1; i >= 0; i--) {
    const o = placed[i]!.organization
    const own = subtrees.get(o.id)!
    addCounts(own, tallies.get(o.id)!)
    if (o.id !== root.id && o.parentId !== null) {
      const parent = subtrees.get(o.parentId)
      if (parent !== undefined) addCounts(parent, own)
    }
  }
  return {
    organizationId: root.id,
    organizations: placed.map(({ organization: o, depth }) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      parentId: o.parentId,
      depth,
      ...tallies.get(o.id)!,
      subtree: subtrees.get(o.id)!
    })),
    totals
  }
}

/** 党员人数统计 — input of {@link reportService.membershipSummary}: the organization whose subtree is counted. */
export const MembershipSummaryInput = Schema.Struct({ organizationId: OrganizationId })
export type MembershipSummaryInput = typeof MembershipSummaryInput.Encoded
