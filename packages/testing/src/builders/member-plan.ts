import {
  activistAssessmentIntervalRule,
  activistMinimumCultivationRule,
  addDays,
  addMonths,
  addYears,
  admissionApprovalDeadlineRule,
  candidateApprovalRule,
  candidatePublicityRule,
  candidateTrainingRule,
  type CivilDate,
  conversionApprovalDeadlineRule,
  countWorkdays,
  type MemberStage,
  type PersonId,
  probationLengthRule,
  ruleAt,
  type RuleProfile,
  type StepId,
  type StepRecord,
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

const days = (from: CivilDate, to: CivilDate): number => toEpochDay(to) - toEpochDay(from)
const max = (a: CivilDate, b: CivilDate): CivilDate => (a >= b ? a : b)
const min = (a: CivilDate, b: CivilDate): CivilDate => (a <= b ? a : b)
const person = (id: string): PersonId => id as PersonId

/** The step that ends each target stage: the file stops before it when kept up to date. */
const stageBoundary: Readonly<Record<MemberStage, StepId | undefined>> = {
  applicant: "activistDesignation",
  activist: "candidateDesignation",
  candidate: "admissionMeeting",
  probationary: "conversionMeeting",
  full: undefined
}

/** Without `asOf`, the file ends with the routine steps that follow the stage's start. */
const stageTail: Readonly<Record<MemberStage, StepId>> = {
  applicant: "applicationTalk",
  activist: "contactsAssigned",
  candidate: "candidateApproval",
  probationary: "oath",
  full: "archived"
}

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

const regimeAt = (profile: RuleProfile, on: CivilDate) => ruleAt(profile, candidateApprovalRule, on).parameters.requires

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
const consentFor = (designatedOn: CivilDate, candidateOn: CivilDate): CivilDate =>
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

type Draft = Omit<StepRecord, "people" | "materials"> & { readonly people?: ReadonlyArray<PersonId>; readonly materials?: ReadonlyArray<string> }

const record = (draft: Draft): StepRecord => ({ people: [], materials: [], ...draft })

/** Every `months` from `from` (exclusive) up to `until` (inclusive). */
const every = (from: CivilDate, months: number, until: CivilDate): ReadonlyArray<CivilDate> => {
  const out: Array<CivilDate> = []
  for (let d = addMonths(from, months); d <= until; d = addMonths(d, months)) out.push(d)
  return out
}

/** Places `count` dates evenly inside `from`–`to` (both exclusive when there is room). */
const spread = (from: CivilDate, to: CivilDate, count: number): ReadonlyArray<CivilDate> => {
  const span = Math.max(0, days(from, to))
  return Array.from({ length: count }, (_, i) => addDays(from, Math.floor((span * (i + 1)) / (count + 1))))
}

/** The whole path of the file from the application to the archive, from the milestones. */
export const planSteps = (m: Milestones, options: PlanOptions): ReadonlyArray<StepRecord> => {
  const { profile, decidedBy, asOf } = options
  const horizon = asOf ?? m.convertedOn
  const decision = (outcome: "approved" | "passed") => ({ outcome, decidedBy })
  const steps: Array<StepRecord> = []
  const push = (draft: Draft) => {
    const last = steps.at(-1)
    // Never before the previous step: squeezed plans put steps on the same day instead.
    const floor = last === undefined ? draft.date : last.publicity !== undefined && last.publicity.to > last.date ? last.publicity.to : last.date
    steps.push(record({ ...draft, date: max(draft.date, floor) }))
  }

  // 一 申请入党
  push({ step: "application", date: m.appliedOn, materials: ["入党申请书"] })
  push({ step: "applicationTalk", date: addDays(m.appliedOn, Math.min(14, Math.floor(days(m.appliedOn, m.activistOn) / 2))) })

  // 二 入党积极分子
  const filedOn = min(addDays(m.activistOn, 7), m.candidateDesignatedOn)
  push({ step: "activistDesignation", date: m.activistOn })
  push({ step: "activistFiling", date: filedOn })
  push({ step: "contactsAssigned", date: filedOn, people: options.contacts.map(person) })
  const interval = ruleAt(profile, activistAssessmentIntervalRule, m.activistOn).parameters.months
  // Half-yearly assessments until the designation (at least one: the chart asks for it), or `asOf`.
  const assessments = every(m.activistOn, interval, min(m.candidateDesignatedOn, horizon))
  for (const date of assessments.length > 0 ? assessments : [m.candidateDesignatedOn]) {
    push({ step: "activistAssessment", date, materials: ["考察意见"] })
  }

  // 三 发展对象
  push({ step: "candidateDesignation", date: m.candidateDesignatedOn })
  if (regimeAt(profile, m.candidateDesignatedOn) === "consent") {
    const consentOn = consentFor(m.candidateDesignatedOn, m.candidateOn)
    push({ step: "candidateApproval", date: consentOn, decision: decision("approved"), publicity: { from: consentOn, to: m.candidateOn } })
  } else {
    push({ step: "candidateApproval", date: min(addDays(m.candidateDesignatedOn, 7), addDays(m.admittedOn, -28)), decision: decision("approved") })
  }
  const after = steps.at(-1)!
  const candidateFrom = after.publicity?.to ?? after.date
  const prepared = addDays(m.admittedOn, -21)
  const [introducedOn, reviewedOn, trainedOn] = spread(candidateFrom, prepared, 3) as [CivilDate, CivilDate, CivilDate]
  const training = ruleAt(profile, candidateTrainingRule, trainedOn).parameters
  push({ step: "introducersAssigned", date: introducedOn, people: options.introducers.map(person) })
  push({ step: "politicalReview", date: reviewedOn, decision: decision("passed"), materials: ["政审材料"] })
  push({ step: "intensiveTraining", date: trainedOn, training: { days: Math.ceil(training.minimumDays), hours: Math.ceil(training.minimumHours) } })
  push({ step: "committeeReview", date: prepared })
  push({ step: "preliminaryReview", date: addDays(m.admittedOn, -14), decision: decision("approved") })
  push({ step: "applicationFormIssued", date: addDays(m.admittedOn, -7), materials: ["入党志愿书"] })

  // 四 预备党员的接收
  const approvalDeadline = addMonths(m.admittedOn, ruleAt(profile, admissionApprovalDeadlineRule, m.admittedOn).parameters.months)
  push({ step: "admissionMeeting", date: m.admittedOn, vote: options.vote })
  push({ step: "approvalTalk", date: addDays(m.admittedOn, Math.min(10, Math.floor(days(m.admittedOn, m.admissionApprovedOn) / 2))) })
  push({
    step: "admissionApproval",
    date: m.admissionApprovedOn,
    decision: m.admissionApprovedOn > approvalDeadline ? { ...decision("approved"), specialCase: true } : decision("approved")
  })
  push({ step: "admissionFiling", date: addDays(m.admissionApprovedOn, 7) })
  push({ step: "placement", date: addDays(m.admissionApprovedOn, 7) })
  push({ step: "oath", date: addDays(m.admissionApprovedOn, 14) })

  // 五 教育考察和转正
  // Half-yearly, as branches usually assess (no rule fixes the interval); at least one before the application.
  const appliedForConversion = addDays(m.convertedOn, -15)
  const probationChecks = every(m.admittedOn, 6, min(appliedForConversion, horizon)).filter((d) => d >= steps.at(-1)!.date)
  for (const date of probationChecks.length > 0 ? probationChecks : [appliedForConversion]) {
    push({ step: "probationAssessment", date, materials: ["考察意见"] })
  }
  const conversionApprovedOn = addMonths(m.convertedOn, Math.min(1, ruleAt(profile, conversionApprovalDeadlineRule, m.convertedOn).parameters.months))
  push({ step: "conversionApplication", date: appliedForConversion, materials: ["转正申请书"] })
  push({ step: "conversionMeeting", date: m.convertedOn, vote: options.vote, decision: { outcome: "convert", decidedBy: "支部大会" } })
  push({ step: "conversionApproval", date: conversionApprovedOn, decision: decision("approved") })
  push({ step: "archived", date: addDays(conversionApprovedOn, 10) })
  return steps
}

const effective = (s: StepRecord): CivilDate => (s.publicity !== undefined && s.publicity.to > s.date ? s.publicity.to : s.date)

/**
 * The part of the planned path the file holds: up to the target's routine tail (or `through`, or
 * before `stopBefore`), never past the target stage when kept up to date, and nothing after `asOf`.
 */
export const cutSteps = (path: ReadonlyArray<StepRecord>, options: PlanOptions): ReadonlyArray<StepRecord> => {
  const { target, asOf, stopBefore, through } = options
  let end = path.length
  if (stopBefore !== undefined) {
    const i = path.findIndex((s) => s.step === stopBefore)
    if (i >= 0) end = i
  } else if (through !== undefined || asOf === undefined) {
    const last = through ?? stageTail[target]
    const i = path.findLastIndex((s) => s.step === last)
    if (i >= 0) end = i + 1
  } else {
    const boundary = stageBoundary[target]
    const i = boundary === undefined ? -1 : path.findIndex((s) => s.step === boundary)
    if (i >= 0) end = i
  }
  const kept: Array<StepRecord> = []
  for (const s of path.slice(0, end)) {
    if (asOf !== undefined && effective(s) > asOf) break
    kept.push(s)
  }
  return kept
}
