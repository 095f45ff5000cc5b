import { addMonths, addYears, type CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Member, MemberStage } from "./member.js"
import { candidateApprovalRule, type CandidateApprovalKind } from "./rules-candidate.js"
import { probationLengthRule } from "./rules-probation.js"
import type { Decision, StepId, StepRecord } from "./step.js"

/** What a recorded decision means for the file: it lets the file go on, or it does not. */
export const isPositive = (decision: Decision | undefined): boolean =>
  decision?.outcome === "approved" || decision?.outcome === "passed"

export const isNegative = (decision: Decision | undefined): boolean =>
  decision?.outcome === "rejected" || decision?.outcome === "failed"

/**
 * The date a step takes effect. A step with a 公示 takes effect when the posting closes (the 2026
 * rules list a 发展对象 only once the posting raised no bar); any other step on its own date.
 */
export const effectiveDate = (record: StepRecord): CivilDate =>
  record.publicity !== undefined && record.publicity.to > record.date ? record.publicity.to : record.date

/** A conversion resolution of the branch meeting waiting for the higher committee. */
export interface PendingConversion {
  readonly meetingOn: CivilDate
  readonly outcome: "convert" | "extend" | "cancel"
  readonly extensionMonths: number
}

/**
 * 档案进度 — everything the recorded steps imply: the stage, the dates that start the clocks of the
 * timeline, and whether the file is closed. Built by {@link fileState}; never stored.
 */
export interface FileState {
  readonly stage: MemberStage | undefined
  /** `closed` after a rejected admission, `probationCancelled` after an approved cancellation. */
  readonly ended: "closed" | "probationCancelled" | undefined
  readonly entered: "probationary" | "full" | undefined
  readonly last: StepRecord | undefined
  /** The effective date of the last step (or the entry date for an entered member). */
  readonly lastDate: CivilDate | undefined
  readonly applicationOn?: CivilDate
  readonly talkOn?: CivilDate
  readonly activistOn?: CivilDate
  readonly lastActivistAssessmentOn?: CivilDate
  readonly candidateDesignatedOn?: CivilDate
  /** How the higher committee takes part, chosen by the date of the committee's designation. */
  readonly candidateRegime?: CandidateApprovalKind
  readonly candidateOn?: CivilDate
  readonly preliminaryReviewOn?: CivilDate
  readonly admissionMeetingOn?: CivilDate
  readonly admissionApprovalOn?: CivilDate
  readonly oathOn?: CivilDate
  readonly lastProbationAssessmentOn?: CivilDate
  /** 预备期 — from the admission meeting (or `joinedOn`), to its end including an approved extension. */
  readonly probationStart?: CivilDate
  readonly probationEnd?: CivilDate
  readonly extensions: number
  readonly conversionApplied: boolean
  readonly pendingConversion?: PendingConversion
  /** 转正时间 — 党龄 counts from here: the probation end, never the approval date. */
  readonly conversionOn?: CivilDate
}

const initial = (member: Member, profile: RuleProfile): FileState => {
  const base: FileState = { stage: undefined, ended: undefined, entered: undefined, last: undefined, lastDate: undefined, extensions: 0, conversionApplied: false }
  if (member.joinedOn === null) return base
  const probationEnd = addYears(member.joinedOn, ruleAt(profile, probationLengthRule, member.joinedOn).parameters.years)
  if (member.convertedOn !== null) {
    return { ...base, stage: "full", entered: "full", lastDate: member.convertedOn, probationStart: member.joinedOn, probationEnd: member.convertedOn, conversionOn: member.convertedOn }
  }
  return { ...base, stage: "probationary", entered: "probationary", lastDate: member.joinedOn, probationStart: member.joinedOn, probationEnd }
}

const regimeAt = (profile: RuleProfile, on: CivilDate): CandidateApprovalKind =>
  ruleAt(profile, candidateApprovalRule, on).parameters.requires

/** Applies one step (already checked) to the state of the file. */
export const applyStep = (state: FileState, record: StepRecord, profile: RuleProfile): FileState => {
  const d = record.date
  const s: FileState = { ...state, last: record, lastDate: effectiveDate(record) }
  switch (record.step) {
    case "application":
      return { ...s, stage: "applicant", applicationOn: d }
    case "applicationTalk":
      return { ...s, talkOn: d }
    case "activistDesignation":
      return { ...s, stage: "activist", activistOn: d }
    case "activistAssessment":
      return { ...s, lastActivistAssessmentOn: d }
    case "candidateDesignation": {
      const regime = regimeAt(profile, d)
      return regime === "filing"
        ? { ...s, stage: "candidate", candidateDesignatedOn: d, candidateRegime: regime, candidateOn: d }
        : { ...s, candidateDesignatedOn: d, candidateRegime: regime }
    }
    case "candidateApproval": {
      if (isNegative(record.decision)) {
        const { candidateOn: _dropped, ...rest } = s
        return { ...rest, stage: "activist" }
      }
      return state.candidateRegime === "consent" ? { ...s, stage: "candidate", candidateOn: effectiveDate(record) } : s
    }
    case "preliminaryReview":
      return isPositive(record.decision) ? { ...s, preliminaryReviewOn: d } : s
    case "admissionMeeting": {
      const years = ruleAt(profile, probationLengthRule, d).parameters.years
      return { ...s, admissionMeetingOn: d, probationStart: d, probationEnd: addYears(d, years) }
    }
    case "admissionApproval":
      return isPositive(record.decision)
        ? { ...s, stage: "probationary", admissionApprovalOn: d }
        : { ...s, ended: "closed" }
    case "oath":
      return { ...s, oathOn: d }
    case "probationAssessment":
      return { ...s, lastProbationAssessmentOn: d }
    case "conversionApplication":
      return { ...s, conversionApplied: true }
    case "conversionMeeting": {
      const outcome = record.decision?.outcome
      if (outcome !== "convert" && outcome !== "extend" && outcome !== "cancel") return s
      return { ...s, pendingConversion: { meetingOn: d, outcome, extensionMonths: record.decision?.extensionMonths ?? 0 } }
    }
    case "conversionApproval":
      return applyConversionApproval(state, s, record)
    default:
      return s
  }
}

const applyConversionApproval = (state: FileState, s: FileState, record: StepRecord): FileState => {
  const pending = state.pendingConversion
  const { pendingConversion: _, ...rest } = s
  if (pending === undefined || !isPositive(record.decision)) return rest as FileState
  switch (pending.outcome) {
    case "convert":
      return { ...rest, stage: "full", conversionOn: state.probationEnd } as FileState
    case "extend":
      return {
        ...rest,
        extensions: state.extensions + 1,
        probationEnd: addMonths(state.probationEnd!, pending.extensionMonths)
      } as FileState
    case "cancel":
      return { ...rest, ended: "probationCancelled" } as FileState
  }
}

/** Replays the recorded steps of a member's file (only those effective on or before `on`, when given). */
export const fileState = (member: Member, profile: RuleProfile, on?: CivilDate): FileState => {
  let state = initial(member, profile)
  if (on !== undefined && member.joinedOn !== null) {
    if (member.joinedOn > on) return { ...state, stage: undefined }
    if (member.convertedOn !== null && member.convertedOn > on) state = { ...state, stage: "probationary" }
  }
  for (const record of member.steps) {
    if (on !== undefined && effectiveDate(record) > on) break
    state = applyStep(state, record, profile)
  }
  return state
}

/** Steps that a file may start with when a probationary member was entered mid-probation. */
const enteredProbationStart: ReadonlyArray<StepId> = ["placement", "oath", "probationAssessment", "conversionApplication", "conversionMeeting"]

/** The steps the chart allows next, given the state of the file (empty when the file is finished or ended). */
export const nextSteps = (state: FileState): ReadonlyArray<StepId> => {
  if (state.ended !== undefined) return []
  const last = state.last
  if (last === undefined) {
    if (state.entered === "probationary") return enteredProbationStart
    return state.entered === "full" ? [] : ["application"]
  }
  switch (last.step) {
    case "application": return ["applicationTalk"]
    case "applicationTalk": return ["activistDesignation"]
    case "activistDesignation": return ["activistFiling"]
    case "activistFiling": return ["contactsAssigned"]
    case "contactsAssigned": return ["activistAssessment"]
    case "activistAssessment": return ["activistAssessment", "candidateDesignation"]
    case "candidateDesignation": return ["candidateApproval"]
    case "candidateApproval": return isNegative(last.decision) ? ["activistAssessment", "candidateDesignation"] : ["introducersAssigned"]
    case "introducersAssigned": return ["politicalReview"]
    case "politicalReview": return isPositive(last.decision) ? ["intensiveTraining"] : ["politicalReview"]
    case "intensiveTraining": return ["committeeReview"]
    case "committeeReview": return ["preliminaryReview"]
    case "preliminaryReview": return isPositive(last.decision) ? ["applicationFormIssued"] : ["preliminaryReview"]
    case "applicationFormIssued": return ["admissionMeeting"]
    case "admissionMeeting": return ["approvalTalk"]
    case "approvalTalk": return ["admissionApproval"]
    case "admissionApproval": return ["admissionFiling"]
    case "admissionFiling": return ["placement"]
    case "placement": return ["oath"]
    case "oath": return ["probationAssessment"]
    case "probationAssessment":
      return ["probationAssessment", state.conversionApplied ? "conversionMeeting" : "conversionApplication"]
    case "conversionApplication": return ["conversionMeeting"]
    case "conversionMeeting": return ["conversionApproval"]
    case "conversionApproval":
      if (state.stage === "full") return ["archived"]
      return isPositive(last.decision) ? ["probationAssessment", "conversionMeeting"] : ["conversionMeeting"]
    case "archived": return []
  }
}
