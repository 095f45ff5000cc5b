import {
  activistAssessmentIntervalRule,
  addDays,
  addMonths,
  admissionApprovalDeadlineRule,
  candidateTrainingRule,
  type CivilDate,
  conversionApprovalDeadlineRule,
  type MemberStage,
  type PersonId,
  ruleAt,
  type StepId,
  type StepRecord
} from "../internal/core.js"
import { consentFor, days, max, type Milestones, min, type PlanOptions, regimeAt } from "./member-plan.js"

/**
 * The steps of a planned file: the whole path of 25 steps from the milestones, then the part the
 * file holds. Dates never go backwards; core's `recordStep` checks everything else.
 */

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
