import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Forbidden } from "../auth/errors.js"
import { MemberStage, type MemberStatus } from "../member/member.js"
import type { Organization, OrganizationKind } from "../org/organization.js"
import { loadForAction } from "../org/service-support.js"
import { subtreeIds } from "../org/tree.js"
import type { CommandContext } from "../service/context.js"
import { decodeInput } from "../service/decode-input.js"
import type { InvalidInput } from "../service/errors.js"
import type { NotFound, StoreUnavailable } from "../store/errors.js"
import type { MemberCount } from "../store/member-counts.js"
import { Store } from "../store/port.js"
import { OrganizationId } from "../tenant/ids.js"

/** Statuses that end a file: 取消预备党员资格, 转出, 自行脱党, 除名, 去世, and an application closed without admission. */
export type ExitStatus = Exclude<MemberStatus, "active" | "suspended">

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

/** One organization of the subtree and the members filed under it (members of a 党小组 are filed under its branch). */
export interface OrganizationMembership extends MembershipCounts {
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

/** `root` and the organizations below it, depth-first, siblings in the order given; a cycle is cut. */
const depthFirst = (root: Organization, organizations: ReadonlyArray<Organization>) => {
  const out: Array<{ readonly organization: Organization; readonly depth: number }> = []
  const seen = new Set<string>()
  const visit = (organization: Organization, depth: number) => {
    if (seen.has(organization.id)) return
    seen.add(organization.id)
    out.push({ organization, depth })
    for (const child of organizations) if (child.parentId === organization.id) visit(child, depth + 1)
  }
  visit(root, 0)
  return out
}

/**
 * The summary of `root`'s subtree from `countMembers` rows. Rows of organizations outside the
 * subtree are ignored. Pure: it reads nothing.
 */
export const summarizeMembership = (
  root: Organization,
  organizations: ReadonlyArray<Organization>,
  counts: ReadonlyArray<MemberCount>
): MembershipSummary => {
  const placed = depthFirst(root, organizations)
  const tallies = new Map<string, Tally>(placed.map(({ organization }) => [organization.id, emptyCounts()]))
  const totals = emptyCounts()
  for (const row of counts) {
    const tally = tallies.get(row.organizationId)
    if (tally === undefined) continue
    add(tally, row)
    add(totals, row)
  }
  return {
    organizationId: root.id,
    organizations: placed.map(({ organization: o, depth }) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      parentId: o.parentId,
      depth,
      ...tallies.get(o.id)!
    })),
    totals
  }
}

/** 党员人数统计 — input of {@link membershipSummary}: the organization whose subtree is counted. */
export const MembershipSummaryInput = Schema.Struct({ organizationId: OrganizationId })
export type MembershipSummaryInput = typeof MembershipSummaryInput.Encoded

/**
 * The membership of an organization and its subtree, counted by the store: one `countMembers` call
 * and one list of the tenant's organizations, however many branches the subtree has; no member
 * record is read. It needs `report.aggregate` on the organization (a county viewer has it there
 * and below), and the result holds no person's id or name. Reads only; writes nothing.
 */
export const membershipSummary = (
  ctx: CommandContext,
  raw: unknown
): Effect.Effect<MembershipSummary, InvalidInput | NotFound | Forbidden | StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(MembershipSummaryInput, "report.membershipSummary")(raw)
    const { organizations, organization } = yield* loadForAction(ctx, input.organizationId, "report.aggregate")
    const store = yield* Store
    const counts = yield* store.countMembers(ctx.tenantId, { organizationIds: subtreeIds(organization.id, organizations) })
    return summarizeMembership(organization, organizations, counts)
  })
