import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { RegisterApplicantInput } from "../../src/member/member-service-inputs.js"
import { decodeInput } from "../../src/service/decode-input.js"

const applicant = {
  id: "p-001",
  organizationId: "b1",
  name: "王老师",
  gender: "female",
  birthDate: "1996-03-02",
  category: "teacher",
  applicationDate: "2026-11-20"
}

describe("decodeInput refuses fields the input does not have", () => {
  it.effect("a misspelt optional field is InvalidInput naming it, not silently ignored", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(decodeInput(RegisterApplicantInput, "member.registerApplicant")({ ...applicant, notes: "秘密" }))
      expect(error.path).toBe("notes")
      expect(error.problem).toBe("unexpected")
      expect(error.message).not.toContain("秘密")
    })
  )

  it.effect("the same input without the stray field decodes", () =>
    Effect.gen(function* () {
      const decoded = yield* decodeInput(RegisterApplicantInput, "member.registerApplicant")(applicant)
      expect(decoded.id).toBe("p-001")
    })
  )
})
