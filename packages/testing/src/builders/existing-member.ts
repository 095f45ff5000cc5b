import * as Either from "effect/Either"
import { addYears, type CivilDate, enterExistingFile, type Member, type MemberIdentity, type RuleProfile } from "../internal/core.js"
import { PlanError, probationEnd } from "./member-plan.js"

/**
 * 录入已有党员 — a member who joined before the records began, entered with core's own
 * `enterExistingFile` (18 or over on joining; converted on the probation end). Throws a PlanError
 * quoting core's refusal when the dates are impossible.
 */
export const existingMemberFile = (
  person: MemberIdentity,
  joinedOn: CivilDate,
  convertedOn: CivilDate | null,
  profile: RuleProfile,
  today: CivilDate
): Member => {
  const result = enterExistingFile(person, joinedOn, convertedOn, { profile, today })
  if (Either.isLeft(result)) throw new PlanError(`existing member ${person.id} refused: ${result.left.message}`)
  return result.right
}

/**
 * Full members to name as 培养联系人 and 入党介绍人 when a test names none: `ids`, each joined ten
 * years before `on` (converted a year later), in the same organization as `person`.
 */
export const defaultPeople = (
  person: MemberIdentity,
  ids: ReadonlyArray<string>,
  on: CivilDate,
  profile: RuleProfile
): ReadonlyArray<Member> =>
  ids.map((id, i) => {
    const joinedOn = addYears(on, -10)
    const convertedOn = probationEnd(joinedOn, profile)
    return existingMemberFile(
      {
        ...person,
        id: id as Member["id"],
        name: `联系人${i + 1}`,
        gender: i % 2 === 0 ? "male" : "female",
        birthDate: addYears(joinedOn, -30),
        category: "teacher"
      },
      joinedOn,
      convertedOn,
      profile,
      convertedOn
    )
  })
