import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"

/**
 * The kinds of party organization:
 * 党委 committee, 党总支 general branch, 党支部 branch, 联合党支部 joint branch, 党小组 party group.
 */
export const OrganizationKind = Schema.Literal("committee", "generalBranch", "branch", "jointBranch", "partyGroup")
export type OrganizationKind = typeof OrganizationKind.Type

/** 设置方式 — what a school branch is built on: the whole school, a 年级组 (grade) or a 教研组 (subject). */
export const OrganizationBasis = Schema.Literal("school", "grade", "subject", "joint", "other")
export type OrganizationBasis = typeof OrganizationBasis.Type

/**
 * 组建方式 — `elected` by a general meeting or congress (every branch, most committees), or
 * `appointed` by the higher committee: a county 教育工委 or another 派出机构 has no term to renew
 * and no membership threshold.
 */
export const Formation = Schema.Literal("elected", "appointed")
export type Formation = typeof Formation.Type

/** 班子 — the secretary, deputies and the other committee members (all person ids). */
export const Leadership = Schema.Struct({
  secretaryId: Schema.NullOr(PersonId),
  deputySecretaryIds: Schema.Array(PersonId),
  /** 支部委员 — every committee member, including the secretary and deputies. Empty when there is no committee. */
  committeeMemberIds: Schema.Array(PersonId)
})
export type Leadership = typeof Leadership.Type

/** 延期换届 — a higher committee's approval to hold the election later (at most one year). */
export const TermExtension = Schema.Struct({
  approvedOn: CivilDate,
  approvedBy: Schema.String.pipe(Schema.minLength(1)),
  months: Schema.Int.pipe(Schema.between(1, 12))
})
export type TermExtension = typeof TermExtension.Type

/** 任期 — the current term, from the election that started it. */
export const Term = Schema.Struct({
  electedOn: CivilDate,
  /** The term length that applied at the election (from the profile, 3 or 5 years). */
  years: Schema.Int.pipe(Schema.between(1, 5)),
  extension: Schema.optional(TermExtension)
})
export type Term = typeof Term.Type

/** 党组织 — one node of the organization tree of a tenant. */
export const Organization = Schema.Struct({
  tenantId: TenantId,
  id: OrganizationId,
  /** Optimistic-concurrency version; the store sets it (1 on create, +1 on each update). */
  version: Schema.Int.pipe(Schema.positive()),
  kind: OrganizationKind,
  /** Absent in records written before the field existed: those were elected bodies. */
  formation: Schema.optionalWith(Formation, { default: () => "elected" as const }),
  name: DisplayText(1, 200),
  parentId: Schema.NullOr(OrganizationId),
  /** 所属单位 — the schools (units) the organization covers; a joint branch covers several. */
  units: Schema.Array(Schema.String.pipe(Schema.minLength(1))),
  basis: OrganizationBasis,
  /** 审批权 — a committee that may approve 预备党员 (only a 党委 can). */
  canApproveAdmissions: Schema.Boolean,
  foundedOn: CivilDate,
  leadership: Leadership,
  term: Schema.NullOr(Term),
  dissolvedOn: Schema.NullOr(CivilDate)
})
export type Organization = typeof Organization.Type
