import * as Either from "effect/Either"
import {
  addYears,
  type CivilDate,
  civilDate,
  fileState,
  type Member,
  type MemberCategory,
  type MemberIdentity,
  type MemberStage,
  nationalBaseline,
  openApplicantFile,
  recordStep,
  type RuleProfile,
  type StepContext,
  type StepId,
  type StepRecord,
  type StepRejected,
  type VoteTally,
  weekdayCalendar,
  type WorkdayCalendar
} from "../internal/core.js"
import { defaultPeople, existingMemberFile } from "./existing-member.js"
import { type Anchors, type Milestones, PlanError, type PlanOptions, planMilestones, probationEnd } from "./member-plan.js"
import { cutSteps, planSteps } from "./member-steps.js"

/** Who the person is; every field has a default (tenant `tenant-1`, branch `branch-1`, id `member-1`). */
export interface IdentityInput {
  readonly tenantId?: string
  readonly id?: string
  readonly organizationId?: string
  readonly partyGroupId?: string | null
  readonly name?: string
  readonly gender?: Member["gender"]
  /** Default: 28 years before the application (or the joining date). */
  readonly birthDate?: string
  readonly category?: MemberCategory
}

/** A built file and the full members it names (培养联系人, 入党介绍人), as a test would store them. */
export interface BuiltFile {
  readonly member: Member
  readonly people: ReadonlyArray<Member>
}

/**
 * The builder could not make the file: core refused a step (`refusal`, citing its rule), or the
 * dates asked for cannot make a file at all.
 */
export class MemberBuilderError extends Error {
  override readonly name = "MemberBuilderError"
  constructor(
    message: string,
    readonly refusal?: StepRejected,
    readonly record?: StepRecord
  ) {
    super(message)
  }
}

interface State {
  readonly identity: IdentityInput
  readonly anchors: Anchors
  /** `convertedOn` undefined: the end of the probation the profile sets. */
  readonly existing?: { readonly joinedOn: CivilDate; readonly convertedOn: CivilDate | null | undefined }
  readonly asOf?: CivilDate
  readonly stopBefore?: StepId
  readonly through?: StepId
  readonly contacts?: ReadonlyArray<string>
  readonly introducers?: ReadonlyArray<string>
  readonly people?: ReadonlyArray<Member>
  readonly vote: VoteTally
  readonly decidedBy: string
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
  readonly lastContactOn: CivilDate | null
}

const stages: ReadonlyArray<MemberStage> = ["applicant", "activist", "candidate", "probationary", "full"]
const anchorOf: Readonly<Record<MemberStage, keyof Anchors>> = {
  applicant: "appliedOn",
  activist: "activistOn",
  candidate: "candidateOn",
  probationary: "admittedOn",
  full: "convertedOn"
}

/** The stage of the latest date given: the stage the file is built to reach. */
const targetOf = (anchors: Anchors): MemberStage | undefined => stages.findLast((stage) => anchors[anchorOf[stage]] !== undefined)

const date = (input: string | CivilDate): CivilDate => civilDate(input)

/**
 * 档案构建器 — builds a member file at any stage with valid dates in a few lines:
 *
 * ```ts
 * aMember().activistSince("2025-03-15").build()                 // 入党积极分子
 * aMember().probationaryAdmittedOn("2025-06-30").build()         // 预备党员
 * aMember({ id: "p-wang" }).fullMember({ convertedOn: "2024-07-01" }).build()
 * ```
 *
 * The dates not given are planned from the rules of the profile (talk within a month, a year as an
 * activist, 公示 under the 2026 rules, approval within three months, a year of probation), and each
 * step is recorded with core's `recordStep`: a file the rules refuse is a {@link MemberBuilderError}
 * quoting the refusal. Builders are immutable: every method returns a new builder.
 */
export class MemberBuilder {
  /**
   * Start from {@link aMember}.
   * @internal
   */
  constructor(private readonly state: State) {}

  private with(change: Partial<State>): MemberBuilder {
    return new MemberBuilder({ ...this.state, ...change })
  }

  private anchor(change: Anchors): MemberBuilder {
    const { existing: _existing, ...rest } = this.state
    return new MemberBuilder({ ...rest, anchors: { ...this.state.anchors, ...change } })
  }

  /** Changes who the person is (id, tenant, organization, name, birth date …). */
  identity(identity: IdentityInput): MemberBuilder {
    return this.with({ identity: { ...this.state.identity, ...identity } })
  }

  /** The member's id (shorthand for `identity({ id })`). */
  withId(id: string): MemberBuilder {
    return this.identity({ id })
  }

  /** Files the member in `organizationId` (and party group `partyGroupId`). */
  inOrganization(organizationId: string, partyGroupId: string | null = null): MemberBuilder {
    return this.identity({ organizationId, partyGroupId })
  }

  /** 递交入党申请书 on `on`: an applicant (入党申请人), talked with two weeks later. */
  appliedOn(on: string): MemberBuilder {
    return this.anchor({ appliedOn: date(on) })
  }

  /** 入党积极分子 since `on` (the branch committee's designation). */
  activistSince(on: string): MemberBuilder {
    return this.anchor({ activistOn: date(on) })
  }

  /** 发展对象 since `on`: designated then (2014 rules) or posted until then after consent (2026 rules). */
  candidateSince(on: string): MemberBuilder {
    return this.anchor({ candidateOn: date(on) })
  }

  /** 预备党员 admitted by the branch meeting on `on` (probation starts), approved a month later unless given. */
  probationaryAdmittedOn(on: string, options: { readonly approvedOn?: string } = {}): MemberBuilder {
    return this.anchor({ admittedOn: date(on), ...(options.approvedOn === undefined ? {} : { admissionApprovedOn: date(options.approvedOn) }) })
  }

  /** 正式党员 through the whole recruitment file, converted on `convertedOn` (the probation end; 党龄 counts from it). */
  fullMember(options: { readonly convertedOn: string; readonly approvedOn?: string }): MemberBuilder {
    return this.anchor({
      convertedOn: date(options.convertedOn),
      ...(options.approvedOn === undefined ? {} : { admissionApprovedOn: date(options.approvedOn) })
    })
  }

  /**
   * 录入已有党员 — a member who joined before the records began: probationary from `joinedOn`, full
   * from `convertedOn` (by default the end of a year's probation; `null` for still probationary).
   */
  existingMember(options: { readonly joinedOn: string; readonly convertedOn?: string | null }): MemberBuilder {
    const joinedOn = date(options.joinedOn)
    const convertedOn = options.convertedOn === undefined || options.convertedOn === null ? options.convertedOn : date(options.convertedOn)
    return this.with({ existing: { joinedOn, convertedOn } })
  }

  /** Keeps the file up to date until `on` (half-yearly assessments, the talk, …) and records nothing after it. */
  asOf(on: string): MemberBuilder {
    return this.with({ asOf: date(on) })
  }

  /** Ends the file right before the first `step` (e.g. an applicant still waiting for the talk). */
  stopBefore(step: StepId): MemberBuilder {
    return this.with({ stopBefore: step })
  }

  /** Continues the file through `step`, past the stage's usual end (e.g. a candidate through the 政审). */
  through(step: StepId): MemberBuilder {
    return this.with({ through: step })
  }

  /** 培养联系人 — one or two full members, by id. */
  contacts(...ids: ReadonlyArray<string>): MemberBuilder {
    return this.with({ contacts: ids })
  }

  /** 入党介绍人 — two full members, by id. */
  introducers(...ids: ReadonlyArray<string>): MemberBuilder {
    return this.with({ introducers: ids })
  }

  /**
   * The full members the file may name (checked by core on each step's date). Without it the
   * builder makes two, `<id>-p1` and `<id>-p2`, returned by {@link buildFile}.
   */
  people(people: ReadonlyArray<Member>): MemberBuilder {
    return this.with({ people })
  }

  /** The tally of the admission and conversion meetings (default: 9 due, 8 present, 8 yes). */
  vote(vote: VoteTally): MemberBuilder {
    return this.with({ vote })
  }

  /** Who decides for the higher committee (default 上级党委). */
  decidedBy(name: string): MemberBuilder {
    return this.with({ decidedBy: name })
  }

  /** The rule profile the dates are planned for and checked against (default: the national baseline). */
  profile(profile: RuleProfile): MemberBuilder {
    return this.with({ profile })
  }

  /** The working-day calendar that counts the 公示 (default: Monday to Friday). */
  workdays(workdays: WorkdayCalendar): MemberBuilder {
    return this.with({ workdays })
  }

  /** The last day the organization could reach the member (for 失联; null: not recorded). */
  lastContactOn(on: string | null): MemberBuilder {
    return this.with({ lastContactOn: on === null ? null : date(on) })
  }

  /** The planned milestones and steps, before core checks them (to look at, or to feed a service). */
  plan(): { readonly milestones: Milestones; readonly steps: ReadonlyArray<StepRecord> } {
    const options = this.planOptions(this.state.contacts ?? [], this.state.introducers ?? [])
    const milestones = planMilestones(options)
    return { milestones, steps: cutSteps(planSteps(milestones, options), options) }
  }

  /** The file and the people it names, or the reason it cannot be built. */
  tryBuildFile(): Either.Either<BuiltFile, MemberBuilderError> {
    try {
      return this.buildOrThrow()
    } catch (error) {
      if (error instanceof PlanError) return Either.left(new MemberBuilderError(error.message))
      throw error
    }
  }

  /** The file and the people it names; throws a {@link MemberBuilderError} when it cannot be built. */
  buildFile(): BuiltFile {
    const result = this.tryBuildFile()
    if (Either.isLeft(result)) throw result.left
    return result.right
  }

  /** The member's file; throws a {@link MemberBuilderError} when it cannot be built. */
  build(): Member {
    return this.buildFile().member
  }

  private person(on: CivilDate): MemberIdentity {
    const i = this.state.identity
    return {
      tenantId: (i.tenantId ?? "tenant-1") as MemberIdentity["tenantId"],
      id: (i.id ?? "member-1") as MemberIdentity["id"],
      organizationId: (i.organizationId ?? "branch-1") as MemberIdentity["organizationId"],
      partyGroupId: (i.partyGroupId ?? null) as MemberIdentity["partyGroupId"],
      name: i.name ?? "王老师",
      gender: i.gender ?? "female",
      birthDate: i.birthDate === undefined ? addYears(on, -28) : date(i.birthDate),
      category: i.category ?? "teacher"
    }
  }

  private planOptions(contacts: ReadonlyArray<string>, introducers: ReadonlyArray<string>): PlanOptions {
    const s = this.state
    const target = targetOf(s.anchors)
    if (target === undefined) throw new PlanError("give a date: appliedOn, activistSince, candidateSince, probationaryAdmittedOn, fullMember or existingMember")
    return {
      target,
      anchors: s.anchors,
      contacts,
      introducers,
      vote: s.vote,
      decidedBy: s.decidedBy,
      profile: s.profile,
      workdays: s.workdays,
      ...(s.asOf === undefined ? {} : { asOf: s.asOf }),
      ...(s.stopBefore === undefined ? {} : { stopBefore: s.stopBefore }),
      ...(s.through === undefined ? {} : { through: s.through })
    }
  }

  private buildOrThrow(): Either.Either<BuiltFile, MemberBuilderError> {
    const s = this.state
    if (s.existing !== undefined) {
      const { joinedOn } = s.existing
      const convertedOn = s.existing.convertedOn === undefined ? probationEnd(joinedOn, s.profile) : s.existing.convertedOn
      const member = existingMemberFile(this.person(joinedOn), joinedOn, convertedOn, s.profile, s.asOf ?? convertedOn ?? joinedOn)
      return Either.right({ member: { ...member, lastContactOn: s.lastContactOn }, people: [] })
    }
    // Leaves room for the suffix within the 64 characters of an id.
    const id = (s.identity.id ?? "member-1").slice(0, 60)
    const roster = s.people?.map((p) => p.id as string)
    const contacts = s.contacts ?? (roster === undefined ? [`${id}-p1`] : roster.slice(0, 1))
    const introducers = s.introducers ?? (roster === undefined ? [`${id}-p1`, `${id}-p2`] : roster.slice(0, 2))
    const options = this.planOptions(contacts, introducers)
    const milestones = planMilestones(options)
    const steps = cutSteps(planSteps(milestones, options), options)
    const person = this.person(milestones.appliedOn)
    const people = s.people ?? defaultPeople(person, [...new Set([...contacts, ...introducers])], milestones.appliedOn, s.profile)
    const last = steps.at(-1)
    const today = [s.asOf, last?.date, last?.publicity?.to].reduce<CivilDate>((a, b) => (b !== undefined && b > a ? b : a), milestones.appliedOn)
    const context: StepContext = { profile: s.profile, today, workdays: s.workdays, people }

    const [first, ...rest] = steps
    if (first === undefined) return Either.left(new MemberBuilderError(`no step of the file is on or before ${today}`))
    let result = openApplicantFile(person, first, context)
    for (const record of rest) {
      if (Either.isLeft(result)) break
      result = recordStep(result.right, record, context)
    }
    if (Either.isLeft(result)) {
      const refusal = result.left
      const record = steps.find((r) => r.step === refusal.step)
      return Either.left(new MemberBuilderError(`${person.id}: ${refusal.step} refused: ${refusal.message}`, refusal, record))
    }
    const member: Member = { ...result.right, lastContactOn: s.lastContactOn }
    const explicitEnd = s.stopBefore !== undefined || s.through !== undefined
    const stage = fileState(member, s.profile).stage
    if (!explicitEnd && stage !== options.target) {
      return Either.left(new MemberBuilderError(`${person.id}: the file reaches ${stage ?? "no stage"} by ${today}, not ${options.target}; is asOf before the ${anchorOf[options.target]} date?`))
    }
    return Either.right({ member, people })
  }
}

/** Starts a member file; see {@link MemberBuilder}. */
export const aMember = (identity: IdentityInput = {}): MemberBuilder =>
  new MemberBuilder({
    identity,
    anchors: {},
    vote: { dueVoting: 9, presentVoting: 8, yes: 8, no: 0, abstain: 0, writtenYes: 0, writtenNo: 0 },
    decidedBy: "上级党委",
    profile: nationalBaseline,
    workdays: weekdayCalendar,
    lastContactOn: null
  })
