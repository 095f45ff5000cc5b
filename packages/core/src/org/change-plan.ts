import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import type { ChangeMove, OrganizationBefore, OrganizationChange, OrganizationChangeType } from "./change-record.js"
import { isFullMember, isMember } from "./eligibility.js"
import { OrganizationRuleBroken } from "./errors.js"
import type { Organization } from "./organization.js"
import { dissolutionMembersPlacedRule } from "./rules-change.js"
import { branchMaximumMembersRule, branchMinimumFullMembersRule, jointBranchMaximumUnitsRule } from "./rules-setup.js"

/** What a change writes: organizations changed and created, files moved, and the history record. */
export interface ChangePlan {
  readonly updated: ReadonlyArray<Organization>
  readonly created: ReadonlyArray<Omit<Organization, "version">>
  readonly moved: ReadonlyArray<Member>
  readonly record: Omit<OrganizationChange, "version">
}

/** What every change is given: its record id, date and basis (the higher committee's decision). */
export interface ChangeHeader {
  readonly id: string
  readonly effectiveOn: CivilDate
  readonly basis: string
}

/** Files that must move with their organization: every file not closed for good. */
export const staysOnFile = (m: Member): boolean => m.status === "active" || m.status === "suspended"

const beforeOf = (o: Organization): OrganizationBefore => ({ id: o.id, kind: o.kind, parentId: o.parentId, units: o.units, dissolvedOn: o.dissolvedOn })

const moveTo = (member: Member, to: string, on: CivilDate): Member => ({
  ...member,
  organizationId: to as Member["organizationId"],
  partyGroupId: null,
  formerOrganizations: [...(member.formerOrganizations ?? []), { organizationId: member.organizationId, until: on }]
})

const refuse = (operation: string, organizationId: string, rule: ResolvedRule, zh: string, en: string, missing?: string) =>
  Either.left(
    new OrganizationRuleBroken({ operation, organizationId, ...refusedBy(rule, { zh, en }, missing === undefined ? {} : { missing }) })
  )

const record = (
  header: ChangeHeader,
  change: OrganizationChangeType,
  organization: Organization,
  before: ReadonlyArray<Organization>,
  created: ReadonlyArray<string>,
  moves: ReadonlyArray<ChangeMove>
): Omit<OrganizationChange, "version"> => ({
  tenantId: organization.tenantId,
  id: header.id,
  change,
  organizationId: organization.id,
  effectiveOn: header.effectiveOn,
  basis: header.basis,
  before: before.map(beforeOf),
  created: created as OrganizationChange["created"],
  moves
})

/** A branch as it will be after a change, checked against the setup rules that a change can break. */
const checkBranch = (
  operation: string,
  id: string,
  name: string,
  members: ReadonlyArray<Member>,
  profile: RuleProfile,
  on: CivilDate
): Either.Either<void, OrganizationRuleBroken> => {
  const maximum = ruleAt(profile, branchMaximumMembersRule, on)
  const count = members.filter(isMember).length
  if (count > maximum.parameters.maximum) {
    return refuse(
      operation,
      id,
      maximum,
      `${name}将有党员 ${count} 人，超过 ${maximum.parameters.maximum} 人：应分设支部或设立党总支`,
      `${name} would have ${count} members, more than ${maximum.parameters.maximum}: split it or set up a general branch`
    )
  }
  const minimum = ruleAt(profile, branchMinimumFullMembersRule, on)
  const full = members.filter(isFullMember).length
  if (full < minimum.parameters.minimum) {
    return refuse(
      operation,
      id,
      minimum,
      `${name}将仅有正式党员 ${full} 人，少于 ${minimum.parameters.minimum} 人`,
      `${name} would have ${full} full members, fewer than ${minimum.parameters.minimum}`
    )
  }
  return Either.void
}

/** One new branch of a split: its id and name, and the files it takes. */
export interface SplitPart {
  readonly id: string
  readonly name: string
  readonly memberIds: ReadonlyArray<string>
}

/**
 * 分设支部 — a branch divided into new branches on `effectiveOn`. Every file of the branch goes to
 * exactly one part; each part is a branch within the setup rules (at most 50 members, at least 3
 * full ones). The old branch becomes a general branch over the parts (`generalBranch`), or is
 * dissolved and the parts sit beside it under its parent (`dissolved`).
 */
export const planSplit = (
  header: ChangeHeader,
  org: Organization,
  members: ReadonlyArray<Member>,
  parts: ReadonlyArray<SplitPart>,
  becomes: "generalBranch" | "dissolved",
  profile: RuleProfile
): Either.Either<ChangePlan, OrganizationRuleBroken> => {
  const operation = "organization.split"
  const on = header.effectiveOn
  const placed = ruleAt(profile, dissolutionMembersPlacedRule, on)
  const files = members.filter((m) => m.organizationId === org.id && staysOnFile(m))
  const assigned = parts.flatMap((p) => p.memberIds)
  const unknown = assigned.filter((id) => !files.some((m) => m.id === id))
  if (unknown.length > 0 || new Set(assigned).size !== assigned.length) {
    return refuse(operation, org.id, placed, `${unknown.join("、") || "同一党员"}不在${org.name}名册上或被分入两个支部`, `${unknown.join(", ") || "a member"} is not on ${org.name}'s roll or is in two parts`, "member")
  }
  const left = files.filter((m) => !assigned.includes(m.id))
  if (left.length > 0) {
    return refuse(operation, org.id, placed, `${left.map((m) => m.name).join("、")}未编入任何新支部`, `${left.map((m) => m.id).join(", ")} are in no new branch`, `member ${left[0]!.id}`)
  }
  for (const p of parts) {
    const check = checkBranch(operation, p.id, p.name, files.filter((m) => p.memberIds.includes(m.id)), profile, on)
    if (Either.isLeft(check)) return Either.left(check.left)
  }
  const parentId = becomes === "generalBranch" ? org.id : org.parentId
  const created = parts.map(
    (p): Omit<Organization, "version"> => ({
      tenantId: org.tenantId,
      id: p.id as Organization["id"],
      kind: "branch",
      formation: "elected",
      name: p.name,
      parentId: parentId as Organization["parentId"],
      units: org.units,
      basis: org.basis,
      canApproveAdmissions: false,
      foundedOn: on,
      leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
      term: null,
      dissolvedOn: null
    })
  )
  const after: Organization =
    becomes === "generalBranch" ? { ...org, kind: "generalBranch", formation: "elected" } : { ...org, dissolvedOn: on }
  const moved = parts.flatMap((p) => files.filter((m) => p.memberIds.includes(m.id)).map((m) => moveTo(m, p.id, on)))
  const moves = moved.map((m): ChangeMove => ({ memberId: m.id, from: org.id, to: m.organizationId }))
  return Either.right({ updated: [after], created, moved, record: record(header, "split", org, [org], parts.map((p) => p.id), moves) })
}

/**
 * 合并支部 — branches joined into `survivor` on `effectiveOn`: the others are dissolved, their files
 * and party groups move to the survivor, which covers every unit of them (a joint branch when that is
 * more than one). Refused when the result breaks the setup rules: more than 50 members, fewer than 3
 * full ones, or a joint branch over more units than the profile allows (rule `org.jointBranch.maximumUnits`).
 */
export const planMerge = (
  header: ChangeHeader,
  survivor: Organization,
  others: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  groups: ReadonlyArray<Organization>,
  profile: RuleProfile
): Either.Either<ChangePlan, OrganizationRuleBroken> => {
  const operation = "organization.merge"
  const on = header.effectiveOn
  const units = [...new Set([survivor, ...others].flatMap((o) => o.units))]
  const joint = ruleAt(profile, jointBranchMaximumUnitsRule, on)
  if (units.length > joint.parameters.maximum) {
    return refuse(
      operation,
      survivor.id,
      joint,
      `合并后的联合党支部将覆盖 ${units.length} 个单位，超过 ${joint.parameters.maximum} 个`,
      `the merged joint branch would cover ${units.length} units, more than ${joint.parameters.maximum}`
    )
  }
  const ids = new Set([survivor.id, ...others.map((o) => o.id)] as ReadonlyArray<string>)
  const files = members.filter((m) => ids.has(m.organizationId) && staysOnFile(m))
  const check = checkBranch(operation, survivor.id, survivor.name, files, profile, on)
  if (Either.isLeft(check)) return Either.left(check.left)
  const after: Organization = { ...survivor, kind: units.length > 1 ? "jointBranch" : survivor.kind, units, basis: units.length > 1 ? "joint" : survivor.basis }
  const dissolved = others.map((o): Organization => ({ ...o, dissolvedOn: on }))
  const regrouped = groups.filter((g) => g.parentId !== null && ids.has(g.parentId) && g.parentId !== survivor.id).map((g) => ({ ...g, parentId: survivor.id }))
  const moved = files.filter((m) => m.organizationId !== survivor.id).map((m) => moveTo(m, survivor.id, on))
  const moves = moved.map((m): ChangeMove => ({ memberId: m.id, from: m.formerOrganizations!.at(-1)!.organizationId, to: survivor.id }))
  return Either.right({
    updated: [after, ...dissolved, ...regrouped],
    created: [],
    moved,
    record: record(header, "merge", survivor, [survivor, ...others, ...regrouped], [], moves)
  })
}

/**
 * 总支改支部 — a general branch whose branches have shrunk becomes a branch on `effectiveOn`: its
 * branches are dissolved, their files and party groups move to it. Refused when the result breaks
 * the setup rules (more than 50 members, fewer than 3 full ones).
 */
export const planCollapse = (
  header: ChangeHeader,
  general: Organization,
  branches: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  groups: ReadonlyArray<Organization>,
  profile: RuleProfile
): Either.Either<ChangePlan, OrganizationRuleBroken> => {
  const operation = "organization.changeKind"
  const on = header.effectiveOn
  const ids = new Set([general.id, ...branches.map((b) => b.id)] as ReadonlyArray<string>)
  const files = members.filter((m) => ids.has(m.organizationId) && staysOnFile(m))
  const check = checkBranch(operation, general.id, general.name, files, profile, on)
  if (Either.isLeft(check)) return Either.left(check.left)
  const after: Organization = { ...general, kind: "branch", formation: "elected" }
  const dissolved = branches.map((b): Organization => ({ ...b, dissolvedOn: on }))
  const regrouped = groups.filter((g) => g.parentId !== null && branches.some((b) => b.id === g.parentId)).map((g) => ({ ...g, parentId: general.id }))
  const moved = files.filter((m) => m.organizationId !== general.id).map((m) => moveTo(m, general.id, on))
  const moves = moved.map((m): ChangeMove => ({ memberId: m.id, from: m.formerOrganizations!.at(-1)!.organizationId, to: general.id }))
  return Either.right({
    updated: [after, ...dissolved, ...regrouped],
    created: [],
    moved,
    record: record(header, "changeKind", general, [general, ...branches, ...regrouped], [], moves)
  })
}

/**
 * 撤销 — an organization dissolved on `effectiveOn`, only once no file is left in it and every
 * organization below it is dissolved (rule `org.dissolution.membersPlaced`).
 */
export const planDissolve = (
  header: ChangeHeader,
  org: Organization,
  members: ReadonlyArray<Member>,
  children: ReadonlyArray<Organization>,
  profile: RuleProfile
): Either.Either<ChangePlan, OrganizationRuleBroken> => {
  const rule = ruleAt(profile, dissolutionMembersPlacedRule, header.effectiveOn)
  const files = members.filter((m) => m.organizationId === org.id && staysOnFile(m))
  if (files.length > 0) {
    return refuse(
      "organization.dissolve",
      org.id,
      rule,
      `${org.name}尚有 ${files.length} 名人员的档案未转出，须先全部转出或编入其他支部`,
      `${org.name} still holds ${files.length} files: move them all first`,
      `member ${files[0]!.id}`
    )
  }
  const open = children.filter((c) => c.dissolvedOn === null)
  if (open.length > 0) {
    return refuse(
      "organization.dissolve",
      org.id,
      rule,
      `${org.name}下尚有未撤销的组织 ${open.map((c) => c.name).join("、")}`,
      `${org.name} still has organizations below it: ${open.map((c) => c.id).join(", ")}`,
      `organization ${open[0]!.id}`
    )
  }
  return Either.right({ updated: [{ ...org, dissolvedOn: header.effectiveOn }], created: [], moved: [], record: record(header, "dissolve", org, [org], [], []) })
}
