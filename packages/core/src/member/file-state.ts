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

/** A file state being built by one replay: a local copy, changed in place step after step. */
type Draft = { -readonly [K in keyof FileState]: FileState[K] }

// Written as whole literals, not `{ ...base, … }`: V8 copies a spread object that gains new keys
// a hundred times more slowly, and a county replays thousands of files.
const initial = (member: Member, profile: RuleProfile): Draft => {
  const joinedOn = member.joinedOn
  if (joinedOn === null) {
    return { stage: undefined, ended: undefined, entered: undefined, last: undefined, lastDate: undefined, extensions: 0, conversionApplied: false }
  }
  const convertedOn = member.convertedOn
  if (convertedOn !== null) {
    // A converted member's probation ended on the conversion: the probation rule need not be looked up.
    return {
      stage: "full",
      ended: undefined,
      entered: "full",
      last: undefined,
      lastDate: convertedOn,
      extensions: 0,
      conversionApplied: false,
      probationStart: joinedOn,
      probationEnd: convertedOn,
      conversionOn: convertedOn
    }
  }
  return {
    stage: "probationary",
    ended: undefined,
    entered: "probationary",
    last: undefined,
    lastDate: joinedOn,
    extensions: 0,
    conversionApplied: false,
    probationStart: joinedOn,
    probationEnd: addYears(joinedOn, ruleAt(profile, probationLengthRule, joinedOn).parameters.years)
  }
}

const regimeAt = (profile: RuleProfile, on: CivilDate): CandidateApprovalKind =>
  ruleAt(profile, candidateApprovalRule, on).parameters.requires

/** Applies one step (already checked) to the state of the file. */
export const applyStep = (state: FileState, record: StepRecord, profile: RuleProfile): FileState => {
  const draft: Draft = { ...state }
  applyStepTo(draft, record, profile)
  return draft
}

/**
 * {@link applyStep} in place, on a draft no one else holds: a replay copies the state once, not
 * once per step. A field the step clears is deleted, as the spreading version leaves it out.
 */
const applyStepTo = (s: Draft, record: StepRecord, profile: RuleProfile): void => {
  const d = record.date
  s.last = record
  s.lastDate = effectiveDate(record)
  switch (record.step) {
    case "application":
      s.stage = "applicant"
      s.applicationOn = d
      return
    case "applicationTalk":
      s.talkOn = d
      return
    case "activistDesignation":
      s.stage = "activist"
      s.activistOn = d
      return
    case "activistAssessment":
      s.lastActivistAssessmentOn = d
      return
    case "candidateDesignation": {
      const regime = regimeAt(profile, d)
      s.candidateDesignatedOn = d
      s.candidateRegime = regime
      if (regime === "filing") {
        s.stage = "candidate"
        s.candidateOn = d
      }
      return
    }
    case "candidateApproval":
      if (isNegative(record.decision)) {
        delete s.candidateOn
        s.stage = "activist"
      } else if (s.candidateRegime === "consent") {
        s.stage = "candidate"
        s.candidateOn = effectiveDate(record)
      }
      return
    case "preliminaryReview":
      if (isPositive(record.decision)) s.preliminaryReviewOn = d
      return
    case "admissionMeeting": {
      const years = ruleAt(profile, probationLengthRule, d).parameters.years
      s.admissionMeetingOn = d
      s.probationStart = d
      s.probationEnd = addYears(d, years)
      return
    }
    case "admissionApproval":
      if (isPositive(record.decision)) {
        s.stage = "probationary"
        s.admissionApprovalOn = d
      } else {
        s.ended = "closed"
      }
      return
    case "oath":
      s.oathOn = d
      return
    case "probationAssessment":
      s.lastProbationAssessmentOn = d
      return
    case "conversionApplication":
      s.conversionApplied = true
      return
    case "conversionMeeting": {
      const outcome = record.decision?.outcome
      if (outcome !== "convert" && outcome !== "extend" && outcome !== "cancel") return
      s.pendingConversion = { meetingOn: d, outcome, extensionMonths: record.decision?.extensionMonths ?? 0 }
      return
    }
    case "conversionApproval":
      applyConversionApproval(s, record)
      return
    default:
      return
  }
}

const applyConversionApproval = (s: Draft, record: StepRecord): void => {
  const pending = s.pendingConversion
  delete s.pendingConversion
  if (pending === undefined || !isPositive(record.decision)) return
  switch (pending.outcome) {
    case "convert":
      s.stage = "full"
      s.conversionOn = s.probationEnd!
      return
    case "extend":
      s.extensions = s.extensions + 1
      s.probationEnd = addMonths(s.probationEnd!, pending.extensionMonths)
      return
    case "cancel":
      s.ended = "probationCancelled"
      return
  }
}

/** Replays the recorded steps of a member's file (only those effective on or before `on`, when given). */
export const fileState = (member: Member, profile: RuleProfile, on?: CivilDate): FileState => {
  const state = initial(member, profile)
  if (on !== undefined && member.joinedOn !== null) {
    if (member.joinedOn > on) {
      state.stage = undefined
      return state
    }
    if (member.convertedOn !== null && member.convertedOn > on) state.stage = "probationary"
  }
  for (const record of member.steps) {
    if (on !== undefined && effectiveDate(record) > on) break
    applyStepTo(state, record, profile)
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
