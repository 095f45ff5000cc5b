import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { addDays, addMonths, type CivilDate, civilDate, fromParts } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import { lapseSixMonthsRule } from "../../src/member/rules-status.js"
import { abroadSignals, lostContactSignals, type SignalEvidence, sixMonthSignals } from "../../src/member/signals.js"
import { makeProfile } from "../../src/profile/profile.js"
import { person, profile } from "./fixtures.js"

const d = civilDate
const m = person("m1")
const six = (member: Member, evidence: SignalEvidence, today: string) => sixMonthSignals(member, evidence, profile, d(today))

describe("member.lapse.sixMonths (six-month signals, §6.1)", () => {
  it("no organizational life since 2025-01-10: no flag on 2025-07-09, a flag on 2025-07-10 (the day six months complete)", () => {
    expect(six(m, { lastOrganizationalLifeOn: d("2025-01-10") }, "2025-07-09")).toEqual([])
    const [f] = six(m, { lastOrganizationalLifeOn: d("2025-01-10") }, "2025-07-10")
    expect(f).toMatchObject({ ruleId: "member.lapse.sixMonths", severity: "flag", subject: { kind: "member", id: "m1" } })
    expect(f?.message.zh).toContain("正当理由")
    expect(f?.message.zh).toContain("第三十一条(六)")
  })

  it("dues last paid for 2025-01: months Feb–Jul unpaid; no flag on 2025-07-30, a flag on 2025-07-31 (July, the sixth, complete)", () => {
    expect(six(m, { lastDuesPaidMonth: "2025-01" }, "2025-07-30")).toEqual([])
    expect(six(m, { lastDuesPaidMonth: "2025-01" }, "2025-07-31")).toHaveLength(1)
  })

  it("each condition is counted on its own: three lapses, three flags; unknown evidence raises nothing", () => {
    const all = { lastOrganizationalLifeOn: d("2024-01-01"), lastDuesPaidMonth: "2024-01", lastAssignedWorkOn: d("2024-01-01") }
    expect(six(m, all, "2025-01-01")).toHaveLength(3)
    expect(six(m, { ...all, lastDuesPaidMonth: "2024-12" }, "2025-01-01")).toHaveLength(2)
    expect(six(m, {}, "2030-01-01")).toEqual([])
  })

  it("never changes the status, and only party members in an active file are flagged", () => {
    const evidence = { lastOrganizationalLifeOn: d("2024-01-01") }
    six(m, evidence, "2025-01-01")
    expect(m.status).toBe("active")
    expect(six({ ...m, stage: "candidate" }, evidence, "2025-01-01")).toEqual([])
    expect(six({ ...m, status: "suspended" }, evidence, "2025-01-01")).toEqual([])
  })

  it("each call reads the rule of its own profile and day (the rule is remembered only for the same profile and day)", () => {
    const three = makeProfile("three-months", { zh: "三个月", en: "three months" }, [
      { ...lapseSixMonthsRule, versions: [{ ...lapseSixMonthsRule.versions[0], parameters: { months: 3 } }] }
    ])
    const evidence = { lastOrganizationalLifeOn: d("2025-01-10") }
    expect(six(m, evidence, "2025-04-10")).toEqual([])
    expect(sixMonthSignals(m, evidence, three, d("2025-04-10"))).toHaveLength(1)
    expect(six(m, evidence, "2025-04-10")).toEqual([])
    expect(sixMonthSignals(m, evidence, three, d("2025-04-09"))).toEqual([])
  })

  it("a justified decision after the evidence date silences the flag until newer evidence", () => {
    const decided = person("m1", { flagDecisions: [{ ruleId: "member.lapse.sixMonths", date: "2024-06-01", decidedBy: "支委会", outcome: "justified", note: "病假" }] })
    expect(six(decided, { lastOrganizationalLifeOn: d("2024-01-01") }, "2025-01-01")).toEqual([])
    // newer evidence (a meeting on 2024-07-01) then another lapse: the old decision no longer applies
    expect(six(decided, { lastOrganizationalLifeOn: d("2024-07-01") }, "2025-01-02")).toHaveLength(1)
    // a decision that is not "justified" silences nothing
    const noted = person("m1", { flagDecisions: [{ ruleId: "member.lapse.sixMonths", date: "2024-06-01", decidedBy: "支委会", outcome: "notJustified" }] })
    expect(six(noted, { lastOrganizationalLifeOn: d("2024-01-01") }, "2025-01-01")).toHaveLength(1)
  })
})

describe("member.lostContact.suspension (§6.3)", () => {
  it("out of contact since 2025-01-15: no flag on 2025-07-14, a flag to suspend on 2025-07-15", () => {
    const lost = person("m1", { lastContactOn: "2025-01-15" })
    expect(lostContactSignals(lost, profile, d("2025-07-14"))).toEqual([])
    const [f] = lostContactSignals(lost, profile, d("2025-07-15"))
    expect(f).toMatchObject({ ruleId: "member.lostContact.suspension", severity: "flag" })
    expect(f?.message.zh).toContain("停止党籍")
    expect(lost.status).toBe("active")
  })

  it("suspended on 2025-08-01 and not reached since: a flag for removal from 2027-08-01, not the day before", () => {
    const suspended = person("m1", {
      status: "suspended",
      lastContactOn: "2025-01-15",
      statusHistory: [{ status: "suspended", date: "2025-08-01", decidedBy: "支部大会", reason: "失联" }]
    })
    expect(lostContactSignals(suspended, profile, d("2027-07-31"))).toEqual([])
    expect(lostContactSignals(suspended, profile, d("2027-08-01"))[0]?.message.zh).toContain("除名")
    expect(lostContactSignals({ ...suspended, lastContactOn: d("2026-01-01") }, profile, d("2027-08-01"))).toEqual([])
  })
})

describe("member.abroad.suspension (§6.4)", () => {
  it("abroad since 2020-09-01: no flag on 2025-08-31, a flag from 2025-09-01 (the day five years complete)", () => {
    expect(abroadSignals(m, { abroadSince: d("2020-09-01") }, profile, d("2025-08-31"))).toEqual([])
    expect(abroadSignals(m, { abroadSince: d("2020-09-01") }, profile, d("2025-09-01"))[0]).toMatchObject({ ruleId: "member.abroad.suspension", severity: "flag" })
  })
})

describe("one boundary for every “after N months” signal: raised on the day the N months complete", () => {
  /** A date in 2020–2029, any day of any month (month ends included, so clamping is exercised). */
  const dateArb: fc.Arbitrary<CivilDate> = fc
    .record({ year: fc.integer({ min: 2020, max: 2029 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => fromParts(year, month, day))
  const suspendedOn = (on: CivilDate): Member =>
    person("m1", { status: "suspended", lastContactOn: addDays(on, -30), statusHistory: [{ status: "suspended", date: on, decidedBy: "支部大会", reason: "失联" }] })

  /** Each signal: the evidence it starts from, and the day its months complete. */
  const signals: ReadonlyArray<readonly [string, (start: CivilDate, today: CivilDate) => number, (start: CivilDate) => CivilDate]> = [
    ["lapse: organizational life", (s, t) => six(m, { lastOrganizationalLifeOn: s }, t).length, (s) => addMonths(s, 6)],
    ["lapse: assigned work", (s, t) => six(m, { lastAssignedWorkOn: s }, t).length, (s) => addMonths(s, 6)],
    ["lost contact: suspension", (s, t) => lostContactSignals(person("m1", { lastContactOn: s }), profile, t).length, (s) => addMonths(s, 6)],
    ["lost contact: removal", (s, t) => lostContactSignals(suspendedOn(s), profile, t).length, (s) => addMonths(s, 24)],
    ["abroad", (s, t) => abroadSignals(m, { abroadSince: s }, profile, t).length, (s) => addMonths(s, 60)]
  ]

  it.each(signals)("law (%s): no flag the day before the months complete, a flag on that day and after", (_name, flags, completes) => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (start, after) => {
        const on = completes(start)
        return flags(start, addDays(on, -1)) === 0 && flags(start, on) === 1 && flags(start, addDays(on, after)) === 1
      })
    )
  })

  it("law (lapse: dues): six whole unpaid months complete on the last day of the sixth; not the day before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2029 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const paid = `${year}-${String(month).padStart(2, "0")}`
        const sixthEnds = addDays(addMonths(fromParts(year, month, 1), 7), -1)
        const flags = (today: CivilDate) => six(m, { lastDuesPaidMonth: paid }, today).length
        return flags(addDays(sixthEnds, -1)) === 0 && flags(sixthEnds) === 1
      })
    )
  })

  it("month ends clamp: last contact on 2025-08-31 completes six months on 2026-02-28, like the lapse signal", () => {
    const lost = person("m1", { lastContactOn: "2025-08-31" })
    expect(lostContactSignals(lost, profile, d("2026-02-27"))).toEqual([])
    expect(lostContactSignals(lost, profile, d("2026-02-28"))).toHaveLength(1)
    expect(six(m, { lastOrganizationalLifeOn: d("2025-08-31") }, "2026-02-27")).toEqual([])
    expect(six(m, { lastOrganizationalLifeOn: d("2025-08-31") }, "2026-02-28")).toHaveLength(1)
  })
})
