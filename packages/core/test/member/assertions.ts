import * as Either from "effect/Either"
import { expect } from "@effect/vitest"
import type { StepRejected } from "../../src/member/errors.js"
import type { Member } from "../../src/member/member.js"

/** The step was refused by `ruleId`; returns the error for further checks. */
export const expectRejected = (result: Either.Either<Member, StepRejected>, ruleId: string): StepRejected => {
  if (Either.isRight(result)) throw new Error(`expected a refusal by ${ruleId}, but the step was accepted`)
  expect(result.left._tag).toBe("ZhibuStepRejected")
  expect(result.left.ruleId).toBe(ruleId)
  expect(result.left.message).toContain(ruleId)
  return result.left
}

/** The step was accepted; returns the updated member. */
export const expectAccepted = (result: Either.Either<Member, StepRejected>): Member => {
  if (Either.isLeft(result)) throw new Error(`expected the step to be accepted: ${result.left.message}`)
  return result.right
}
