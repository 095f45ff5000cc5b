import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { makeCommandContext } from "../../src/service/make-context.js"

const plain = {
  tenantId: "county-1",
  actor: { personId: "sec-1", roles: [{ role: "branchSecretary", organizationId: "branch-1" }] },
  now: new Date("2026-11-21T02:00:00Z"),
  workdays: weekdayCalendar
}

describe("makeCommandContext", () => {
  it("builds a context from plain values, with the national baseline by default", () => {
    const ctx = Either.getOrThrow(makeCommandContext(plain))
    expect(ctx.tenantId).toBe("county-1")
    expect(ctx.actor.roles).toEqual([{ role: "branchSecretary", organizationId: "branch-1" }])
    expect(ctx.profile).toBe(nationalBaseline)
  })

  it.each([
    ["an empty tenant id", { ...plain, tenantId: "" }, "tenantId"],
    ["an unknown role", { ...plain, actor: { personId: "sec-1", roles: [{ role: "principal", organizationId: "b" }] } }, "actor"],
    ["a person id with spaces", { ...plain, actor: { personId: "王 老师", roles: [] } }, "actor"],
    ["an invalid Date", { ...plain, now: new Date(Number.NaN) }, "now"]
  ])("refuses %s with InvalidInput naming the field", (_, input, field) => {
    const result = makeCommandContext(input)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("ZhibuInvalidInput")
      expect(result.left.path.startsWith(field)).toBe(true)
    }
  })
})
