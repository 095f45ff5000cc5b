import { expect } from "@effect/vitest"
import { NotFound } from "../../src/store/errors.js"

/** An error with its id and every mention of it blanked out: what is left must not tell two ids apart. */
const redacted = (error: unknown, id: string) => {
  const e = error as NotFound
  return { type: e.constructor, fields: { ...e, id: "?" }, message: e.message.replaceAll(id, "?") }
}

/**
 * An actor who may not see a record gets the same answer as for a record that does not exist: a
 * `NotFound` naming the id asked for, with the same fields and message otherwise, so that no one can
 * probe ids.
 */
export const expectAnswerAlike = (invisible: unknown, invisibleId: string, missing: unknown, missingId: string): void => {
  expect(invisible).toBeInstanceOf(NotFound)
  expect(missing).toBeInstanceOf(NotFound)
  expect((invisible as NotFound).id).toBe(invisibleId)
  expect((missing as NotFound).id).toBe(missingId)
  expect(redacted(invisible, invisibleId)).toEqual(redacted(missing, missingId))
}
