import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { addDays, civilDate, fromParts } from "../../src/calendar/civil-date.js"
import type { SchoolCalendar } from "../../src/calendar/school-calendar.js"
import { branchCompliance } from "../../src/meeting/compliance.js"
import { heldFromMeetings } from "../../src/meeting/held.js"
import type { Meeting } from "../../src/meeting/meeting.js"
import { type PlanItem, yearPlan, type YearPlanOptions } from "../../src/meeting/plan.js"
import { movePlanItem } from "../../src/meeting/plan-move.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { Organization } from "../../src/org/organization.js"
import { planOptions, strict, tree } from "./fixtures.js"

const b1 = tree.find((o) => o.id === "b1")!
const b2 = tree.find((o) => o.id === "b2")!
const groups = tree.filter((o) => o.parentId === "b1")

const calendarOf = (year: number): SchoolCalendar => ({
  terms: [
    { id: `${year - 1}-${year}-2`, name: { zh: "第二学期", en: "Term 2" }, start: fromParts(year, 2, 20), end: fromParts(year, 7, 10) },
    { id: `${year}-${year + 1}-1`, name: { zh: "第一学期", en: "Term 1" }, start: fromParts(year, 9, 1), end: fromParts(year + 1, 1, 20) }
  ]
})

const options = (over: Partial<YearPlanOptions> = {}): YearPlanOptions => planOptions({ groups, ...over })

/** Every planned meeting recorded as held, on its day, by its organization (the secretary when the item says so). */
const recordAsHeld = (items: ReadonlyArray<PlanItem>, branch: Organization): ReadonlyArray<Meeting> =>
  items
    .filter((i) => i.type === "meeting")
    .map((i, n) => ({
      tenantId: b1.tenantId,
      id: `m${n}`,
      version: 1,
      organizationId: i.organizationId,
      branchId: branch.id,
      kinds: [i.meetingKind!],
      date: i.date,
      chairId: null,
      agenda: [],
      counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 },
      resolutions: [],
      ...(i.speaker === "secretary" ? { lecturer: { name: "书记", isSecretary: true } } : {})
    })) as unknown as ReadonlyArray<Meeting>

const gapsOf = (o: YearPlanOptions, meetings: ReadonlyArray<Meeting>) =>
  branchCompliance({ branch: o.branch, groups: o.groups, fullMembersOn: o.fullMembersOn }, heldFromMeetings(meetings, o.schoolCalendar), {
    profile: o.profile,
    from: fromParts(o.year, 1, 1),
    to: fromParts(o.year, 12, 31),
    asOf: fromParts(o.year + 1, 1, 1),
    ...(o.schoolCalendar === undefined ? {} : { schoolCalendar: o.schoolCalendar })
  }).findings

describe("yearPlan", () => {
  it("is deterministic: the same inputs give the same plan", () => {
    expect(yearPlan(options())).toEqual(yearPlan(options()))
  })

  it("主题党日 falls on the first Friday, moved off the May Day holiday to the next working day (2026-05-01 → 2026-05-06)", () => {
    const themeDays = yearPlan(options()).items.filter((i) => i.meetingKind === "themeDay")
    expect(themeDays).toHaveLength(12)
    expect(themeDays.slice(0, 5).map((i) => i.date)).toEqual(["2026-01-02", "2026-02-06", "2026-03-06", "2026-04-03", "2026-05-06"])
    expect(themeDays[0]).toMatchObject({ ruleId: "meeting.themeDay.monthly", startTime: "16:00", period: { label: "2026-01" } })
  })

  it("moves meetings out of school vacations where the period allows, and marks those it cannot", () => {
    const plan = yearPlan(options({ schoolCalendar: calendarOf(2026) }))
    const july = plan.items.find((i) => i.id === "b1/themeDay/2026-07")!
    const august = plan.items.find((i) => i.id === "b1/themeDay/2026-08")!
    expect(july.date).toBe("2026-07-03")
    expect(august.inVacation).toBe(true)
    expect(plan.items.find((i) => i.id === "b1/committee/2026-07")?.date).toBe("2026-07-02")
  })

  it("plans a 支委会 only where one is required (b2: 4 full members, no committee) and group meetings for each group", () => {
    const b2Plan = yearPlan(options({ branch: b2, groups: [], fullMembersOn: () => 4 }))
    expect(b2Plan.items.some((i) => i.meetingKind === "committee")).toBe(false)
    const b1Plan = yearPlan(options())
    expect(b1Plan.items.filter((i) => i.meetingKind === "partyGroup").map((i) => i.organizationId)).toEqual(
      Array.from({ length: 12 }, () => ["g1", "g2"]).flat()
    )
  })

  it("includes the term's election window", () => {
    const elected = { ...b1, term: { electedOn: civilDate("2023-09-10"), years: 3 } }
    const items = yearPlan(options({ branch: elected })).items.filter((i) => i.type === "election")
    expect(items.map((i) => [i.date, i.ruleId])).toEqual([
      ["2026-03-10", "org.term.reminderWindow"],
      ["2026-09-10", "org.term.reminderWindow"]
    ])
  })

  it("law: recording every planned meeting as held leaves the year without gaps", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2030 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 12 }),
        (year, weekday, week, withCalendar, isStrict, fullMembers) => {
          const small = { ...b2, foundedOn: civilDate("2000-01-01") }
          const o = options({
            year,
            themeDay: { weekday, week },
            profile: isStrict ? strict : nationalBaseline,
            ...(withCalendar ? { schoolCalendar: calendarOf(year) } : {}),
            ...(fullMembers % 2 === 0 ? {} : { branch: small, groups: [], fullMembersOn: () => fullMembers })
          })
          expect(gapsOf(o, recordAsHeld(yearPlan(o).items, o.branch))).toEqual([])
        }
      ),
      { numRuns: 40 }
    )
  }, 60_000)

  it("law: adding a held meeting never adds a gap", () => {
    const kinds = ["committee", "themeDay", "generalAssembly", "lecture", "orgLifeMeeting", "talks", "talksAmongMembers", "partyGroup"] as const
    const meetingArb = fc.record({
      day: fc.integer({ min: 0, max: 364 }),
      kind: fc.constantFrom(...kinds),
      group: fc.constantFrom("g1", "g2")
    })
    const toMeeting = (m: { day: number; kind: (typeof kinds)[number]; group: string }, n: number): Meeting =>
      ({
        tenantId: b1.tenantId,
        id: `x${n}`,
        version: 1,
        organizationId: m.kind === "partyGroup" ? m.group : "b1",
        branchId: "b1",
        kinds: [m.kind],
        date: addDays(civilDate("2026-01-01"), m.day),
        chairId: null,
        agenda: [],
        counts: { due: 0, present: 0, dueVoting: 0, presentVoting: 0 },
        resolutions: []
      }) as unknown as Meeting
    fc.assert(
      fc.property(fc.array(meetingArb, { maxLength: 60 }), meetingArb, (held, extra) => {
        const before = held.map(toMeeting)
        const after = [...before, toMeeting(extra, held.length)]
        const ids = (ms: ReadonlyArray<Meeting>) => new Set(gapsOf(options(), ms).map((f) => f.message.en))
        const was = ids(before)
        for (const gap of ids(after)) expect(was.has(gap)).toBe(true)
      }),
      { numRuns: 60 }
    )
  }, 60_000)
})

describe("movePlanItem", () => {
  const plan = yearPlan(options())

  it("moves a meeting within its period", () => {
    const moved = Either.getOrThrow(movePlanItem(plan, "b1/themeDay/2026-03", civilDate("2026-03-20")))
    expect(moved.items.find((i) => i.id === "b1/themeDay/2026-03")?.date).toBe("2026-03-20")
    expect(gapsOf(options(), recordAsHeld(moved.items, b1))).toEqual([])
  })

  it("refuses a move that would leave the period without one, naming the cadence rule and the days allowed", () => {
    const refused = movePlanItem(plan, "b1/themeDay/2026-03", civilDate("2026-04-02"))
    expect(Either.isLeft(refused) && refused.left).toMatchObject({
      _tag: "ZhibuPlanMoveRefused",
      ruleId: "meeting.themeDay.monthly",
      allowedFrom: "2026-03-01",
      allowedUntil: "2026-03-31"
    })
  })

  it("refuses an unknown item and a deadline", () => {
    expect(Either.isLeft(movePlanItem(plan, "nope", civilDate("2026-03-20")))).toBe(true)
  })
})
