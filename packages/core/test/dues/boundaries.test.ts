import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import { rollUp, type QuarterFigures, zeroFigures } from "../../src/dues/totals.js"
import { lastDuesPaidMonthOf, sixMonthSignals } from "../../src/member/signals.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { Organization } from "../../src/org/organization.js"
import { studyStatus } from "../../src/study/ledger.js"
import { member, org } from "../support/records.js"

describe("member.lapse.sixMonths fed by the dues ledger: the sixth unpaid month's last day", () => {
  const m = member("m1", "b1")
  // Paid through May 2026; June to November unpaid.
  const ledger = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((mm, i) => ({ month: `2026-${mm}`, due: 4000, paid: i < 5 ? 4000 : 0 }))
  const evidence = { lastDuesPaidMonth: lastDuesPaidMonthOf(ledger)! }
  it("no flag on 2026-11-29; the flag on 2026-11-30, citing the rule", () => {
    expect(evidence.lastDuesPaidMonth).toBe("2026-05")
    expect(sixMonthSignals(m, evidence, nationalBaseline, civilDate("2026-11-29"))).toEqual([])
    expect(sixMonthSignals(m, evidence, nationalBaseline, civilDate("2026-11-30")).map((f) => [f.ruleId, f.severity])).toEqual([["member.lapse.sixMonths", "flag"]])
  })
})

describe("study targets at their edge (study.member.annualHours, study.leader.annualHours)", () => {
  const status = (tenths: number, leader: boolean, centralized = 1) =>
    studyStatus([{ memberId: "m", leader }], new Map([["m", { tenths, centralized }]]), new Map(), new Set(), nationalBaseline, civilDate("2026-12-31"))[0]!
  it.each([
    [319, false, "behind", "study.member.annualHours"],
    [320, false, "met", "study.member.annualHours"],
    [559, true, "behind", "study.leader.annualHours"],
    [560, true, "met", "study.leader.annualHours"]
  ] as const)("%i tenths, leader %s: %s (%s)", (tenths, leader, expected, ruleId) => {
    const s = status(tenths, leader)
    expect([s.status, s.rule.id, s.rule.confidence]).toEqual([expected, ruleId, leader ? "likely" : "certain"])
  })
  it("a leader with 56 学时 but no centralized training is still behind", () => {
    expect(status(600, true, 0).status).toBe("behind")
  })
})

describe("law: every aggregate (branch, school, county) equals the sum of its parts", () => {
  const treeArb = fc.record({ schools: fc.integer({ min: 1, max: 4 }), branches: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }) })
  const figuresArb = fc.record({ due: fc.nat(10_000), paid: fc.nat(10_000), arrears: fc.nat(10_000), collected: fc.nat(10_000), voluntary: fc.nat(10_000), toCentre: fc.nat(10_000) })
  it("rollUp: each organization is its own figures plus its children's; the root is the sum of all", () => {
    fc.assert(
      fc.property(treeArb, fc.array(figuresArb, { minLength: 16, maxLength: 16 }), ({ schools, branches }, figures) => {
        const orgs: Array<Organization> = [org("county", "committee", null)]
        for (let s = 0; s < schools; s++) {
          orgs.push(org(`s${s}`, "committee", "county"))
          for (let b = 0; b < branches[s]!; b++) orgs.push(org(`s${s}-b${b}`, "branch", `s${s}`))
        }
        const own = new Map<string, Map<string, QuarterFigures>>()
        for (const [i, o] of orgs.entries()) own.set(o.id, new Map([["2026-Q1", figures[i % figures.length]!]]))
        const totals = rollUp("county", orgs, own, ["2026-Q1"])
        const byId = new Map(totals.map((t) => [t.organizationId, t.quarters["2026-Q1"]!]))
        for (const o of orgs) {
          const children = orgs.filter((c) => c.parentId === o.id)
          const mine = own.get(o.id)!.get("2026-Q1") ?? zeroFigures
          const due = children.reduce((t, c) => t + byId.get(c.id)!.due, mine.due)
          const collected = children.reduce((t, c) => t + byId.get(c.id)!.collected, mine.collected)
          expect([byId.get(o.id)!.due, byId.get(o.id)!.collected]).toEqual([due, collected])
        }
        const all = [...own.values()].reduce((t, q) => t + q.get("2026-Q1")!.due, 0)
        expect(byId.get("county")!.due).toBe(all)
      }),
      { numRuns: 200 }
    )
  })
})
