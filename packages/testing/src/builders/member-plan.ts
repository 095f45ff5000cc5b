import {
  activistMinimumCultivationRule,
  addDays,
  addMonths,
  addYears,
  admissionApprovalDeadlineRule,
  candidateApprovalRule,
  candidatePublicityRule,
  type CivilDate,
  countWorkdays,
  type MemberStage,
  probationLengthRule,
  ruleAt,
  type RuleProfile,
  type StepId,
  toEpochDay,
  type VoteTally,
  type WorkdayCalendar
} from "../internal/core.js"

/**
 * Dates for a recruitment file (发展党员档案), planned from the few dates a test cares about. The
 * plan only proposes steps; the builder then records each one with core's `recordStep`, so a plan
 * that breaks a rule is refused with the rule's own message.
 */

/** The dates a test may fix; the planner fills in the rest. */
export interface Anchors {
  /** 递交入党申请书 — the application date. */
  readonly appliedOn?: CivilDate
  /** 确定为入党积极分子 — the activist designation date. */
  readonly activistOn?: CivilDate
  /** 发展对象 from this day: the designation (2014 rules) or the end of the 公示 (2026 rules). */
  readonly candidateOn?: CivilDate
  /** 支部大会讨论接收 — the admission meeting; probation starts here. */
  readonly admittedOn?: CivilDate
  /** 上级党委审批 — the higher committee's approval of the admission (default: a month after the meeting). */
  readonly admissionApprovedOn?: CivilDate
  /** 转正时间 — the probation end, from which 党龄 counts (the conversion meeting is held that day). */
  readonly convertedOn?: CivilDate
}

/** Everything the planner needs besides the anchors. */
export interface PlanOptions {
  readonly target: MemberStage
  readonly anchors: Anchors
  /** Keep the file up to date until this day; no step after it. */
  readonly asOf?: CivilDate
  /** End the file right before the first occurrence of this step. */
  readonly stopBefore?: StepId
  /** End the file right after the last planned occurrence of this step. */
  readonly through?: StepId
  readonly contacts: ReadonlyArray<string>
  readonly introducers: ReadonlyArray<string>
  readonly vote: VoteTally
  /** Who decides for the higher committee (recorded on each decision). */
  readonly decidedBy: string
  readonly profile: RuleProfile
  readonly workdays: WorkdayCalendar
}

/** The planned dates of the file's milestones. */
export interface Milestones {
  readonly appliedOn: CivilDate
  readonly activistOn: CivilDate
  readonly candidateDesignatedOn: CivilDate
  readonly candidateOn: CivilDate
  readonly admittedOn: CivilDate
  readonly admissionApprovedOn: CivilDate
  readonly convertedOn: CivilDate
}

/** A planning request that no file can satisfy (not a rule refusal: those come from `recordStep`). */
export class PlanError extends Error {
  override readonly name = "PlanError"
}

export const days = (from: CivilDate, to: CivilDate): number => toEpochDay(to) - toEpochDay(from)
export const max = (a: CivilDate, b: CivilDate): CivilDate => (a >= b ? a : b)
export const min = (a: CivilDate, b: CivilDate): CivilDate => (a <= b ? a : b)

/** The admission approval a month after the meeting, unless the rule allows less. */
export const defaultAdmissionApproval = (admittedOn: CivilDate, profile: RuleProfile): CivilDate =>
  addMonths(admittedOn, Math.min(1, ruleAt(profile, admissionApprovalDeadlineRule, admittedOn).parameters.months))

/** 预备期满 — the admission meeting plus the probation the rule sets. */
export const probationEnd = (admittedOn: CivilDate, profile: RuleProfile): CivilDate =>
  addYears(admittedOn, ruleAt(profile, probationLengthRule, admittedOn).parameters.years)

/** The admission meeting whose probation ends on `convertedOn`, or a PlanError when none does. */
const admissionFor = (convertedOn: CivilDate, profile: RuleProfile): CivilDate => {
  const years = ruleAt(profile, probationLengthRule, addYears(convertedOn, -1)).parameters.years
  const admittedOn = addYears(convertedOn, -years)
  if (probationEnd(admittedOn, profile) !== convertedOn) {
    throw new PlanError(`no probation of ${years} year(s) ends on ${convertedOn} (a 29 February cannot be reached by adding years)`)
  }
  return admittedOn
}

export const regimeAt = (profile: RuleProfile, on: CivilDate) => ruleAt(profile, candidateApprovalRule, on).parameters.requires

/**
 * The designation date for a candidate effective on `candidateOn`. Under the 2014 rules the person
 * is a candidate from the designation; under the 2026 rules from the end of the 公示 that follows the
 * higher committee's consent, so the designation is a few weeks earlier.
 */
const designationFor = (candidateOn: CivilDate, profile: RuleProfile, workdays: WorkdayCalendar): CivilDate => {
  if (regimeAt(profile, candidateOn) === "filing") return candidateOn
  for (const gap of [21, 28, 35, 14, 10, 7]) {
    const designatedOn = addDays(candidateOn, -gap)
    if (regimeAt(profile, designatedOn) === "filing") continue
    const minimum = ruleAt(profile, candidatePublicityRule, designatedOn).parameters.minimumWorkdays
    if (countWorkdays(workdays, consentFor(designatedOn, candidateOn), candidateOn) >= minimum) return designatedOn
  }
  // Right after the 2026 rules took effect there is no room for consent and 公示: designate the day
  // before, under the 2014 rules (the person is then a candidate a little earlier than asked).
  let designatedOn = addDays(candidateOn, -1)
  while (regimeAt(profile, designatedOn) !== "filing") designatedOn = addDays(designatedOn, -1)
  return designatedOn
}

/** The end of the 公示 after a designation on `designatedOn` (2026 rules): three weeks or more, enough working days. */
const publicityEndAfter = (designatedOn: CivilDate, profile: RuleProfile, workdays: WorkdayCalendar): CivilDate => {
  if (regimeAt(profile, designatedOn) === "filing") return designatedOn
  const minimum = ruleAt(profile, candidatePublicityRule, designatedOn).parameters.minimumWorkdays
  let candidateOn = addDays(designatedOn, 21)
  while (countWorkdays(workdays, consentFor(designatedOn, candidateOn), candidateOn) < minimum) candidateOn = addDays(candidateOn, 7)
  return candidateOn
}

/** The higher committee's consent, a few days after the designation and before the 公示 ends. */
export const consentFor = (designatedOn: CivilDate, candidateOn: CivilDate): CivilDate =>
  addDays(designatedOn, Math.max(0, Math.min(5, days(designatedOn, candidateOn) - 7)))

/** Fills in the milestones the anchors leave open, backwards from the latest one and forwards from `asOf`. */
export const planMilestones = (options: PlanOptions): Milestones => {
  const { anchors, profile, workdays, asOf } = options
  const horizon = asOf ?? anchors.convertedOn ?? anchors.admittedOn ?? anchors.candidateOn ?? anchors.activistOn ?? anchors.appliedOn
  if (horizon === undefined) throw new PlanError("give at least one date: appliedOn, activistSince, candidateSince, probationaryAdmittedOn or fullMember")

  let admittedOn = anchors.admittedOn
  if (anchors.convertedOn !== undefined) {
    const fromConversion = admissionFor(anchors.convertedOn, profile)
    if (admittedOn !== undefined && admittedOn !== fromConversion) {
      throw new PlanError(`an admission on ${admittedOn} ends probation on ${probationEnd(admittedOn, profile)}, not ${anchors.convertedOn}`)
    }
    admittedOn = fromConversion
  }

  // Backwards from the latest anchor.
  let candidateOn = anchors.candidateOn ?? (admittedOn === undefined ? undefined : addMonths(admittedOn, -4))
  let designatedOn = candidateOn === undefined ? undefined : designationFor(candidateOn, profile, workdays)
  if (anchors.candidateOn === undefined && designatedOn !== undefined && anchors.activistOn !== undefined) {
    // A later activist date pushes the designation to the end of the year of cultivation.
    const cultivation = ruleAt(profile, activistMinimumCultivationRule, anchors.activistOn).parameters.years
    const earliest = addYears(anchors.activistOn, cultivation)
    if (designatedOn < earliest) {
      designatedOn = earliest
      candidateOn = publicityEndAfter(earliest, profile, workdays)
    }
  }
  const activistOn =
    anchors.activistOn ??
    (designatedOn !== undefined
      ? addMonths(designatedOn, -12 * ruleAt(profile, activistMinimumCultivationRule, addYears(designatedOn, -1)).parameters.years - 1)
      : anchors.appliedOn !== undefined
        ? max(addMonths(anchors.appliedOn, 2), addDays(horizon, 1))
        : horizon)
  const appliedOn = anchors.appliedOn ?? addMonths(activistOn, -2)

  // Forwards: milestones after the target lie beyond `asOf`, so a file kept up to date is on track.
  if (designatedOn === undefined) {
    const cultivation = ruleAt(profile, activistMinimumCultivationRule, activistOn).parameters.years
    designatedOn = max(addMonths(addYears(activistOn, cultivation), 1), addDays(horizon, 1))
    candidateOn = publicityEndAfter(designatedOn, profile, workdays)
  }
  const candidate = candidateOn!
  const admitted = admittedOn ?? max(addMonths(candidate, 4), addDays(horizon, 45))
  const admissionApprovedOn = anchors.admissionApprovedOn ?? defaultAdmissionApproval(admitted, profile)
  return {
    appliedOn,
    activistOn,
    candidateDesignatedOn: designatedOn,
    candidateOn: candidate,
    admittedOn: admitted,
    admissionApprovedOn,
    convertedOn: anchors.convertedOn ?? probationEnd(admitted, profile)
  }
}
