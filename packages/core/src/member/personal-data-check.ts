import * as Schema from "effect/Schema"
import { expected } from "../i18n/expected.js"
import type { Message } from "../i18n/message.js"
import { idNumberBirthDate } from "./personal-data.js"

/** What an ID number must agree with: 身份证号中的出生日期与出生日期一致. */
export const idNumberBirthDateExpected: Message = {
  zh: "出生日期与身份证号（idNumber）第 7–14 位所含出生日期一致",
  en: "a birthDate equal to the birth date in characters 7–14 of the ID number (idNumber)"
}

/** True when there is no ID number, or when the birth date it carries is `birthDate`. */
export const idNumberAgreesWith = (idNumber: string | null | undefined, birthDate: string): boolean =>
  idNumber === undefined || idNumber === null || idNumberBirthDate(idNumber) === birthDate

/**
 * Refines a person's input so that the ID number, when given, carries the person's `birthDate`
 * (GB 11643: characters 7–14 are the birth date). A mismatch is `InvalidInput`, which names what is
 * expected and never either value.
 */
export const idNumberMatchesBirthDate = <A extends { readonly idNumber?: string | undefined; readonly birthDate: string }, I, R>(
  self: Schema.Schema<A, I, R>
) =>
  self.pipe(
    Schema.filter((person) => idNumberAgreesWith(person.idNumber, person.birthDate), {
      ...expected(idNumberBirthDateExpected),
      message: () => "the ID number's birth date is not the birthDate (身份证号中的出生日期与出生日期不一致)"
    })
  )
