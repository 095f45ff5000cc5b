import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type CivilDate, civilDate } from "../../src/calendar/civil-date.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { recordStep } from "../../src/member/lifecycle.js"
import type { StepContext } from "../../src/member/lifecycle-context.js"
import type { Member } from "../../src/member/member.js"
import { type Decision, type StepId, StepRecord, type StepRecordInput } from "../../src/member/step.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { member } from "../support/records.js"

/** Test fixtures for the member lifecycle: files built through their Schemas, so every fixture is valid. */

export { TENANT } from "../support/records.js"
export const profile = nationalBaseline

export const person = (id: string, over: Partial<typeof Member.Encoded> = {}): Member =>
  member(id, "b1", { birthDate: "1980-03-01", ...over })

/** Full active members m1…m9 (joined 2010, converted 2011). */
export const fullMembers: ReadonlyArray<Member> = Array.from({ length: 9 }, (_, i) => person(`m${i + 1}`))

/** A fresh applicant's file with no steps yet (born 1990-01-01). */
export const blank = (over: Partial<typeof Member.Encoded> = {}): Member =>
  person("a1", { name: "申请人 a1", birthDate: "1990-01-01", stage: "applicant", joinedOn: null, convertedOn: null, ...over })

export const step = (input: StepRecordInput): StepRecord => Schema.decodeSync(StepRecord)(input)

export const ctx = (today: string, over: Partial<StepContext> = {}): StepContext => ({
  profile,
  today: civilDate(today),
  workdays: weekdayCalendar,
  people: fullMembers,
  ...over
})

const decided = (outcome: Decision["outcome"], extra: Record<string, unknown> = {}) => ({ decidedBy: "上级党委", outcome, ...extra })
export const passingVote = { dueVoting: 9, presentVoting: 8, yes: 7, no: 1, abstain: 0 }

/** A whole file under the 2026 rules, from the application (2026-05-12) to the archive (2028-10-10). */
export const path2026: ReadonlyArray<StepRecordInput> = [
  { step: "application", date: "2026-05-12" },
  { step: "applicationTalk", date: "2026-05-20" },
  { step: "activistDesignation", date: "2026-06-01" },
  { step: "activistFiling", date: "2026-06-05" },
  { step: "contactsAssigned", date: "2026-06-05", people: ["m1", "m2"] },
  { step: "activistAssessment", date: "2026-12-01" },
  { step: "activistAssessment", date: "2027-05-30" },
  { step: "candidateDesignation", date: "2027-06-01" },
  { step: "candidateApproval", date: "2027-06-07", decision: decided("approved"), publicity: { from: "2027-06-08", to: "2027-06-14" } },
  { step: "introducersAssigned", date: "2027-06-15", people: ["m1", "m2"] },
  { step: "politicalReview", date: "2027-07-01", decision: decided("passed") },
  { step: "intensiveTraining", date: "2027-07-10", training: { days: 3, hours: 24 } },
  { step: "committeeReview", date: "2027-08-01" },
  { step: "preliminaryReview", date: "2027-08-10", decision: decided("approved") },
  { step: "applicationFormIssued", date: "2027-08-15" },
  { step: "admissionMeeting", date: "2027-09-01", vote: passingVote },
  { step: "approvalTalk", date: "2027-09-10" },
  { step: "admissionApproval", date: "2027-10-01", decision: decided("approved") },
  { step: "admissionFiling", date: "2027-10-10" },
  { step: "placement", date: "2027-10-10" },
  { step: "oath", date: "2027-10-20" },
  { step: "probationAssessment", date: "2028-03-01" },
  { step: "conversionApplication", date: "2028-08-15" },
  { step: "conversionMeeting", date: "2028-09-01", vote: passingVote, decision: { decidedBy: "支部大会", outcome: "convert" } },
  { step: "conversionApproval", date: "2028-10-01", decision: decided("approved") },
  { step: "archived", date: "2028-10-10" }
]

/** A whole file under the 2014 rules whose admission meeting falls on 2024-02-29. */
export const path2014: ReadonlyArray<StepRecordInput> = [
  { step: "application", date: "2021-09-01" },
  { step: "applicationTalk", date: "2021-09-15" },
  { step: "activistDesignation", date: "2021-10-08" },
  { step: "activistFiling", date: "2021-10-15" },
  { step: "contactsAssigned", date: "2021-10-15", people: ["m3"] },
  { step: "activistAssessment", date: "2022-04-01" },
  { step: "activistAssessment", date: "2022-10-01" },
  { step: "candidateDesignation", date: "2022-10-10" },
  { step: "candidateApproval", date: "2022-10-20" },
  { step: "introducersAssigned", date: "2022-11-01", people: ["m3", "m4"] },
  { step: "politicalReview", date: "2023-06-01", decision: decided("passed") },
  { step: "intensiveTraining", date: "2023-07-01", training: { days: 0, hours: 24 } },
  { step: "committeeReview", date: "2023-12-01" },
  { step: "preliminaryReview", date: "2024-01-10", decision: decided("approved") },
  { step: "applicationFormIssued", date: "2024-01-20" },
  { step: "admissionMeeting", date: "2024-02-29", vote: passingVote },
  { step: "approvalTalk", date: "2024-03-10" },
  { step: "admissionApproval", date: "2024-04-01", decision: decided("approved") },
  { step: "admissionFiling", date: "2024-04-10" },
  { step: "placement", date: "2024-04-10" },
  { step: "oath", date: "2024-05-01" },
  { step: "probationAssessment", date: "2024-10-01" },
  { step: "conversionApplication", date: "2025-02-01" },
  { step: "conversionMeeting", date: "2025-02-28", vote: passingVote, decision: { decidedBy: "支部大会", outcome: "convert" } },
  { step: "conversionApproval", date: "2025-03-15", decision: decided("approved") },
  { step: "archived", date: "2025-04-01" }
]

export const LATE = "2030-12-31"

/** Applies the records in order; a refusal fails the test with its message. */
export const walk = (records: ReadonlyArray<StepRecordInput>, start: Member = blank(), today = LATE): Member =>
  records.reduce((member, input) => {
    const result = recordStep(member, step(input), ctx(today))
    if (Either.isLeft(result)) throw new Error(`fixture step ${input.step} ${input.date} refused: ${result.left.message}`)
    return result.right
  }, start)

/** The file of `path` with the steps before the `index`-th occurrence of `until` (not including it). */
export const before = (path: ReadonlyArray<StepRecordInput>, until: StepId, occurrence = 1): ReadonlyArray<StepRecordInput> => {
  let seen = 0
  const index = path.findIndex((r) => r.step === until && ++seen === occurrence)
  if (index < 0) throw new Error(`no ${until} in path`)
  return path.slice(0, index)
}

/** The record of `until` in `path`, with changes. */
export const recordOf = (path: ReadonlyArray<StepRecordInput>, until: StepId, over: Partial<StepRecordInput> = {}): StepRecord => {
  const found = path.find((r) => r.step === until)
  if (found === undefined) throw new Error(`no ${until} in path`)
  return step({ ...found, ...over } as StepRecordInput)
}

export const date = (s: string): CivilDate => civilDate(s)
