import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type CivilDate, fromEpochDay, parseCivilDate } from "../calendar/civil-date.js"
import { expected } from "../i18n/expected.js"

/**
 * 个人信息 — the personal data a member's file may carry beyond name, gender and birth date: the
 * resident ID-card number (居民身份证号) and a phone number. Both are validated on the way in and
 * masked by default on the way out (see `docs/personal-data.md`).
 */

// GB 11643-1999 §8.2: the check character is ISO 7064 MOD 11-2 over the first 17 digits, with
// weights 2^(17-i) mod 11 and the remainders 0…10 mapped to these characters.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARACTERS = "10X98765432"
// 6-digit address code (first digit 1–9), birth date YYYYMMDD (19xx or 20xx), 3-digit sequence, check.
const ID_SHAPE = /^[1-9]\d{5}(?:19|20)\d{6}\d{3}[\dX]$/

/** The GB 11643 check character (`0`–`9` or `X`) of the first 17 digits of an ID number. */
export const idNumberCheckCharacter = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK_CHARACTERS[sum % 11]!
}

/** The birth date an 18-character ID number carries (characters 7–14), or undefined when it is not a real date. */
export const idNumberBirthDate = (idNumber: string): CivilDate | undefined => {
  const ymd = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  const parsed = parseCivilDate(ymd)
  return Either.isRight(parsed) ? parsed.right : undefined
}

/**
 * True for an 18-character 居民身份证号 as GB 11643-1999 defines it: an address code, a real birth
 * date, a sequence code and the right MOD 11-2 check character (an upper-case `X` for 10). The
 * address code is not looked up (codes change as counties merge); first-generation 15-digit
 * numbers (invalid since 2013) are refused.
 */
export const isIdNumber = (s: string): boolean =>
  ID_SHAPE.test(s) && idNumberBirthDate(s) !== undefined && idNumberCheckCharacter(s) === s[17]

const idNumberExpected = expected({
  zh: "18 位居民身份证号（GB 11643：17 位数字加校验码 0–9 或 X，含真实的出生日期，校验码正确）",
  en: "an 18-character resident ID number (GB 11643: 17 digits and a check character 0–9 or X, with a real birth date and the right check character)"
})

// Messages written without the value: they reach InvalidRecord reasons and logs.
const notText = { message: () => "expected text (不是文本)" }

/**
 * 居民身份证号 — an 18-character resident ID number ({@link isIdNumber}), upper-case `X`. Stored in
 * the member's file; masked by {@link maskIdNumber} wherever it leaves the store.
 */
export const IdNumber = Schema.String.annotations(notText).pipe(
  Schema.filter(isIdNumber, { message: () => "expected an 18-character resident ID number with a valid check character (身份证号无效)" }),
  Schema.annotations({
    identifier: "IdNumber",
    ...idNumberExpected,
    // Generated numbers are well-formed but fictitious: any address code, any date 1900–2099.
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.integer({ min: 100_000, max: 999_999 }),
          fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 }),
          fc.integer({ min: 0, max: 999 })
        )
        .map(([area, day, sequence]) => withIdCheckCharacter(`${area}${fromEpochDay(day).replaceAll("-", "")}${String(sequence).padStart(3, "0")}`))
  })
)

/** Completes 17 digits with their check character (for fixtures and generators). */
export const withIdCheckCharacter = (first17: string): string => `${first17}${idNumberCheckCharacter(first17)}`

/**
 * An ID number as a person types it: surrounding spaces are dropped and a lower-case `x` is read
 * as `X`, then it must be an {@link IdNumber}.
 */
export const IdNumberInput = Schema.transform(Schema.String.annotations(notText), IdNumber, {
  strict: true,
  decode: (s) => s.trim().toUpperCase(),
  encode: (s) => s
}).annotations(idNumberExpected)

// Mainland mobile numbers: 11 digits from 13x to 19x. Landlines: an area code (010, 02x or 0xxx),
// a local number of 7–8 digits not starting with 0 or 1, and an optional extension.
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^(0\d{2,3})-?([2-9]\d{6,7})(-\d{1,6})?$/

/** True for a mainland mobile number (`1[3-9]` and 9 digits) or a landline with its area code (`0755-86001234`, `010-12345678-801`). */
export const isPhoneNumber = (s: string): boolean => MOBILE.test(s) || LANDLINE.test(s)

const phoneExpected = expected({
  zh: "手机号（11 位，以 13–19 开头）或带区号的固定电话（如 0755-86001234，可带分机号）",
  en: "a mobile number (11 digits starting 13–19) or a landline with its area code (e.g. 0755-86001234, optionally an extension)"
})

/** 联系电话 — a mainland mobile or landline number ({@link isPhoneNumber}); masked by {@link maskPhone} wherever it leaves the store. */
export const PhoneNumber = Schema.String.annotations(notText).pipe(
  Schema.filter(isPhoneNumber, { message: () => "expected a mainland mobile or landline number (电话号码无效)" }),
  Schema.annotations({
    identifier: "PhoneNumber",
    ...phoneExpected,
    arbitrary: () => (fc) => fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([b, n]) => `1${b}${String(n).padStart(9, "0")}`)
  })
)

/** A phone number as a person types it: spaces are dropped, then it must be a {@link PhoneNumber}. */
export const PhoneNumberInput = Schema.transform(Schema.String.annotations(notText), PhoneNumber, {
  strict: true,
  decode: (s) => s.replace(/\s+/g, ""),
  encode: (s) => s
}).annotations(phoneExpected)

const stars = (n: number): string => "*".repeat(Math.max(0, n))

/**
 * 身份证号脱敏 — keeps the first 2 characters (the province) and the last 2, masks the 14 between:
 * `110105199003071234` → `11**************34`. The birth date, the county and most of the sequence
 * are hidden, because the file shows the birth date in clear: a mask that kept the usual first 6
 * and last 4 would, together with it, leave only the county's 3 sequence digits to guess. Any
 * other length is masked whole.
 */
export const maskIdNumber = (idNumber: string): string =>
  idNumber.length === 18 ? `${idNumber.slice(0, 2)}${stars(14)}${idNumber.slice(16)}` : stars(idNumber.length)

/**
 * 电话脱敏 — a mobile number keeps its first 3 and last 4 digits (`13812345678` → `138****5678`); a
 * landline keeps its area code and the last 4 digits of the local number
 * (`0755-86001234` → `0755-****1234`), and drops its extension. Anything else is masked whole.
 */
export const maskPhone = (phone: string): string => {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  const landline = LANDLINE.exec(phone)
  if (landline !== null) {
    const [, area = "", local = ""] = landline
    return `${area}-${stars(local.length - 4)}${local.slice(-4)}`
  }
  return stars(phone.length)
}

/** The personal fields of a member's file, and how each is masked. */
export const personalDataMasks = {
  /** The ID number's mask ({@link maskIdNumber}). */
  idNumber: maskIdNumber,
  /** The phone's mask ({@link maskPhone}). */
  phone: maskPhone
} as const

/** The name of a personal field of a member's file (`idNumber`, `phone`). */
export type PersonalField = keyof typeof personalDataMasks

/** The personal fields, in order. */
export const personalFields: ReadonlyArray<PersonalField> = Object.keys(personalDataMasks) as Array<PersonalField>

/** Which form of the personal fields a read returns: `masked` (the default) or `full` (audited, `member.readPersonalData`). */
export const PersonalDataView = Schema.Literal("masked", "full")
export type PersonalDataView = typeof PersonalDataView.Type

/**
 * Masks the personal fields of any object that has them (a member's file, encoded or decoded, or an
 * audit entry's `before`/`after`); anything else is returned as it is. A field that is absent or
 * null stays so.
 */
export const maskPersonalFields = <A>(value: A): A => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value
  const record = value as Record<string, unknown>
  if (!personalFields.some((f) => typeof record[f] === "string")) return value
  const masked: Record<string, unknown> = { ...record }
  for (const f of personalFields) {
    const v = record[f]
    if (typeof v === "string") masked[f] = personalDataMasks[f](v)
  }
  return masked as A
}

/**
 * 脱敏投影 — a member's file with its ID number and phone masked ({@link maskIdNumber},
 * {@link maskPhone}). What every member read returns unless full values were asked for. A masked
 * file does not decode as a `Member` (the masks are not valid numbers), so the store refuses it if
 * someone tries to save it back.
 */
export const maskMember = <M extends { readonly idNumber?: string | undefined; readonly phone?: string | undefined }>(member: M): M =>
  maskPersonalFields(member)
