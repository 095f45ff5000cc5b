import { MemberStage, MemberStatus } from "../member/member.js"
import { OrganizationKind } from "../org/organization.js"

/** The quarters of a year, as the dues figures name them. */
export const quarterKeys = ["Q1", "Q2", "Q3", "Q4"] as const
/** A quarter of the year as the dues figures name it: `Q1` to `Q4`. */
export type QuarterKey = (typeof quarterKeys)[number]

/** Dues of one quarter, in fen: due and paid by dues month, collected by payment date. */
export type QuarterDues = {
  readonly due: number
  readonly paid: number
  readonly collected: number
}

/** One meeting obligation over the year: periods judged (ended by the report date) and how many met, and periods still open. */
export type ObligationTally = {
  readonly required: number
  readonly met: number
  readonly gap: number
  readonly open: number
}

/**
 * 年度指标 — one organization's figures for the annual summary (its own records, or its subtree's):
 * every leaf is a count or a sum that adds up across organizations.
 */
export type AnnualFigures = {
  /** Organizations by kind: 1 for the organization itself, so a subtree counts its committees, branches and groups. */
  readonly organizations: Readonly<Record<OrganizationKind, number>>
  readonly members: {
    /** Files by status on the report date (files begun by then). */
    readonly status: Readonly<Record<MemberStatus, number>>
    /** Active files by stage: 入党申请人, 积极分子, 发展对象, 预备党员, 正式党员. `status.active` is their sum. */
    readonly active: Readonly<Record<MemberStage, number>>
  }
  /** 发展党员 — admissions approved by the higher committee in the year. */
  readonly newlyDeveloped: number
  /** 转正 — probations that ended in a conversion in the year. */
  readonly converted: number
  /** 换届 — elections held in the year, and elections due in it (held, or a term ended by the year's end). */
  readonly elections: { readonly held: number; readonly due: number }
  /** 书记调整 — changes of one secretary for another in the year. */
  readonly secretariesChanged: number
  /** 党费 by quarter of the year, in fen. */
  readonly dues: Readonly<Record<QuarterKey, QuarterDues>>
  /** 学时 — members on the roll at the year's end against their targets (tenths of a 学时). */
  readonly study: {
    readonly onRoll: number
    readonly met: number
    readonly behind: number
    readonly excused: number
    readonly creditedTenths: number
    readonly targetTenths: number
  }
  /** 组织生活 by obligation key (the meeting kind, `lectureBySecretary` for the secretary's 党课). */
  readonly compliance: Readonly<Record<string, ObligationTally>>
  /** 民主评议 — grades given in the year's evaluations. */
  readonly evaluation: {
    readonly evaluated: number
    readonly excellent: number
    readonly qualified: number
    readonly basicallyQualified: number
    readonly unqualified: number
  }
  /** 整改 — items raised in the year, closed in the year, and open at the report date. */
  readonly rectification: { readonly raised: number; readonly closed: number; readonly open: number }
}

const zeros = <K extends string>(keys: ReadonlyArray<K>): Record<K, number> => {
  // A loop, not Object.fromEntries: the summary makes one zero per organization.
  const out = {} as Record<K, number>
  for (const k of keys) out[k] = 0
  return out
}

/** Figures of an organization with no records. */
export const zeroAnnualFigures = (): AnnualFigures => ({
  organizations: zeros(OrganizationKind.literals),
  members: { status: zeros(MemberStatus.literals), active: zeros(MemberStage.literals) },
  newlyDeveloped: 0,
  converted: 0,
  elections: { held: 0, due: 0 },
  secretariesChanged: 0,
  dues: { Q1: { due: 0, paid: 0, collected: 0 }, Q2: { due: 0, paid: 0, collected: 0 }, Q3: { due: 0, paid: 0, collected: 0 }, Q4: { due: 0, paid: 0, collected: 0 } } satisfies Record<QuarterKey, QuarterDues>,
  study: { onRoll: 0, met: 0, behind: 0, excused: 0, creditedTenths: 0, targetTenths: 0 },
  compliance: {},
  evaluation: { evaluated: 0, excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 },
  rectification: { raised: 0, closed: 0, open: 0 }
})
