import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { RegisterApplicantInput } from "../../src/member/member-service-inputs.js"
import { CreateOrganizationInput } from "../../src/org/organization-service-inputs.js"
import { formatRefusal } from "../../src/profile/refusal.js"
import { decodeInput } from "../../src/service/decode-input.js"
import type { InvalidInput } from "../../src/service/errors.js"
import { makeCommandContext } from "../../src/service/make-context.js"

const applicant = {
  id: "p-001",
  organizationId: "branch-1",
  name: "王老师",
  gender: "female",
  birthDate: "1996-03-02",
  category: "teacher",
  applicationDate: "2026-11-20"
}

const refusalOf = <A, I>(schema: Schema.Schema<A, I>, input: unknown): InvalidInput => {
  const result = Effect.runSync(Effect.either(decodeInput(schema, "test.operation")(input)))
  if (Either.isRight(result)) throw new Error("expected InvalidInput")
  return result.left
}

describe("InvalidInput names the field and what it expects, in zh and en", () => {
  it("a malformed date: the field, the expected format, never the value", () => {
    const e = refusalOf(RegisterApplicantInput, { ...applicant, birthDate: "1996-13-02" })
    expect(e).toMatchObject({ _tag: "ZhibuInvalidInput", operation: "test.operation", path: "birthDate", problem: "invalid" })
    expect(e.text.zh).toBe("字段 birthDate：应为YYYY-MM-DD 格式的真实日期（1900–2999 年）")
    expect(e.text.en).toBe("field birthDate: expected a real calendar date YYYY-MM-DD (years 1900–2999)")
    expect(e.message).not.toContain("1996-13-02")
    expect(e.message.indexOf("输入无效")).toBeLessThan(e.message.indexOf("invalid input"))
  })

  it("a missing field is named as missing", () => {
    const { birthDate: _, ...withoutBirthDate } = applicant
    const e = refusalOf(RegisterApplicantInput, withoutBirthDate)
    expect(e).toMatchObject({ path: "birthDate", problem: "missing" })
    expect(e.text.zh).toContain("缺少字段 birthDate")
  })

  it("a literal field lists the allowed values; an id names its form", () => {
    expect(refusalOf(RegisterApplicantInput, { ...applicant, gender: "x" }).expected).toEqual({
      zh: '以下之一："female"、"male"',
      en: 'one of "female", "male"'
    })
    const id = refusalOf(RegisterApplicantInput, { ...applicant, organizationId: "有 空格" })
    expect(id.path).toBe("organizationId")
    expect(id.expected.zh).toContain("党组织 id")
    expect(id.message).not.toContain("有 空格")
  })

  it("a nested field gets its whole path (makeCommandContext)", () => {
    const result = makeCommandContext({
      tenantId: "county-1",
      actor: { personId: "sec-1", roles: [{ role: "branchSecretary", organizationId: "bad id" }] },
      now: new Date(),
      workdays: weekdayCalendar
    })
    if (Either.isRight(result)) throw new Error("expected InvalidInput")
    expect(result.left.path).toBe("actor.roles[0].organizationId")
    expect(formatRefusal(result.left, "en")).toBe(result.left.text.en)
  })

  it("control characters in a name are InvalidInput at the boundary (member and organization inputs)", () => {
    const member = refusalOf(RegisterApplicantInput, { ...applicant, name: "王\u0007老师" })
    expect(member).toMatchObject({ path: "name", problem: "invalid" })
    expect(member.expected.zh).toContain("不含控制字符")
    const org = refusalOf(CreateOrganizationInput, {
      id: "b1",
      kind: "branch",
      name: "实验小学\n党支部",
      parentId: null,
      units: ["实验小学"],
      basis: "school",
      foundedOn: "2020-09-01"
    })
    expect(org.path).toBe("name")
  })

  it("law: whatever name is refused, the error never repeats it", () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
    const name = fc.tuple(fc.string({ minLength: 2, maxLength: 20 }), control).map(([s, c]) => `${s.slice(0, 1)}${c}${s.slice(1)}私密`)
    fc.assert(
      fc.property(name, (n) => {
        const e = refusalOf(RegisterApplicantInput, { ...applicant, name: n })
        return e.path === "name" && !e.message.includes(n) && !JSON.stringify(e).includes("私密")
      })
    )
  })
})
