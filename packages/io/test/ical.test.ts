import { civilDate, nationalBaseline, weekdayCalendar, type Organization } from "@zhibu/core"
import { yearPlan } from "@zhibu/core/rules"
import { organizationKind } from "@zhibu/core/store"
import * as Schema from "effect/Schema"
import ICAL from "ical.js"
import { describe, expect, it } from "vitest"
import { chinaInstant, yearPlanToICalendar } from "../src/index.js"

const leadership = { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: ["m1", "m2", "m3"] }
const branch: Organization = Schema.decodeSync(organizationKind.schema)({
  tenantId: "t1",
  id: "b1",
  version: 1,
  kind: "branch",
  name: "第一党支部",
  parentId: null,
  units: ["school-1"],
  basis: "school",
  canApproveAdmissions: false,
  foundedOn: "2020-01-01",
  leadership,
  term: { electedOn: "2023-09-10", years: 3 },
  dissolvedOn: null
})

const plan = yearPlan({
  profile: nationalBaseline,
  year: 2026,
  branch,
  groups: [],
  fullMembersOn: () => 12,
  today: civilDate("2026-01-05"),
  workdays: weekdayCalendar,
  themeDay: { weekday: 5, week: 1 }
})

const generatedAt = new Date("2026-01-05T02:00:00Z")
const text = yearPlanToICalendar(plan, { generatedAt })
const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c))

describe("yearPlanToICalendar, read back by ical.js", () => {
  it("writes one event per plan item, with the plan item's id in a stable UID", () => {
    expect(vevents).toHaveLength(plan.items.length)
    expect(new Set(vevents.map((e) => e.uid)).size).toBe(plan.items.length)
    expect(vevents.map((e) => e.uid)).toContain("b1/b1/themeDay/2026-01@zhibu")
    expect(text).toContain("METHOD:PUBLISH")
    expect(text).toContain("\r\n")
  })

  it("a meeting at 16:00 in China is 08:00 UTC, whatever the exporting machine's zone", () => {
    const themeDay = vevents.find((e) => e.uid === "b1/b1/themeDay/2026-01@zhibu")!
    expect(themeDay.startDate.isDate).toBe(false)
    expect(themeDay.startDate.toJSDate().toISOString()).toBe("2026-01-02T08:00:00.000Z")
    expect(themeDay.endDate.toJSDate().toISOString()).toBe("2026-01-02T09:30:00.000Z")
    expect(themeDay.summary).toBe("主题党日")
    expect(themeDay.description).toContain("meeting.themeDay.monthly")
    expect(text).toContain("DTSTART:20260102T080000Z")
  })

  it("an election date is an all-day event (VALUE=DATE) on its civil date", () => {
    const due = vevents.find((e) => e.uid === "b1/b1/election/due/2026-09-10@zhibu")!
    expect(due.startDate.isDate).toBe(true)
    expect(due.startDate.toString()).toBe("2026-09-10")
    expect(due.endDate.toString()).toBe("2026-09-11")
    expect(text).toContain("DTSTART;VALUE=DATE:20260910")
  })

  it("a dues month and a study checkpoint are all-day events citing their rule and the month or quarter they concern", () => {
    const dues = vevents.find((e) => e.uid === "b1/b1/dues/2026-01@zhibu")!
    expect(dues.startDate.isDate).toBe(true)
    expect(dues.startDate.toString()).toBe("2026-01-02")
    expect(dues.summary).toBe("收缴2026年1月党费")
    expect(dues.description).toContain("dues.payment.methods")
    expect(dues.description).toContain("所属周期：2026-01")
    const study = vevents.find((e) => e.uid === "b1/b1/study/2026-Q1@zhibu")!
    expect(study.startDate.isDate).toBe(true)
    expect(study.startDate.toString()).toBe("2026-03-31")
    expect(study.endDate.toString()).toBe("2026-04-01")
    expect(study.description).toContain("study.member.annualHours")
    expect(study.summary).toContain("8学时")
  })

  it("is deterministic, and speaks English when asked", () => {
    expect(yearPlanToICalendar(plan, { generatedAt })).toBe(text)
    expect(yearPlanToICalendar(plan, { generatedAt, locale: "en" })).toContain("SUMMARY:theme party day")
  })

  it("chinaInstant converts China clock time to the UTC instant", () => {
    expect(chinaInstant("2026-03-01", "07:30").toISOString()).toBe("2026-02-28T23:30:00.000Z")
  })
})
