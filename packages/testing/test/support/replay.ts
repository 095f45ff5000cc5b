import * as Either from "effect/Either"
import { type CivilDate, type Member, nationalBaseline, openApplicantFile, recordStep, weekdayCalendar } from "./core.js"

/**
 * Records a file's steps again, one by one, from a blank file with core's own functions: the file
 * is valid when core accepts every step. Returns the refusal message, or undefined.
 */
export const replayRefusal = (member: Member, people: ReadonlyArray<Member>, today: CivilDate): string | undefined => {
  const [first, ...rest] = member.steps
  if (first === undefined) return undefined
  const context = { profile: nationalBaseline, today, workdays: weekdayCalendar, people }
  let file = openApplicantFile(member, first, context)
  for (const step of rest) {
    if (Either.isLeft(file)) break
    file = recordStep(file.right, step, context)
  }
  return Either.isLeft(file) ? `${member.id}: ${file.left.message}` : undefined
}
