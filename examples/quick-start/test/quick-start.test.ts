import { describe, expect, it } from "@effect/vitest"
import { quickStart } from "../src/quick-start.js"

describe("the guide's quick start", () => {
  it("sets up a branch with no members and reports the missing full members and secretary, citing the rules", async () => {
    const findings = await quickStart("sqlite::memory:", new Date("2026-11-21T02:00:00Z"))
    const ids = findings.map((f) => f.ruleId)
    expect(ids).toContain("org.branch.minimumFullMembers")
    const minimum = findings.find((f) => f.ruleId === "org.branch.minimumFullMembers")!
    expect(minimum.severity).toBe("violation")
    expect(minimum.message.zh).toContain("规则 org.branch.minimumFullMembers")
    expect(minimum.message.en).toContain("rule org.branch.minimumFullMembers")
  })
})
