import { describe, expect, it } from "@effect/vitest"
import { civilDate } from "../../src/calendar/civil-date.js"
import { committeeMonthlyRule } from "../../src/meeting/rules-cadence.js"
import { StatusChangeRejected, StepRejected } from "../../src/member/errors.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { InvalidOrganizationTree, OrganizationRuleBroken } from "../../src/org/errors.js"
import { ruleAt } from "../../src/profile/profile.js"
import { formatRefusal, type Refusal, refusedBy } from "../../src/profile/refusal.js"

const rule = ruleAt(nationalBaseline, committeeMonthlyRule, civilDate("2026-03-01"))
const text = { zh: "2026-02 未召开支委会", en: "支委会 missing for 2026-02" }

describe("formatRefusal: one formatter for every refusal", () => {
  it("cites the rule and its source after the text, in the locale asked for", () => {
    const refusal = refusedBy(rule, text)
    expect(formatRefusal(refusal, "en")).toBe("支委会 missing for 2026-02 (rule meeting.committee.monthly, 《中国共产党支部工作条例（试行）》第十二条)")
    expect(formatRefusal(refusal, "zh")).toBe("2026-02 未召开支委会（规则 meeting.committee.monthly，《中国共产党支部工作条例（试行）》第十二条）")
  })

  it("renders a refusal no rule raised as its text alone", () => {
    expect(formatRefusal({ text }, "zh")).toBe(text.zh)
  })

  it("renders every refusal error the same way, whatever its subject", () => {
    const refusals: ReadonlyArray<Refusal> = [
      new StepRejected({ memberId: "m1", step: "application", ...refusedBy(rule, text, { allowedFrom: civilDate("2026-04-01") }) }),
      new OrganizationRuleBroken({ operation: "organization.update", organizationId: "b1", ...refusedBy(rule, text) }),
      new StatusChangeRejected({ memberId: "m1", from: "removed", to: "active", ...refusedBy(rule, text) })
    ]
    for (const r of refusals) {
      expect(formatRefusal(r, "en")).toBe(formatRefusal(refusedBy(rule, text), "en"))
      expect(r).toMatchObject({ ruleId: rule.id, source: rule.source, text })
    }
  })

  it("an error's message gives zh first, then en, each naming what it concerns", () => {
    const e = new InvalidOrganizationTree({ organizationId: "g9", parentId: "school", problem: "parentKind", text: { zh: "党小组只能设在党支部之下", en: "a partyGroup can only sit under a branch" } })
    expect(e.message).toBe('党组织 g9 不能设在 school 之下：党小组只能设在党支部之下 — organization "g9" cannot be placed under "school": a partyGroup can only sit under a branch')
    const step = new StepRejected({ memberId: "m1", step: "application", ...refusedBy(rule, text) })
    expect(step.message.indexOf("规则")).toBeLessThan(step.message.indexOf("(rule"))
  })

  it("refusals carry the structured fields programs read (dates, what is missing)", () => {
    const e = new StepRejected({ memberId: "m1", step: "application", ...refusedBy(rule, text, { allowedFrom: civilDate("2026-04-01"), missing: "age 18" }) })
    expect(e).toMatchObject({ allowedFrom: "2026-04-01", missing: "age 18" })
  })
})
