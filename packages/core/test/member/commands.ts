import * as fc from "fast-check"
import { addDays, civilDate, fromEpochDay, toEpochDay } from "../../src/calendar/civil-date.js"
import { type Decision, type StepId, StepId as StepIdSchema, type StepRecordInput } from "../../src/member/step.js"
import { person } from "./fixtures.js"

/** Generators of random step commands for the lifecycle laws. */

export const allSteps: ReadonlyArray<StepId> = StepIdSchema.literals
export const probationary = person("p1", { stage: "probationary", joinedOn: "2020-01-10", convertedOn: null })
const candidates = ["m1", "m2", "m3", "p1", "x9"] as const

/** `value` five times in six. */
const mostly = (value: boolean) => fc.oneof({ arbitrary: fc.constant(value), weight: 5 }, { arbitrary: fc.constant(!value), weight: 1 })

/** One random command: which step (mostly one the chart allows next), how many days later, and its details. */
export const choiceArb = fc.record({
  anyStep: mostly(false),
  pick: fc.nat(),
  days: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 })),
  positive: mostly(true),
  strongVote: mostly(true),
  special: fc.boolean(),
  extensionMonths: fc.integer({ min: 4, max: 13 }),
  outcome: fc.constantFrom("convert", "convert", "extend", "cancel"),
  people: fc.oneof({ arbitrary: fc.constant(["m1", "m2"]), weight: 4 }, { arbitrary: fc.subarray([...candidates], { maxLength: 3 }), weight: 1 }),
  publicityDays: fc.integer({ min: 0, max: 10 }),
  trainingDays: fc.integer({ min: 2, max: 5 })
})
export type Choice = typeof choiceArb extends fc.Arbitrary<infer C> ? C : never

export const recordFor = (stepId: StepId, date: string, c: Choice): StepRecordInput => {
  const base: StepRecordInput = { step: stepId, date, people: c.people }
  const decide = (yes: Decision["outcome"], no: Decision["outcome"]) => ({ decidedBy: "x", outcome: c.positive ? yes : no, ...(c.special ? { specialCase: true } : {}) })
  const vote = c.strongVote ? { dueVoting: 9, presentVoting: 8, yes: 7, no: 1, abstain: 0 } : { dueVoting: 9, presentVoting: 4, yes: 4, no: 0, abstain: 0 }
  switch (stepId) {
    case "candidateApproval":
      return { ...base, decision: decide("approved", "rejected"), publicity: { from: date, to: addDays(civilDate(date), c.publicityDays) } }
    case "politicalReview":
      return { ...base, decision: decide("passed", "failed") }
    case "preliminaryReview":
    case "admissionApproval":
    case "conversionApproval":
      return { ...base, decision: decide("approved", "rejected") }
    case "intensiveTraining":
      return { ...base, training: { days: c.trainingDays, hours: 8 * c.trainingDays } }
    case "admissionMeeting":
      return { ...base, vote }
    case "conversionMeeting":
      return { ...base, vote, decision: { decidedBy: "x", outcome: c.outcome, extensionMonths: c.extensionMonths } }
    default:
      return base
  }
}

export const startArb = fc.integer({ min: toEpochDay(civilDate("2012-01-01")), max: toEpochDay(civilDate("2028-01-01")) }).map(fromEpochDay)

