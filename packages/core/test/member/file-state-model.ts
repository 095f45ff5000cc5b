import { addMonths, addYears, type CivilDate } from "../../src/calendar/civil-date.js"
import { effectiveDate, type FileState, isNegative, isPositive } from "../../src/member/file-state.js"
import type { Member } from "../../src/member/member.js"
import { candidateApprovalRule, type CandidateApprovalKind } from "../../src/member/rules-candidate.js"
import { probationLengthRule } from "../../src/member/rules-probation.js"
import type { StepRecord } from "../../src/member/step.js"
import { ruleAt, type RuleProfile } from "../../src/profile/profile.js"

/**
 * The replay as first written: each step spreads the whole state into a new object (twice for some
 * steps), and every entered member's probation end is looked up. Slow but plainly immutable; the
 * replay in `file-state.ts`, which changes one local copy in place, must give exactly its states
 * (`file-state.test.ts`).
 */

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
export const spreadingApplyStep = (state: FileState, record: StepRecord, profile: RuleProfile): FileState => {
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
export const spreadingFileState = (member: Member, profile: RuleProfile, on?: CivilDate): FileState => {
  let state = initial(member, profile)
  if (on !== undefined && member.joinedOn !== null) {
    if (member.joinedOn > on) return { ...state, stage: undefined }
    if (member.convertedOn !== null && member.convertedOn > on) state = { ...state, stage: "probationary" }
  }
  for (const record of member.steps) {
    if (on !== undefined && effectiveDate(record) > on) break
    state = spreadingApplyStep(state, record, profile)
  }
  return state
}
