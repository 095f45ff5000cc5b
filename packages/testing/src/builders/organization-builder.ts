import {
  type CivilDate,
  civilDate,
  nationalBaseline,
  type Organization,
  type OrganizationBasis,
  type OrganizationKind,
  ruleAt,
  type RuleProfile,
  termLengthRule
} from "../internal/core.js"

type Leadership = Organization["leadership"]
type Draft = Omit<Organization, "version">

const none: Leadership = { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] }

/** The term length the profile gives a kind (committee 5, branch 3 years); party groups have no term. */
const termYears = (kind: OrganizationKind, on: CivilDate, profile: RuleProfile): number | undefined => {
  if (kind === "partyGroup") return undefined
  return ruleAt(profile, termLengthRule, on).parameters[kind]
}

/**
 * 组织构建器 — one organization record, valid by its Schema, in a few lines:
 *
 * ```ts
 * aBranch("b1").under("county").named("城关第一小学党支部").electedOn("2025-06-28").build()
 * ```
 *
 * Elected bodies get the term the profile gives their kind from `electedOn`; an appointed body
 * (a 教育工委) has none. Immutable: every method returns a new builder.
 */
export class OrganizationBuilder {
  /**
   * Start from {@link anOrganization}, {@link aBranch}, {@link aPartyGroup} or {@link aCountyCommittee}.
   * @internal
   */
  constructor(
    private readonly draft: Draft,
    private readonly profile: RuleProfile = nationalBaseline
  ) {}

  private with(change: Partial<Draft>): OrganizationBuilder {
    return new OrganizationBuilder({ ...this.draft, ...change }, this.profile)
  }

  /** The tenant the record belongs to (default `tenant-1`). */
  inTenant(tenantId: string): OrganizationBuilder {
    return this.with({ tenantId: tenantId as Draft["tenantId"] })
  }

  /** The organization's id. */
  withId(id: string): OrganizationBuilder {
    return this.with({ id: id as Draft["id"] })
  }

  /** The organization's name, e.g. `城关第一小学党支部`. */
  named(name: string): OrganizationBuilder {
    return this.with({ name })
  }

  /** Places the organization under `parentId` (null: a root). */
  under(parentId: string | null): OrganizationBuilder {
    return this.with({ parentId: parentId as Draft["parentId"] })
  }

  /** 所属单位 — the schools it covers. */
  units(...units: ReadonlyArray<string>): OrganizationBuilder {
    return this.with({ units })
  }

  /** 组建依据 — what the organization is set up on: a school, a grade, a subject, a joint unit or other. */
  basis(basis: OrganizationBasis): OrganizationBuilder {
    return this.with({ basis })
  }

  /** 成立 — the day the organization was founded (`YYYY-MM-DD`). */
  foundedOn(on: string): OrganizationBuilder {
    return this.with({ foundedOn: civilDate(on) })
  }

  /** 选举 — the current term began on `on`, for the profile's term length of the kind unless `years` is given. */
  electedOn(on: string, years?: number): OrganizationBuilder {
    const electedOn = civilDate(on)
    const length = years ?? termYears(this.draft.kind, electedOn, this.profile)
    return this.with({ formation: "elected", term: length === undefined ? null : { electedOn, years: length } })
  }

  /** 派出/任命 — appointed by the higher committee (a 教育工委): no term, no membership threshold. */
  appointed(): OrganizationBuilder {
    return this.with({ formation: "appointed", term: null })
  }

  /** 班子 — the secretary, deputies and committee (the committee includes secretary and deputies). */
  leadership(leadership: Partial<Organization["leadership"]>): OrganizationBuilder {
    return this.with({ leadership: { ...this.draft.leadership, ...leadership } as Leadership })
  }

  /** 审批权 — may approve admissions (only a 党委). */
  approvesAdmissions(can = true): OrganizationBuilder {
    return this.with({ canApproveAdmissions: can })
  }

  /** 撤销 — the day the organization was dissolved (null: not dissolved). */
  dissolvedOn(on: string | null): OrganizationBuilder {
    return this.with({ dissolvedOn: on === null ? null : civilDate(on) })
  }

  /** The rule profile that gives the term length (default: the national baseline). */
  withProfile(profile: RuleProfile): OrganizationBuilder {
    return new OrganizationBuilder(this.draft, profile)
  }

  /** The record, at version 1. */
  build(): Organization {
    return { ...this.draft, version: 1 }
  }

  /** The record without a version, as a store's `create` takes it. */
  draftRecord(): Omit<Organization, "version"> {
    return this.draft
  }
}

const FOUNDED = civilDate("2010-09-01")
const ELECTED = civilDate("2024-06-28")

const base = (kind: OrganizationKind, id: string, name: string): Draft => ({
  tenantId: "tenant-1" as Draft["tenantId"],
  id: id as Draft["id"],
  kind,
  formation: "elected",
  name,
  parentId: null,
  units: ["示范学校"],
  basis: "school",
  canApproveAdmissions: false,
  foundedOn: FOUNDED,
  leadership: none,
  term: null,
  dissolvedOn: null
})

/** 县委教育工委 — an appointed committee that approves admissions, with no term and no parent. */
export const aCountyCommittee = (id = "county"): OrganizationBuilder =>
  new OrganizationBuilder({ ...base("committee", id, "示范县委教育工委"), formation: "appointed", units: ["示范县教育局"], basis: "other", canApproveAdmissions: true })

/** 党支部 — a school branch elected on 2024-06-28 for three years, under the county committee. */
export const aBranch = (id = "branch-1"): OrganizationBuilder =>
  new OrganizationBuilder(base("branch", id, "示范学校党支部")).under("county").electedOn(ELECTED)

/** 党小组 — a party group on a grade team (年级组) under branch `branch-1`. */
export const aPartyGroup = (id = "group-1"): OrganizationBuilder =>
  new OrganizationBuilder({ ...base("partyGroup", id, "一年级组党小组"), parentId: "branch-1" as Draft["parentId"], basis: "grade" })

/** Any kind of organization, with that kind's defaults. */
export const anOrganization = (kind: OrganizationKind = "branch", id = `${kind}-1`): OrganizationBuilder =>
  kind === "committee"
    ? aCountyCommittee(id)
    : kind === "partyGroup"
      ? aPartyGroup(id)
      : new OrganizationBuilder(base(kind, id, kind === "generalBranch" ? "示范学校党总支" : "示范学校党支部")).under("county").electedOn(ELECTED)

/** One school of {@link countyTree}: its branch and the party groups of its teams. */
export interface SchoolSpec {
  readonly id: string
  /** The school's name (所属单位); the branch is named `<school>党支部`. */
  readonly school: string
  readonly electedOn?: string
  readonly groups?: ReadonlyArray<{ readonly id: string; readonly name: string; readonly basis?: OrganizationBasis }>
}

/**
 * 组织树 — a county 教育工委 over school branches and their party groups, parents first, all in one
 * tenant:
 *
 * ```ts
 * countyTree({ tenantId: "t1", schools: [{ id: "b1", school: "城关中学", groups: [{ id: "b1-g7", name: "七年级组党小组" }] }] })
 * ```
 */
export const countyTree = (spec: {
  readonly tenantId?: string
  readonly countyId?: string
  readonly countyName?: string
  readonly schools: ReadonlyArray<SchoolSpec>
}): ReadonlyArray<Organization> => {
  const tenantId = spec.tenantId ?? "tenant-1"
  const countyId = spec.countyId ?? "county"
  let county = aCountyCommittee(countyId).inTenant(tenantId)
  if (spec.countyName !== undefined) county = county.named(spec.countyName)
  const out: Array<Organization> = [county.build()]
  for (const school of spec.schools) {
    out.push(
      aBranch(school.id)
        .inTenant(tenantId)
        .under(countyId)
        .named(`${school.school}党支部`)
        .units(school.school)
        .electedOn(school.electedOn ?? ELECTED)
        .build()
    )
    for (const group of school.groups ?? []) {
      out.push(
        aPartyGroup(group.id)
          .inTenant(tenantId)
          .under(school.id)
          .named(group.name)
          .units(school.school)
          .basis(group.basis ?? "grade")
          .build()
      )
    }
  }
  return out
}
