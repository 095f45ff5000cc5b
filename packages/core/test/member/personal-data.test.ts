import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
// Effect's own fast-check, the one `Arbitrary.make` builds on.
import * as fc from "effect/FastCheck"
import { Member } from "../../src/member/member.js"
import {
  IdNumber,
  IdNumberInput,
  idNumberBirthDate,
  idNumberCheckCharacter,
  isIdNumber,
  isPhoneNumber,
  maskIdNumber,
  maskMember,
  maskPhone,
  PhoneNumber,
  PhoneNumberInput,
  withIdCheckCharacter
} from "../../src/member/personal-data.js"
import { formatAuditEntry, maskAuditEntry } from "../../src/member/personal-data-audit.js"
import type { AuditEntry } from "../../src/store/port.js"
import { member } from "../support/records.js"

/** Fictitious numbers built with their check character (no real person's number in fixtures). */
const ID = withIdCheckCharacter("11010519900307123")

describe("居民身份证号 (GB 11643-1999)", () => {
  it("the standard's own example 11010519491231002X is valid; its check character is X", () => {
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X")
    expect(isIdNumber("11010519491231002X")).toBe(true)
    expect(idNumberBirthDate("11010519491231002X")).toBe("1949-12-31")
  })

  it("every other check character is refused (ISO 7064 MOD 11-2 catches any single-character error)", () => {
    const first17 = ID.slice(0, 17)
    for (const c of "0123456789X") expect(isIdNumber(`${first17}${c}`)).toBe(c === ID[17])
  })

  it("law: changing any one of the first 17 digits breaks the check", () => {
    fc.assert(
      fc.property(Arbitrary.make(IdNumber), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, at, shift) => {
        const changed = `${id.slice(0, at)}${(Number(id[at]) + shift) % 10}${id.slice(at + 1)}`
        expect(idNumberCheckCharacter(changed.slice(0, 17)) === changed[17]).toBe(false)
      }),
      { numRuns: 300 }
    )
  })

  it("refuses an impossible birth date, a 15-digit number, a lower-case x, letters and spaces", () => {
    expect(isIdNumber(withIdCheckCharacter("11010519900230123"))).toBe(false) // 1990-02-30
    expect(isIdNumber(withIdCheckCharacter("11010518900307123"))).toBe(false) // 1890
    expect(isIdNumber("110105900307123")).toBe(false)
    expect(isIdNumber("11010519491231002x")).toBe(false)
    expect(isIdNumber(` ${ID}`)).toBe(false)
    expect(isIdNumber(withIdCheckCharacter("01010519900307123"))).toBe(false) // no address code starts with 0
  })

  it("input: surrounding spaces are dropped and x is read as X; the stored form is upper-case", () => {
    expect(Schema.decodeUnknownSync(IdNumberInput)(" 11010519491231002x ")).toBe("11010519491231002X")
  })

  it("law: generated numbers are valid, and round-trip through the Schema", () => {
    fc.assert(
      fc.property(Arbitrary.make(IdNumber), (id) => {
        expect(isIdNumber(id)).toBe(true)
        expect(Schema.decodeSync(IdNumber)(Schema.encodeSync(IdNumber)(id))).toBe(id)
      }),
      { numRuns: 200 }
    )
  })

  it("a refusal never contains the value (it reaches InvalidRecord reasons and logs)", () => {
    const wrong = `${ID.slice(0, 17)}${ID[17] === "0" ? "1" : "0"}`
    const result = Schema.decodeUnknownEither(IdNumber)(wrong)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) expect(String(result.left.message)).not.toContain(wrong)
    const notText = Schema.decodeUnknownEither(IdNumber)(110105199003071)
    expect(Either.isLeft(notText)).toBe(true)
    if (Either.isLeft(notText)) expect(String(notText.left.message)).not.toContain("110105199003071")
  })
})

describe("phone numbers", () => {
  it("accepts mainland mobiles 13x–19x and landlines with an area code", () => {
    for (const ok of ["13812345678", "19912345678", "010-62345678", "0755-86001234", "075586001234", "021-6543210", "0755-86001234-801"]) {
      expect(isPhoneNumber(ok), ok).toBe(true)
    }
  })

  it("refuses 12x mobiles, wrong lengths, numbers without an area code, and text", () => {
    for (const bad of ["010-12345678", "12812345678", "1381234567", "138123456789", "86001234", "0755-0600123", "电话", "+8613812345678"]) {
      expect(isPhoneNumber(bad), bad).toBe(false)
    }
  })

  it("input: spaces are dropped", () => {
    expect(Schema.decodeUnknownSync(PhoneNumberInput)("138 1234 5678")).toBe("13812345678")
  })

  it("law: generated numbers are valid", () => {
    fc.assert(fc.property(Arbitrary.make(PhoneNumber), (p) => isPhoneNumber(p)), { numRuns: 100 })
  })
})

describe("masking", () => {
  it("an ID number keeps its first 2 and last 2 characters: the birth date and county are hidden", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("11**************2X")
    expect(maskIdNumber("11010519491231002X")).not.toContain("19491231")
    expect(maskIdNumber("123")).toBe("***")
  })

  it("a mobile keeps 3 + 4 digits; a landline its area code and last 4 digits, without the extension", () => {
    expect(maskPhone("13812345678")).toBe("138****5678")
    expect(maskPhone("0755-86001234")).toBe("0755-****1234")
    expect(maskPhone("075586001234-801")).toBe("0755-****1234")
    expect(maskPhone("0571-2345678")).toBe("0571-***5678")
    expect(maskPhone("not a phone")).toBe("***********")
  })

  it("law: a mask never contains the hidden middle of the value, and keeps its length (ID numbers)", () => {
    fc.assert(
      fc.property(Arbitrary.make(IdNumber), Arbitrary.make(PhoneNumber), (id, phone) => {
        const mid = maskIdNumber(id)
        expect(mid).toHaveLength(18)
        expect(mid.slice(2, 16)).toBe("*".repeat(14))
        expect(maskPhone(phone).slice(3, 7)).toBe("****")
      }),
      { numRuns: 200 }
    )
  })

  it("maskMember masks only the personal fields, and a file without them is returned as it is", () => {
    const plain = member("p1", "b1")
    expect(maskMember(plain)).toBe(plain)
    const withData = member("p2", "b1", { birthDate: "1990-03-07", idNumber: ID, phone: "13812345678" })
    const masked = maskMember(withData)
    expect(masked).toEqual({ ...withData, idNumber: maskIdNumber(ID), phone: "138****5678" })
    expect(withData.idNumber).toBe(ID) // the input is not changed
  })

  it("a masked file does not decode as a Member: it cannot be stored back by mistake", () => {
    const masked = maskMember(member("p2", "b1", { birthDate: "1990-03-07", idNumber: ID }))
    expect(Either.isLeft(Schema.decodeUnknownEither(Member)(Schema.encodeUnknownSync(Schema.Unknown)(masked)))).toBe(true)
  })

  it("files stored before the personal fields existed still decode (the fields are optional)", () => {
    const { idNumber: _i, phone: _p, ...old } = Schema.encodeSync(Member)(member("p1", "b1"))
    expect(Schema.decodeUnknownSync(Member)(old).idNumber).toBeUndefined()
    expect(Schema.decodeUnknownSync(Member)({ ...old, idNumber: null }).idNumber).toBeUndefined()
  })
})

describe("the audit log's readable form", () => {
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({
    seq: 3,
    tenantId: "t1",
    at: new Date("2026-11-20T02:00:00Z"),
    actorId: "organizer-1",
    action: "member.updateContact",
    kind: "member",
    recordId: "p-001",
    version: 2,
    before: { id: "p-001", version: 1, idNumber: ID, phone: "13812345678", steps: [] },
    after: { id: "p-001", version: 2, idNumber: ID, phone: "13900001111", steps: [{}] },
    ...over
  })

  it("masks every personal field of before and after", () => {
    const masked = maskAuditEntry(entry({}))
    expect(masked.before).toMatchObject({ idNumber: maskIdNumber(ID), phone: "138****5678" })
    expect(masked.after).toMatchObject({ idNumber: maskIdNumber(ID), phone: "139****1111" })
  })

  it("renders one line in zh or en, naming the changed fields with masked values and lists by size", () => {
    expect(formatAuditEntry(entry({}))).toBe("#3 2026-11-20 10:00 organizer-1 member.updateContact member p-001 第 2 版：phone 138****5678 → 139****1111；steps [0 项] → [1 项]")
    expect(formatAuditEntry(entry({}), "en")).toBe(
      "#3 2026-11-20 10:00 organizer-1 member.updateContact member p-001 version 2: phone 138****5678 → 139****1111; steps [0 item(s)] → [1 item(s)]"
    )
    expect(formatAuditEntry(entry({ before: null, version: 1, action: "member.register" }), "en")).toContain("version 1: created")
    expect(formatAuditEntry(entry({ action: "member.readPersonalData", after: entry({}).before }), "en")).toContain("no field changed")
  })

  it("law: no rendering ever contains a full ID number or phone", () => {
    fc.assert(
      fc.property(Arbitrary.make(IdNumber), Arbitrary.make(PhoneNumber), Arbitrary.make(IdNumber), (id, phone, other) => {
        const line = formatAuditEntry(entry({ before: { idNumber: id, phone }, after: { idNumber: other, phone } }), "zh")
        for (const secret of [id, phone, other]) expect(line).not.toContain(secret)
      }),
      { numRuns: 100 }
    )
  })
})
