import type { CivilDate } from "../calendar/civil-date.js"
import type { RuleProfile } from "../profile/profile.js"
import { fileState } from "./file-state.js"
import type { Member, MemberStage } from "./member.js"

/**
 * 发展阶段 — the stage the recorded steps imply: applicant after the application, activist after
 * `activistDesignation`, candidate after `candidateDesignation` (2014) or after the approved
 * `candidateApproval` whose 公示 closed (2026), probationary after an approved `admissionApproval`,
 * full after an approved `conversionApproval` of a `convert` resolution. A member entered without a
 * file is probationary from `joinedOn` and full from `convertedOn`.
 */
export const deriveStage = (member: Member, profile: RuleProfile): MemberStage | undefined => fileState(member, profile).stage

/** The stage on `on` (only steps effective by then count); undefined before the file began. */
export const stageOn = (member: Member, on: CivilDate, profile: RuleProfile): MemberStage | undefined =>
  fileState(member, profile, on).stage

/** 预备期 — start (the admission meeting), end (with an approved extension), and whether it was extended. */
export interface Probation {
  readonly start: CivilDate
  readonly end: CivilDate
  readonly extended: boolean
}

/** The member's probation, once the admission meeting is recorded (or for an entered member). */
export const probationOf = (member: Member, profile: RuleProfile): Probation | undefined => {
  const state = fileState(member, profile)
  if (state.probationStart === undefined || state.probationEnd === undefined) return undefined
  return { start: state.probationStart, end: state.probationEnd, extended: state.extensions > 0 }
}

/**
 * 党龄起算日 — the day probation ended and the member converted (`member.partyStanding.start`): the
 * probation end (or the extended end), never the approval date. Undefined until the member is full.
 */
export const partyStandingStart = (member: Member, profile: RuleProfile): CivilDate | undefined =>
  fileState(member, profile).conversionOn
